/**
 * The one severity language of the dashboard: every finding about a token, a field or a link is an
 * error (it will not work as meant), a warning (it works, but not as the admin probably expects) or
 * info (worth knowing). components/ui/severity.tsx gives each its one look.
 */
export const SEVERITIES = ["error", "warning", "info"] as const;
export type Severity = (typeof SEVERITIES)[number];

const NOUNS: Record<Severity, [string, string]> = {
  error: ["error", "errors"],
  warning: ["warning", "warnings"],
  info: ["note", "notes"],
};

function countSeverities(items: ReadonlyArray<{ level: Severity }>): Record<Severity, number> {
  const counts: Record<Severity, number> = { error: 0, warning: 0, info: 0 };
  for (const item of items) counts[item.level] += 1;
  return counts;
}

/** "1 error, 2 warnings and 1 note" (most serious first, zero counts left out); "" for none. */
export function describeSeverityCounts(items: ReadonlyArray<{ level: Severity }>): string {
  const counts = countSeverities(items);
  const parts = SEVERITIES.filter((s) => counts[s] > 0).map((s) => `${counts[s]} ${NOUNS[s][counts[s] === 1 ? 0 : 1]}`);
  if (parts.length <= 1) return parts.join("");
  return `${parts.slice(0, -1).join(", ")} and ${parts.at(-1)}`;
}

/** The most serious level present, or null for none. */
export function worstSeverity(items: ReadonlyArray<{ level: Severity }>): Severity | null {
  const counts = countSeverities(items);
  return SEVERITIES.find((s) => counts[s] > 0) ?? null;
}

/** Most serious first, keeping the order within a level. */
export function bySeverity<T extends { level: Severity }>(items: readonly T[]): T[] {
  return [...items].sort((a, b) => SEVERITIES.indexOf(a.level) - SEVERITIES.indexOf(b.level));
}
