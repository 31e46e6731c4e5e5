"use client";

import { useRouter } from "next/navigation";
import { useState } from "react";
import { ConfirmButton } from "@/components/ui/confirm-button";
import { controlClasses } from "@/components/ui/field";
import { useAction } from "@/components/ui/use-action";
import { endSessionsAction } from "@/lib/actions/activity";
import { keyName } from "@/lib/activity/labels";

type Target = { all: true } | { kid: string } | { linkId: string };

/** Ends live sessions: all of them, those a key's tokens opened, or those a test link opened. */
export function EndSessionsPanel({
  orgSlug,
  eventSlug,
  groups,
}: {
  orgSlug: string;
  eventSlug: string;
  groups: { total: number; byKey: Array<{ kid: string; label: string | null; status: string; open: number }>; byLink: Array<{ linkId: string; displayName: string; open: number }> };
}) {
  const router = useRouter();
  const [choice, setChoice] = useState("all");
  const { run, pending, error, reset } = useAction(endSessionsAction);
  const options: Array<{ value: string; label: string; target: Target; open: number }> = [
    { value: "all", label: `Everyone in the event (${groups.total})`, target: { all: true }, open: groups.total },
    ...groups.byKey.map((k) => ({ value: `kid:${k.kid}`, label: `Signed in with key ${keyName(k)} · ${k.status} (${k.open})`, target: { kid: k.kid }, open: k.open })),
    ...groups.byLink.map((l) => ({ value: `link:${l.linkId}`, label: `Test link for ${l.displayName} (${l.open})`, target: { linkId: l.linkId }, open: l.open })),
  ];
  const selected = options.find((o) => o.value === choice) ?? options[0]!;
  return (
    <div className="flex flex-wrap items-end gap-3">
      <label className="flex min-w-0 flex-col gap-1 text-sm">
        <span className="font-medium text-slate-800">Sessions to end</span>
        <select className={`${controlClasses} max-w-full`} value={selected.value} onChange={(e) => setChoice(e.target.value)}>
          {options.map((o) => (
            <option key={o.value} value={o.value}>
              {o.label}
            </option>
          ))}
        </select>
      </label>
      <ConfirmButton
        label={`End ${selected.open} session${selected.open === 1 ? "" : "s"}`}
        disabled={selected.open === 0}
        title={`End ${selected.open} live session${selected.open === 1 ? "" : "s"}?`}
        consequence={
          <div className="space-y-2">
            <p>
              {selected.label.replace(/ \(\d+\)$/, "")}: their next page in the event says the organizer ended their session (reason{" "}
              <code className="font-mono text-xs">session_ended</code>).
            </p>
            <p>They get in again only with a fresh token. To keep someone out for good, also revoke their link or key.</p>
          </div>
        }
        confirmLabel="End sessions"
        pending={pending}
        error={error}
        onConfirm={(_, close) => {
          reset();
          run({ orgSlug, eventSlug, target: selected.target }, () => {
            close();
            router.refresh();
          });
        }}
      />
    </div>
  );
}
