/** "abc12345…" for charts and tables: the full kid is in the title attribute and the Keys tab. */
export function shortKid(kid: string | null | undefined): string {
  if (!kid) return "unknown key";
  return kid.length > 12 ? `${kid.slice(0, 8)}…` : kid;
}

export function keyName(key: { kid: string | null; label?: string | null }): string {
  return `${shortKid(key.kid)}${key.label ? ` (${key.label})` : ""}`;
}

/** "92 %" */
export function percent(share: number): string {
  return `${Math.round(share * 100)} %`;
}
