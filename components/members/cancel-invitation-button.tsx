"use client";

import { useRouter } from "next/navigation";
import { cancelInvitationAction } from "@/lib/actions/members";
import { ConfirmButton } from "@/components/ui/confirm-button";
import { useAction } from "@/components/ui/use-action";

export function CancelInvitationButton({ orgSlug, invitationId, email }: { orgSlug: string; invitationId: string; email: string }) {
  const router = useRouter();
  const cancel = useAction(cancelInvitationAction);
  return (
    <ConfirmButton
      label="Cancel"
      title={`Cancel the invitation for ${email}?`}
      consequence="The link stops working at once. You can invite them again later."
      confirmLabel="Cancel invitation"
      pending={cancel.pending}
      error={cancel.error}
      onConfirm={(_, close) => cancel.run({ orgSlug, invitationId }, () => { close(); router.refresh(); })}
    />
  );
}
