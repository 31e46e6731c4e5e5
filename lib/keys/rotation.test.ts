import { describe, expect, it } from "vitest";
import type { KeyStatus } from "./lifecycle";
import { activityFromLastUse, activityFromSignIns, currentStepNumber, nextRotationStep, overlapOverrun, type NextStep, type RotationKey } from "./rotation";

const now = new Date("2027-03-01T12:00:00Z");
const ago = (minutes: number) => new Date(now.getTime() - minutes * 60_000);

function key(id: string, status: KeyStatus, createdMinutesAgo: number, extra: Partial<RotationKey> = {}): RotationKey {
  return { id, status, createdAt: ago(createdMinutesAgo), activatedAt: status === "standby" ? null : ago(createdMinutesAgo - 1), retiredAt: null, lastVerifiedAt: null, overlapEndsAt: null, ...extra };
}

/** Does what the Next box proposes, as an admin following only it would. */
function follow(keys: RotationKey[], step: NextStep, minute: number): RotationKey[] {
  const at = ago(-minute);
  return keys.map((k) => {
    if (step.kind === "activate" && k.id === step.keyId) return { ...k, status: "active", activatedAt: at };
    if (step.kind === "switch_then_retire" && k.id === step.keyId) return { ...k, status: "retired", retiredAt: at };
    if ((step.kind === "revoke_retired" || step.kind === "revoke_leftover") && k.id === step.keyId) return { ...k, status: "revoked" };
    return k;
  });
}

describe("the Next box", () => {
  it("proposes one step at a time and, followed from several standby keys, ends at ONE active key (it ended at 4 before)", () => {
    let keys = [key("old", "active", 500), key("s1", "standby", 300), key("s2", "standby", 200), key("s3", "standby", 100)];
    const seen: string[] = [];
    for (let minute = 1; minute < 20; minute++) {
      const step = nextRotationStep(keys);
      seen.push(step.kind === "idle" || step.kind === "first" || step.kind === "add_and_activate" ? step.kind : `${step.kind}:${step.keyId}`);
      if (step.kind === "idle") break;
      keys = follow(keys, step, minute);
      expect(keys.filter((k) => k.status === "active").length).toBeLessThanOrEqual(2);
    }
    // The newest standby key is the rotation; the older ones are leftovers, revoked (never activated).
    expect(seen).toEqual(["activate:s3", "switch_then_retire:old", "revoke_retired:old", "revoke_leftover:s2", "revoke_leftover:s1", "idle"]);
    expect(keys.filter((k) => k.status === "active").map((k) => k.id)).toEqual(["s3"]);
  });

  it("retires down to the newest active key before anything else, oldest first", () => {
    const keys = [key("a", "active", 400), key("b", "active", 300), key("c", "active", 200), key("d", "active", 100), key("s", "standby", 10)];
    expect(nextRotationStep(keys)).toEqual({ kind: "switch_then_retire", keyId: "a", newKeyId: "d", platformSwitched: false });
  });

  it("says the platform switched once the new key has the last hour's sign-ins and the old one none", () => {
    const keys = [key("old", "active", 400, { lastVerifiedAt: ago(90) }), key("new", "active", 100, { lastVerifiedAt: ago(2) })];
    const step = nextRotationStep(keys, activityFromLastUse(keys, now));
    expect(step).toMatchObject({ kind: "switch_then_retire", platformSwitched: true });
    expect(currentStepNumber(step)).toBe(4);
    const both = [key("old", "active", 400, { lastVerifiedAt: ago(1) }), key("new", "active", 100, { lastVerifiedAt: ago(2) })];
    const waiting = nextRotationStep(both, activityFromLastUse(both, now));
    expect(waiting).toMatchObject({ platformSwitched: false });
    expect(currentStepNumber(waiting)).toBe(3);
  });

  it("reads the platform's switch from the recorded sign-ins: the new key has them all, the old none", () => {
    const keys = [key("old", "active", 400), key("new", "active", 100)];
    const switched = activityFromSignIns(keys, [{ keyId: "new", signedIn: 40 }], now);
    expect(switched.get("new")).toEqual({ share: 1, signIns: 40, recent: true });
    expect(switched.get("old")).toEqual({ share: 0, signIns: 0, recent: false });
    expect(nextRotationStep(keys, switched)).toMatchObject({ kind: "switch_then_retire", keyId: "old", platformSwitched: true });

    const both = activityFromSignIns(keys, [{ keyId: "new", signedIn: 30 }, { keyId: "old", signedIn: 10 }, { keyId: null, signedIn: 5 }], now);
    expect(both.get("old")).toMatchObject({ share: 0.25, signIns: 10 });
    expect(nextRotationStep(keys, both)).toMatchObject({ platformSwitched: false });
  });

  it("counts a sign-in the recorder has not flushed yet through the key's last use", () => {
    const keys = [key("old", "active", 400, { lastVerifiedAt: ago(0) }), key("new", "active", 100)];
    const activity = activityFromSignIns(keys, [{ keyId: "new", signedIn: 3 }], now);
    expect(activity.get("old")).toEqual({ share: 0, signIns: 0, recent: true });
    expect(nextRotationStep(keys, activity)).toMatchObject({ platformSwitched: false });
    expect(activityFromSignIns(keys, [], now).get("new")).toEqual({ share: null, signIns: 0, recent: false });
  });

  it("starts from nothing, and from an event left without an active key", () => {
    expect(nextRotationStep([])).toEqual({ kind: "first" });
    expect(nextRotationStep([key("r", "retired", 100, { retiredAt: ago(5) })])).toEqual({ kind: "add_and_activate" });
    expect(nextRotationStep([key("r", "retired", 100), key("s", "standby", 50)])).toEqual({ kind: "activate", keyId: "s", replacesKeyId: null });
    expect(nextRotationStep([key("a", "active", 100)])).toEqual({ kind: "idle", activeKeyId: "a" });
  });
});

describe("the overlap warning", () => {
  it("warns when more than one key stays active past the overlap chosen at activation", () => {
    const old = key("old", "active", 5000);
    const fresh = key("new", "active", 120, { activatedAt: ago(119), overlapEndsAt: ago(59) });
    expect(overlapOverrun([old, fresh], now)).toEqual({ since: ago(59), activeKeyIds: ["old", "new"] });
    expect(overlapOverrun([old, { ...fresh, overlapEndsAt: ago(-60) }], now)).toBeNull();
    expect(overlapOverrun([fresh], now)).toBeNull();
    // Keys activated before overlaps were recorded: one day.
    expect(overlapOverrun([old, { ...fresh, overlapEndsAt: null, activatedAt: ago(25 * 60) }], now)).not.toBeNull();
  });
});
