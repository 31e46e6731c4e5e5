"use client";

import { useRouter } from "next/navigation";
import { revokeApiKeyAction } from "@/lib/actions/api-keys";
import { ConfirmButton } from "@/components/ui/confirm-button";
import { useAction } from "@/components/ui/use-action";

export function RevokeApiKeyButton({ orgSlug, apiKeyId, name }: { orgSlug: string; apiKeyId: string; name: string }) {
  const router = useRouter();
  const revoke = useAction(revokeApiKeyAction);
  return (
    <ConfirmButton
      label="Revoke"
      title={`Revoke the API key “${name}”?`}
      consequence="Every request with this key is refused from now on (401). Scripts using it stop working until they get a new key. This cannot be undone."
      confirmLabel="Revoke key"
      pending={revoke.pending}
      error={revoke.error}
      onConfirm={(_, close) => revoke.run({ orgSlug, apiKeyId }, () => { close(); router.refresh(); })}
    />
  );
}
