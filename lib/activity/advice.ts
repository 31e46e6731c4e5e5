import type { ReasonCode } from "@/lib/tokens/reasons";

/**
 * What an admin should do about each refusal: the attendee's page says what the attendee can do,
 * this says what the organizer or the host platform's developers can fix.
 */
export const ADMIN_ADVICE: Record<ReasonCode, string> = {
  malformed: "The link was cut or changed on its way (a mail client wrapping lines, a chat app, a copy). Send links that are not wrapped, or use a short redirect that mints the token on click.",
  bad_signature: "The platform signs with a private key whose public half is not on this event, or the token was changed. Compare the platform's key with the Keys tab (kid and fingerprint).",
  unknown_key: "The token names a key this event does not have. Add and activate the platform's public key on the Keys tab, or make the platform put the right kid in the header.",
  key_revoked: "The platform still signs with a revoked key. Switch the platform to an active key; a revoked key never comes back.",
  expired: "Tokens arrive after they expired: mint them on the attendee's click (the doc's 302), not in advance in emails. Check the platform's clock if this happens to fresh tokens.",
  not_yet_valid: "The platform's clock is ahead of ours (iat or nbf in the future). Fix the server's clock (NTP); the leeway in Settings covers small differences.",
  lifetime_exceeded: "The platform mints tokens valid for longer than this event allows. Shorten exp, or raise the long-lived maximum in Settings if that is intended.",
  issued_before_cutoff: "These tokens were issued before you cancelled all earlier tokens (Settings). Attendees need a fresh link from the platform.",
  invalid_claims: "The platform sends a claim the entry cannot accept (see the detail). Fix the token's claims on the platform; the debugger shows which one.",
  already_used: "The same token or one-off link was used twice: a second click, a mail scanner that opened it, or a shared link. Mint a fresh token per click; use long-lived links only where that is intended.",
  link_revoked: "The link was revoked on the Test links tab. Issue a new one if this attendee should get in.",
  event_not_found: "The link points at an event that does not exist. Check the event slug in the platform's configuration.",
  rate_limited: "Too many refusals from one network. If it is an office behind one address, fix the refusals' cause; if not, someone is trying tokens and the limit is doing its job.",
  temporarily_unavailable: "Our side could not check the link (database unavailable). Nothing was used up; check the server's health and logs.",
  session_ended: "An admin ended this attendee's session. They get in again with a fresh token, unless their key or link is revoked.",
};
