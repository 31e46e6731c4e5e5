import type { KeyView } from "@/lib/keys/service";
import type { RevocationNote } from "@/lib/keys/presentation";
import { currentStepNumber, ROTATION_STEPS, type KeyActivity, type NextStep } from "@/lib/keys/rotation";
import { relativeTo } from "@/lib/format";
import { Alert } from "@/components/ui/alert";
import { cn } from "@/components/ui/cn";
import { AddKeyButtons } from "./add-key-dialogs";
import { KeyTransitionButton } from "./key-transition-button";
import type { KeyCardContext } from "./key-card";
import { Time } from "@/components/ui/time";

const keyName = (key: KeyView) => (key.hostKid ? `${key.shortKid} “${key.hostKid}”` : key.shortKid);

/** Where the event is in a rotation (five steps, one order), the ONE next step, and the sign-ins that show progress. */
export function RotationGuide({
  step,
  keys,
  notes,
  activity,
  overrun,
  context,
  now,
}: {
  step: NextStep;
  keys: KeyView[];
  notes: Map<string, RevocationNote | null>;
  activity: Map<string, KeyActivity>;
  overrun: { since: Date; activeKeyIds: string[] } | null;
  context: KeyCardContext;
  now: Date;
}) {
  const byId = new Map(keys.map((k) => [k.id, k]));
  const current = currentStepNumber(step);
  const hideSteps = step.kind === "first";
  return (
    <div className="space-y-4" data-testid="rotation-guide" data-step={current === 0 ? "idle" : current}>
      {overrun ? (
        <Alert tone="warning" title={`${overrun.activeKeyIds.length} keys are still active, past the overlap you chose`}>
          Since <Time value={overrun.since} />, keys {overrun.activeKeyIds.map((id) => byId.get(id)?.shortKid).join(" and ")} all verify new tokens. Once your platform
          signs with the newest one only, retire the others: every extra active key is one more private key that can sign attendees in.
        </Alert>
      ) : null}
      {hideSteps ? null : <p className="text-sm font-medium text-slate-900">{current === 0 ? "Rotating keys without downtime" : "Key rotation in progress"}</p>}
      <ol className={cn("grid gap-2 sm:grid-cols-5", hideSteps && "hidden")}>
        {ROTATION_STEPS.map((s, i) => {
          const n = i + 1;
          const state = current === 0 ? "upcoming" : n < current ? "done" : n === current ? "current" : "upcoming";
          return (
            <li
              key={s.title}
              aria-current={state === "current" ? "step" : undefined}
              className={cn(
                "rounded-md px-3 py-2 ring-1 ring-inset",
                state === "current" ? "bg-indigo-50 ring-2 ring-indigo-600" : state === "done" ? "bg-emerald-50 ring-emerald-200" : "bg-white ring-slate-200",
              )}
            >
              <p className="flex items-center gap-2 text-sm font-semibold text-slate-900">
                <span
                  aria-hidden
                  className={cn(
                    "inline-flex size-5 shrink-0 items-center justify-center rounded-full text-xs",
                    state === "current" ? "bg-indigo-600 text-white" : state === "done" ? "bg-emerald-600 text-white" : "bg-slate-200 text-slate-700",
                  )}
                >
                  {state === "done" ? "✓" : n}
                </span>
                {s.title}
                {state === "done" ? <span className="sr-only">(done)</span> : null}
              </p>
              <p className="mt-1 text-xs text-slate-600">{s.text}</p>
            </li>
          );
        })}
      </ol>
      <NextStepPanel step={step} byId={byId} notes={notes} context={context} />
      <Progress keys={keys.filter((k) => k.status === "active" || k.status === "retired")} activity={activity} now={now} />
    </div>
  );
}

