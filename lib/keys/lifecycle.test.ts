import { describe, expect, it } from "vitest";
import { AppError } from "@/lib/errors";
import {
  allowedTransitions,
  applyTransition,
  KEY_STATUSES,
  KEY_TRANSITION_NAMES,
  keyHealth,
  leavesNoActiveKey,
  verifiesTokens,
  isPublished,
  type KeyStatus,
  type KeyTimestamps,
  type KeyTransition,
} from "./lifecycle";

const t0 = new Date("2027-03-01T10:00:00Z");
const at = (minutes: number) => new Date(t0.getTime() + minutes * 60_000);
const fresh = (status: KeyStatus = "standby"): KeyTimestamps => ({ status, activatedAt: null, retiredAt: null, revokedAt: null });

function attempt(key: KeyTimestamps, transition: KeyTransition, now: Date): KeyTimestamps | AppError {
  try {
    return applyTransition(key, transition, now);
  } catch (error) {
    if (error instanceof AppError) return error;
    throw error;
  }
}

describe("key lifecycle", () => {
  it("allows exactly standby → active → retired → revoked and standby → revoked", () => {
    const table = Object.fromEntries(KEY_STATUSES.map((s) => [s, allowedTransitions(s)]));
    expect(table).toEqual({ standby: ["activate", "revoke"], active: ["retire"], retired: ["revoke"], revoked: [] });
  });

  it("walks the rotation path and stamps each step", () => {
    const active = applyTransition(fresh(), "activate", at(1));
    const retired = applyTransition(active, "retire", at(2));
    const revoked = applyTransition(retired, "revoke", at(3));
    expect(revoked).toEqual({ status: "revoked", activatedAt: at(1), retiredAt: at(2), revokedAt: at(3) });
    expect(applyTransition(fresh(), "revoke", at(1))).toEqual({ status: "revoked", activatedAt: null, retiredAt: null, revokedAt: at(1) });
  });

  it("refuses every other step with PRECONDITION_FAILED and a reason", () => {
    const refused = [
      ["active", "activate"],
      ["active", "revoke"],
      ["standby", "retire"],
      ["retired", "activate"],
      ["retired", "retire"],
      ["revoked", "activate"],
      ["revoked", "retire"],
      ["revoked", "revoke"],
    ] as const;
    for (const [status, transition] of refused) {
      const result = attempt(fresh(status), transition, t0);
      expect(result, `${status} → ${transition}`).toBeInstanceOf(AppError);
      expect((result as AppError).code).toBe("PRECONDITION_FAILED");
    }
    expect((attempt(fresh("active"), "revoke", t0) as AppError).message).toContain("Retire it first");
    expect((attempt(fresh("revoked"), "activate", t0) as AppError).message).toContain("never comes back");
  });

  it("holds its invariants over every sequence of up to six steps", () => {
    // Exhaustive: 3^6 sequences from a new key, each step applied when allowed.
    const sequences: KeyTransition[][] = [[]];
    for (let depth = 0; depth < 6; depth++) {
      for (const seq of [...sequences]) if (seq.length === depth) for (const t of KEY_TRANSITION_NAMES) sequences.push([...seq, t]);
    }
    for (const seq of sequences) {
      let key = fresh();
      const seen: KeyStatus[] = [key.status];
      seq.forEach((transition, i) => {
        const next = attempt(key, transition, at(i + 1));
        if (next instanceof AppError) return;
        key = next;
        seen.push(key.status);
      });
      const revokedAt = seen.indexOf("revoked");
      // Revoked never comes back, and nothing returns to an earlier status.
      if (revokedAt >= 0) expect(seen.slice(revokedAt).every((s) => s === "revoked")).toBe(true);
      const order = seen.map((s) => ({ standby: 0, active: 1, retired: 2, revoked: 3 })[s]);
      expect(order).toEqual([...order].sort((a, b) => a - b));
      // Timestamps never run backwards and match the status reached.
      if (key.retiredAt) expect(key.activatedAt!.getTime()).toBeLessThan(key.retiredAt.getTime());
      if (key.revokedAt && key.retiredAt) expect(key.retiredAt.getTime()).toBeLessThan(key.revokedAt.getTime());
      expect(Boolean(key.revokedAt)).toBe(key.status === "revoked");
    }
  });

  it("lets active and retired keys verify and publishes only those", () => {
    expect(KEY_STATUSES.filter(verifiesTokens)).toEqual(["active", "retired"]);
    expect(KEY_STATUSES.filter(isPublished)).toEqual(["active", "retired"]);
  });

  it("notices when retiring would leave no active key, and reports the event's key health", () => {
    const keys = [
      { id: "a", status: "active" as const },
      { id: "b", status: "standby" as const },
    ];
    expect(leavesNoActiveKey(keys, "a", "retire")).toBe(true);
    expect(leavesNoActiveKey([...keys, { id: "c", status: "active" }], "a", "retire")).toBe(false);
    expect(leavesNoActiveKey(keys, "b", "revoke")).toBe(false);
    expect(keyHealth(keys)).toEqual({ active: 1, standby: 1, retired: 0, revoked: 0, noActiveKey: false });
    expect(keyHealth([{ status: "retired" }]).noActiveKey).toBe(true);
  });
});
