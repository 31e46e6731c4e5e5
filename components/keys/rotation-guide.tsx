import type { KeyView } from "@/lib/keys/service";
import type { RevocationNote, RotationStep } from "@/lib/keys/presentation";
import { formatUtc } from "@/lib/format";
import { cn } from "@/components/ui/cn";
import { KeyTransitionButton } from "./key-transition-button";
import type { KeyCardContext } from "./key-card";

const STEPS = [
  { title: "Add a new key", text: "Generate one, or paste the public key of a pair you made. It starts on standby." },
  { title: "Activate it", text: "Old and new keys both verify tokens. Switch your platform to sign with the new one." },
  { title: "Retire the old key", text: "Tokens it already signed keep working, so nobody is turned away." },
  { title: "Revoke it when safe", text: "Once no valid token can carry it (this page says when), revoke it for good." },
] as const;

/** Where the event is in a rotation, and the one next step, with its own explained confirmation. */
export function RotationGuide({
  step,
  keys,
  notes,
  context,
}: {
  step: RotationStep;
  keys: KeyView[];
  notes: Map<string, RevocationNote | null>;
  context: KeyCardContext;
}) {
  const byId = new Map(keys.map((k) => [k.id, k]));
  // Idle (nothing under way): no step is "current"; for an event that never had a key, the steps would only be noise.
  const current = step.step === 1 && step.idle ? 0 : step.step;
  const hideSteps = step.step === 1 && step.first;
  return (
    <div className="space-y-4" data-testid="rotation-guide" data-step={current === 0 ? "idle" : current}>
      {hideSteps ? null : <p className="text-sm font-medium text-slate-900">{current === 0 ? "Rotating keys without downtime" : "Key rotation in progress"}</p>}
      <ol className={cn("grid gap-2 sm:grid-cols-4", hideSteps && "hidden")}>
        {STEPS.map((s, i) => {
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
      <NextStep step={step} byId={byId} notes={notes} context={context} />
    </div>
  );
}

function NextStep({
  step,
  byId,
  notes,
  context,
}: {
  step: RotationStep;
  byId: Map<string, KeyView>;
  notes: Map<string, RevocationNote | null>;
  context: KeyCardContext;
}) {
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
  const panel = (text: React.ReactNode, action?: React.ReactNode) => (
    <div className="flex flex-wrap items-center justify-between gap-3 rounded-md bg-slate-50 px-4 py-3 text-sm text-slate-700 ring-1 ring-inset ring-slate-200">
      <p className="min-w-0 max-w-3xl">
        <span className="font-semibold text-slate-900">Next: </span>
        {text}
      </p>
      {action}
    </div>
  );

  if (step.step === 1) {
    return panel(
      step.first
        ? "this event has no key yet. Generate a key or paste the public key your platform signs with, and activate it."
        : context.activeCount === 0
          ? "add a key and activate it: without an active key no attendee can sign in."
          : "nothing to do. To rotate (yearly, when someone with access leaves, or if the private key may have leaked), add a new key.",
    );
  }
  if (step.step === 2) {
    const key = byId.get(step.keyId)!;
    return panel(
      <>
        activate key <code className="font-mono">{key.shortKid}</code> (on standby since {formatUtc(key.createdAt)}), then switch your platform to sign with it.
      </>,
      button(key, "activate"),
    );
  }
  if (step.step === 3) {
    const key = byId.get(step.keyId)!;
    return panel(
      <>
        once your platform signs with the new key, retire the old key <code className="font-mono">{key.shortKid}</code> (active since {formatUtc(key.activatedAt)}).
      </>,
      button(key, "retire"),
    );
  }
  const retired = step.keyIds.map((id) => byId.get(id)!);
  return (
    <div className="space-y-2">
      {retired.map((key) => {
        const note = notes.get(key.id);
        return (
          <div key={key.id}>
            {panel(
              <>
                revoke the retired key <code className="font-mono">{key.shortKid}</code> when it is safe. {note?.text}
              </>,
              button(key, "revoke", note?.tone === "safe"),
            )}
          </div>
        );
      })}
    </div>
  );
}
