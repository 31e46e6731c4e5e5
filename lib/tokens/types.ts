import type { KeyObject } from "node:crypto";
import type { ReasonDetails } from "./reasons";

/** An event's key as the verifier sees it: already imported (lib/keys checks bits and exponent). Standby keys are never passed in. */
export interface VerificationKey {
  /** SigningKey.id, for usage accounting and the debugger. */
  id: string;
  /** RFC 7638 thumbprint, matched against the token's `kid` header. */
  kid: string;
  /** The host's own kid for the key (from its JWK), matched against the token's `kid` header too. */
  hostKid?: string | null;
  status: "active" | "retired" | "revoked";
  publicKey: KeyObject;
}

/** The event's token policy (Event columns of the same names). */
export interface TokenPolicy {
  requireExp: boolean;
  leewaySeconds: number;
  /** Lifetime of the dashboard's one-off links; longer tokens are reported as long-lived. */
  oneOffLifetimeSeconds: number;
  longLivedMaxSeconds: number;
  rejectTokensIssuedBefore: Date | null;
}

/** Effective flags: organization AND event. */
export interface EffectiveFeatures {
  transcription: boolean;
  interpretation: boolean;
}

export interface VerifyContext {
  keys: readonly VerificationKey[];
  policy: TokenPolicy;
  features: EffectiveFeatures;
  now: Date;
}

// One list of roles for the whole product: the doc's four, with their explanations, in lib/profile/roles.ts.
export { ATTENDEE_ROLES, type AttendeeRole } from "@/lib/profile/roles";
import type { AttendeeRole } from "@/lib/profile/roles";

/** The token's attendee claims, checked and normalized. */
export interface AttendeeClaims {
  displayName: string;
  email: string | null;
  avatarUrl: string | null;
  /** In token order, first occurrence of each key; which keys are shown is the event's profile fields' business. */
  userProfile: Array<[string, string]>;
  /** Effective roles: feature-gated roles the event does not allow are already removed (see notes). */
  roles: AttendeeRole[];
}

export type NoteCode = "role_not_enabled" | "duplicate_profile_key" | "long_lived" | "no_expiry" | "retired_key";

/** Something the attendee or developer should know although the token was accepted (shown by the debugger). */
export interface VerifyNote {
  code: NoteCode;
  message: string;
}

export interface VerifySuccess {
  ok: true;
  claims: AttendeeClaims;
  /** SigningKey.id and kid of the key that verified the signature. */
  keyId: string;
  kid: string;
  jti?: string;
  expiresAt?: Date;
  issuedAt?: Date;
  notBefore?: Date;
  /** exp − iat (or exp − now without iat); absent without exp. */
  lifetimeSeconds?: number;
  notes: VerifyNote[];
}

/** The reasons the verifier itself produces; replay, revoked links, unknown events and rate limits are the entry route's. */
export type VerifierReason =
  | "malformed"
  | "bad_signature"
  | "unknown_key"
  | "key_revoked"
  | "expired"
  | "not_yet_valid"
  | "lifetime_exceeded"
  | "issued_before_cutoff"
  | "invalid_claims";

export type VerifyFailure = { [R in VerifierReason]: { ok: false; reason: R; detail: ReasonDetails[R] } }[VerifierReason] & {
  /**
   * Set when the signature verified but a later check failed (expired, claims…): which key signed it,
   * and its claims when they could be read. Only then may a record show them as the host's.
   */
  signedBy?: { keyId: string; kid: string; jti?: string; claims?: AttendeeClaims };
};

export type VerifyResult = VerifySuccess | VerifyFailure;

/** The steps of verification, in the order they decide the outcome (the debugger lists them all). */
export const CHECK_IDS = ["format", "algorithm", "key", "signature", "exp", "nbf", "iat", "lifetime", "cutoff", "claims"] as const;
export type CheckId = (typeof CHECK_IDS)[number];

/** One step's result; `skip` when it does not apply (no nbf claim) or an earlier step made it impossible. */
export type CheckOutcome =
  | { id: CheckId; status: "pass" }
  | { id: CheckId; status: "skip" }
  | { id: CheckId; status: "fail"; failure: VerifyFailure };
