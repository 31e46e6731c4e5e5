/**
 * What a new event still needs before attendees can sign in and look right, in the order an admin
 * does it. The overview shows it as a checklist until every step is done.
 */
export type SetupStepId = "key" | "fields" | "test_link";

export interface SetupStep {
  id: SetupStepId;
  title: string;
  done: boolean;
  /** What to do next (or what was done); a sentence. */
  detail: string;
  /** The event tab where the step is done. */
  segment: "keys" | "fields" | "links";
}

export interface SetupFacts {
  /** Keys per status: standby, active, retired, revoked. */
  keys: Partial<Record<string, number>>;
  profileFields: number;
  /** Test links ever issued for the event, whatever their status now. */
  issuedLinks: number;
}

export function setupChecklist(facts: SetupFacts): { steps: SetupStep[]; doneCount: number; complete: boolean } {
  const active = facts.keys.active ?? 0;
  const standby = facts.keys.standby ?? 0;
  const steps: SetupStep[] = [
    {
      id: "key",
      title: "Add a signing key",
      segment: "keys",
      done: active > 0,
      detail:
        active > 0
          ? `${active} active ${active === 1 ? "key verifies" : "keys verify"} attendee tokens.`
          : standby > 0
            ? `${standby === 1 ? "A key is" : `${standby} keys are`} on standby: activate one so that tokens verify. Until then no attendee can sign in.`
            : "Paste the public key your platform signs with, or generate a key here, and activate it. Until then no attendee can sign in.",
    },
    {
      id: "fields",
      title: "Configure profile fields",
      segment: "fields",
      done: facts.profileFields > 0,
      detail:
        facts.profileFields > 0
          ? `${facts.profileFields} ${facts.profileFields === 1 ? "field shows" : "fields show"} on attendees' stream tiles.`
          : "Choose which userProfile keys of a token attendees see on the stream tile. Without fields, tiles show only names.",
    },
    {
      id: "test_link",
      title: "Issue a test link",
      segment: "links",
      done: facts.issuedLinks > 0,
      detail:
        facts.issuedLinks > 0
          ? `${facts.issuedLinks} test ${facts.issuedLinks === 1 ? "link" : "links"} issued.`
          : "Sign yourself in as a test attendee to see the entry, the lobby and the tile as attendees will.",
    },
  ];
  const doneCount = steps.filter((s) => s.done).length;
  return { steps, doneCount, complete: doneCount === steps.length };
}
