"use client";

import { useRouter } from "next/navigation";
import { useState } from "react";
import { setJwksUrlAction, stopJwksUrlAction } from "@/lib/actions/keys";
import { ActionForm } from "@/components/ui/action-form";
import { Alert } from "@/components/ui/alert";
import { Button } from "@/components/ui/button";
import { TextField } from "@/components/ui/field";
import { FormError } from "@/components/ui/form-error";
import { useAction } from "@/components/ui/use-action";

type Trial = { accepted: string[]; refused: Array<{ kid: string; reason: string; message: string }>; url: string | null };

/** Set, change or stop the JWKS URL the event follows; setting fetches it once and shows what was found. */
export function JwksUrlForm({ orgSlug, eventSlug, currentUrl }: { orgSlug: string; eventSlug: string; currentUrl: string | null }) {
  const router = useRouter();
  const set = useAction(setJwksUrlAction);
  const stop = useAction(stopJwksUrlAction);
  const [url, setUrl] = useState(currentUrl ?? "");
  const [trial, setTrial] = useState<Trial | null>(null);

  return (
    <div className="space-y-3">
      <ActionForm
        className="flex flex-wrap items-end gap-2"
        onSubmit={() => {
          setTrial(null);
          set.run({ orgSlug, eventSlug, jwksUrl: url }, (data) => {
            setTrial(data);
            router.refresh();
          });
        }}
      >
        <TextField
          className="min-w-0 flex-1 basis-72"
          label="JWKS URL"
          name="jwksUrl"
          type="url"
          inputMode="url"
          placeholder="https://auth.example.com/.well-known/jwks.json"
          value={url}
          onChange={(e) => setUrl(e.target.value)}
          error={set.fieldError("jwksUrl")}
        />
        <Button type="submit" disabled={set.pending}>
          {set.pending ? "Fetching…" : currentUrl ? "Fetch and save" : "Fetch and follow"}
        </Button>
        {currentUrl ? (
          <Button
            type="button"
            variant="danger-outline"
            disabled={stop.pending}
            onClick={() =>
              stop.run({ orgSlug, eventSlug }, () => {
                setUrl("");
                setTrial(null);
                router.refresh();
              })
            }
          >
            Stop following
          </Button>
        ) : null}
      </ActionForm>
      {set.error && !set.fieldError("jwksUrl") ? <FormError error={set.error} /> : null}
      {stop.error ? <FormError error={stop.error} /> : null}
      {trial ? (
        <div data-testid="jwks-trial">
          <Alert
            tone={trial.refused.length > 0 ? "warning" : "success"}
            role="status"
            title={`Fetched: ${trial.accepted.length} key${trial.accepted.length === 1 ? " now verifies" : "s now verify"} tokens`}
          >
            {trial.accepted.join(", ")}
            {trial.refused.length > 0 ? (
              <ul className="mt-2 list-disc pl-5">
                {trial.refused.map((r) => (
                  <li key={`${r.kid}-${r.reason}`}>
                    Skipped {r.kid}: {r.message}
                  </li>
                ))}
              </ul>
            ) : null}
          </Alert>
        </div>
      ) : null}
    </div>
  );
}
