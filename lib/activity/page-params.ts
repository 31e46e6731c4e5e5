import type { SearchParams } from "@/lib/tables/list-params";
import { REASON_CODES, type ReasonCode } from "@/lib/tokens/reasons";
import { ATTEMPT_OUTCOMES, ATTEMPT_SOURCES, type AttemptOutcome, type AttemptSource } from "./attempt";
import type { AttemptFilters } from "./queries";

const first = (v: string | string[] | undefined) => (Array.isArray(v) ? v[0] : v)?.trim() || undefined;
const oneOf = <T extends string>(values: readonly T[], v: string | undefined): T | undefined => (v && (values as readonly string[]).includes(v) ? (v as T) : undefined);

/** The Activity tab's filters from its URL; unknown values are ignored (a hand-edited URL still works). */
export function parseAttemptFilters(query: SearchParams): AttemptFilters {
  return {
    outcome: oneOf<AttemptOutcome>(ATTEMPT_OUTCOMES, first(query.outcome)),
    reason: oneOf<ReasonCode>(REASON_CODES, first(query.reason)),
    kid: first(query.kid)?.slice(0, 128),
    source: oneOf<AttemptSource>(ATTEMPT_SOURCES, first(query.source)),
    attendee: (first(query.q) ?? first(query.attendee))?.slice(0, 100),
  };
}
