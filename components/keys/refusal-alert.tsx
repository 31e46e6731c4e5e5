import type { ErrorBody } from "@/lib/errors";
import { isKeyRefusalBody } from "@/lib/keys/errors";
import type { KeyRefusal } from "@/lib/keys/refusals";
import { Alert } from "@/components/ui/alert";
import { CopyButton } from "@/components/ui/copy-button";
import { FormError } from "@/components/ui/form-error";

/** A refused key: headline, what to do instead, and the command that does it. Other errors fall back to FormError. */
export function RefusalAlert({ error, refusal }: { error?: ErrorBody | null; refusal?: KeyRefusal | null }) {
  const shown = refusal ?? (isKeyRefusalBody(error) ? { title: error.title, message: error.message, command: error.command, reason: error.reason } : null);
  if (!shown) return <FormError error={error ?? null} />;
  return (
    <Alert tone={shown.reason === "duplicate" ? "warning" : "danger"} title={shown.title} role="alert">
      <div data-refusal={shown.reason}>
        <p>{shown.message}</p>
        {shown.command ? (
          <div className="mt-2 flex items-start gap-2">
            <code className="min-w-0 flex-1 break-all rounded bg-white px-2 py-1.5 font-mono text-xs text-slate-900 ring-1 ring-inset ring-red-200">{shown.command}</code>
            <CopyButton value={shown.command} label="Copy command" />
          </div>
        ) : null}
      </div>
    </Alert>
  );
}
