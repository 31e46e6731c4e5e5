"use client";

import { useRouter } from "next/navigation";
import { acceptInvitationAction } from "@/lib/actions/members";
import { Button } from "@/components/ui/button";
import { FormError } from "@/components/ui/form-error";
import { useAction } from "@/components/ui/use-action";

export function AcceptInvitation({ invitationId }: { invitationId: string }) {
  const router = useRouter();
  const { run, pending, error } = useAction(acceptInvitationAction);
  return (
    <div className="space-y-3">
      <Button className="w-full" disabled={pending} onClick={() => run({ invitationId }, (data) => router.push(`/orgs/${data.organizationSlug}/events`))}>
        {pending ? "Joining…" : "Accept and join"}
      </Button>
      <FormError error={error} />
    </div>
  );
}
