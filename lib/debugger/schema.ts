import { z } from "zod";

export const inspectTokenSchema = z.object({
  eventSlug: z.string().min(1).max(100),
  token: z
    .string({ error: "Paste a token." })
    .trim()
    .min(1, "Paste a token: the part after ?token= in the event link, or the whole link.")
    // The verifier refuses more than 8 KB itself, with its reason; this only stops absurd payloads.
    .max(100_000, "That is far longer than any token; paste only the token."),
});

/** Accepts the bare token or a whole entry link (…/e/slug?token=…), as developers paste either. */
export function tokenFromInput(input: string): string {
  const trimmed = input.trim();
  if (/^https?:\/\//i.test(trimmed)) {
    try {
      return new URL(trimmed).searchParams.get("token") ?? trimmed;
    } catch {
      return trimmed;
    }
  }
  return trimmed;
}
