/** Only same-site paths are followed after sign-in: "/orgs/x" yes, "//evil.example" or "https://…" no. */
export function safeNextPath(next: string | null | undefined, fallback = "/orgs"): string {
  if (!next || !next.startsWith("/") || next.startsWith("//") || next.startsWith("/\\")) return fallback;
  return next;
}