/** Each verifying key's part in the last hour's sign-ins: how the admin sees the platform switch. */
function Progress({ keys, activity, now }: { keys: KeyView[]; activity: Map<string, KeyActivity>; now: Date }) {
  if (keys.length < 2) return null;
  return (
    <div className="text-sm text-slate-700" data-testid="rotation-progress">
      <p className="font-medium text-slate-900">Sign-ins in the last hour, by key</p>
      <ul className="mt-1 space-y-1">
        {keys.map((k) => {
          const a = activity.get(k.id);
          const share = a?.share ?? null;
          return (
            <li key={k.id} className="flex flex-wrap items-center gap-2">
              <code className="font-mono text-xs">{keyName(k)}</code>
              <span className="text-slate-500">({k.status})</span>
              {share !== null ? (
                <span>
                  {Math.round(share * 100)}% · {a?.signIns ?? 0} sign-in{a?.signIns === 1 ? "" : "s"}
                </span>
              ) : (
                <span>
                  {a?.recent && k.lastVerifiedAt
                    ? `signs attendees in (last ${relativeTo(k.lastVerifiedAt, now)})`
                    : k.lastVerifiedAt
                      ? `none (last ${relativeTo(k.lastVerifiedAt, now)})`
                      : "none yet"}
                </span>
              )}
            </li>
          );
        })}
      </ul>
    </div>
  );
}

function NextStepPanel({ step, byId, notes, context }: { step: NextStep; byId: Map<string, KeyView>; notes: Map<string, RevocationNote | null>; context: KeyCardContext }) {
  const button = (key: KeyView, transition: "activate" | "retire" | "revoke", emphasis = true) =>
    context.writable ? (
      <KeyTransitionButton
        orgSlug={context.orgSlug}
        eventSlug={context.eventSlug}
        keyId={key.id}
        kid={key.kid}
        shortKid={key.shortKid}
        transition={transition}
        onlyActiveKey={transition === "retire" && context.activeCount === 1}
        revocation={notes.get(key.id) ?? undefined}
        longestLifetime={context.longestLifetime}
        keepsPrivateKey={key.keepsPrivateKey}
        emphasis={emphasis}
      />
    ) : null;
  const addButtons = context.writable ? <AddKeyButtons size="sm" /> : null;
  const panel = (text: React.ReactNode, action?: React.ReactNode) => (
    <div
      className="flex flex-wrap items-center justify-between gap-3 rounded-md bg-slate-50 px-4 py-3 text-sm text-slate-700 ring-1 ring-inset ring-slate-200"
      data-testid="next-step"
      data-kind={step.kind}
    >
      <p className="min-w-0 max-w-3xl">
        <span className="font-semibold text-slate-900">Next: </span>
        {text}
      </p>
      {action}
    </div>
  );
  const code = (key: KeyView) => <code className="font-mono">{keyName(key)}</code>;

  switch (step.kind) {
    case "first":
      return panel("this event has no key yet. Generate a key or paste the public key your platform signs with, and activate it.", addButtons);
    case "add_and_activate":
      return panel("add a key and activate it: without an active key no attendee can sign in.", addButtons);
    case "idle":
      return panel(
        "nothing to do: one active key. To rotate (yearly, when someone with access leaves, or if the private key may have leaked), add a new key on standby.",
        addButtons,
      );
    case "activate": {
      const key = byId.get(step.keyId)!;
      return panel(
        <>
          activate key {code(key)} (on standby since <Time value={key.createdAt} />). {step.replacesKeyId ? "Old and new keys then both verify; after that, switch your platform to sign with it." : "Tokens signed with it are then accepted."}
        </>,
        button(key, "activate"),
      );
    }
    case "switch_then_retire": {
      const old = byId.get(step.keyId)!;
      const next = byId.get(step.newKeyId)!;
      return panel(
        step.platformSwitched ? (
          <>
            your platform signs with {code(next)} now (the last hour&apos;s sign-ins all used it): retire the old key {code(old)}. Tokens it already signed keep working.
          </>
        ) : (
          <>
            switch your platform to sign with {code(next)} (kid <code className="break-all font-mono">{next.hostKid ?? next.kid}</code> in the token header). Both keys
            verify meanwhile. Once it does, retire the old key {code(old)}.
          </>
        ),
        button(old, "retire", step.platformSwitched),
      );
    }
    case "revoke_retired": {
      const key = byId.get(step.keyId)!;
      const note = notes.get(key.id);
      return panel(
        <>
          revoke the retired key {code(key)} when it is safe. {note?.text}
        </>,
        button(key, "revoke", note?.tone === "safe"),
      );
    }
    case "revoke_leftover": {
      const key = byId.get(step.keyId)!;
      return panel(
        <>
          key {code(key)} has been on standby since <Time value={key.createdAt} />, older than the active key, and was never used: revoke it so only the active key remains.
        </>,
        button(key, "revoke", true),
      );
    }
  }
}
