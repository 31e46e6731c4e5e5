import { z } from "zod";
import { LINK_KINDS, LINK_STATUSES } from "@/lib/links/status";
import { ATTENDEE_ROLES } from "@/lib/profile/roles";

/** Response shapes of the HTTP API (requests use the operations' own schemas from lib/<area>/schema.ts). */
export const errorResponseSchema = z.object({
  error: z.object({
    code: z.enum(["UNAUTHENTICATED", "FORBIDDEN", "NOT_FOUND", "VALIDATION", "CONFLICT", "PRECONDITION_FAILED", "RATE_LIMITED", "INTERNAL"]),
    message: z.string(),
    field: z.string().optional().describe("The input field at fault, as a dotted path"),
    fields: z.record(z.string(), z.string()).optional().describe("Every field at fault, when there are several"),
    reason: z.string().optional().describe("For a refused public key: why, e.g. private_key, too_small, bad_exponent, certificate, duplicate"),
    title: z.string().optional().describe("For a refused public key: a one-line headline"),
    command: z.string().optional().describe("For a refused public key: a command that produces an acceptable key"),
  }),
});

export const paginationSchema = z.object({
  page: z.number().int(),
  pageSize: z.number().int(),
  total: z.number().int(),
  pageCount: z.number().int(),
});

export const apiEventSchema = z.object({
  slug: z.string(),
  name: z.string(),
  entryUrl: z.string().describe("Where attendees arrive: append ?token=<JWT>"),
  startsAt: z.string().nullable(),
  endsAt: z.string().nullable(),
  contact: z.string(),
  features: z.object({
    transcription: z.boolean().describe("Enabled for this event (it also needs the organization's flag)"),
    interpretation: z.boolean(),
  }),
  policy: z.object({
    oneOffLifetimeSeconds: z.number().int(),
    longLivedMaxSeconds: z.number().int(),
    leewaySeconds: z.number().int(),
    requireExp: z.boolean(),
    rejectTokensIssuedBefore: z.string().nullable(),
  }),
  createdAt: z.string(),
  updatedAt: z.string(),
});

export const eventListResponseSchema = z.object({ data: z.array(apiEventSchema), pagination: paginationSchema });
export const eventResponseSchema = z.object({ data: apiEventSchema });

const refusedUrlKeySchema = z.object({ kid: z.string(), reason: z.string(), message: z.string() });

/** The result of setting a JWKS URL: the trial fetch. */
export const jwksTrialSchema = z
  .object({
    url: z.string(),
    fetchedAt: z.string(),
    acceptedKeys: z.array(z.string()).describe("The keys now followed (the host's kid, or the thumbprint's first characters)"),
    refusedKeys: z.array(refusedUrlKeySchema).describe("Keys of the document that were skipped, with why"),
    nextFetchAt: z.string().describe("The next refresh (Cache-Control max-age, clamped to 1–60 minutes; 10 minutes without one)"),
  })
  .nullable()
  .describe("Present when the request set jwksUrl: the trial fetch's result, or null after jwksUrl: null");
export const patchedEventResponseSchema = z.object({ data: apiEventSchema, jwks: jwksTrialSchema.optional() });

/** The followed JWKS URL and the state of its fetches, beside the keys. */
export const jwksSourceSchema = z
  .object({
    url: z.string(),
    lastAttemptAt: z.string().nullable(),
    lastSuccessAt: z.string().nullable().describe("The last good fetch: its keys verify for up to 24 hours of failures after it"),
    lastError: z.string().nullable().describe("The last attempt's error (null after a success)"),
    refusedKeys: z.array(refusedUrlKeySchema),
    nextFetchAt: z.string(),
    expired: z.boolean().describe("true: fetches have failed for more than 24 hours, so the URL's keys no longer verify"),
  })
  .nullable()
  .describe("The JWKS URL the event follows (keys with source jwks_url come from it), or null");
export const deletedResponseSchema = z.object({ data: z.object({ deleted: z.literal(true), slug: z.string() }) });

export type ApiEvent = z.infer<typeof apiEventSchema>;

export const apiProfileFieldSchema = z.object({
  key: z.string().describe("Exactly as tokens send it in userProfile"),
  label: z.string().describe("Shown on hover over the stream tile"),
  kind: z.enum(["text", "url", "twitter", "linkedin"]).describe("url, twitter and linkedin become links on the “You met with…” page"),
  position: z.number().int().describe("0 is first: shown atop the stream when the token sends it first"),
});
export const profileFieldsResponseSchema = z.object({ data: z.array(apiProfileFieldSchema) });

const instant = z.string().nullable();

export const apiSigningKeySchema = z.object({
  kid: z.string().describe("RFC 7638 thumbprint; tokens may carry it (or hostKid) in their kid header; this API's key paths accept either"),
  hostKid: z.string().nullable().describe("The kid the host's own JWK gave the key (Auth0, Okta, a KMS…), kept beside the thumbprint; null when it has none"),
  shortKid: z.string(),
  fingerprint: z.string().describe("SHA256: + base64 of the SubjectPublicKeyInfo DER (as openssl computes it)"),
  bits: z.number().int(),
  source: z.enum(["generated", "uploaded", "jwks_url"]).describe("jwks_url: followed from the event's JWKS URL; the host adds and withdraws it there"),
  status: z.enum(["standby", "active", "retired", "revoked"]).describe("active and retired keys verify tokens; revoked keys never come back"),
  label: z.string().nullable(),
  publicKeyPem: z.string().describe("SPKI PEM (BEGIN PUBLIC KEY)"),
  keepsPrivateKey: z.boolean().describe("The dashboard keeps an encrypted copy of the private key (to sign test links); never returned"),
  createdAt: z.string(),
  activatedAt: instant,
  retiredAt: instant,
  revokedAt: instant,
  lastVerifiedAt: instant.describe("Last successful attendee sign-in with a token it signed (updated every few seconds)"),
  verifyCount: z.number().int(),
  overlapEndsAt: instant.describe("For a key activated here: until when the admin expected old and new keys to overlap"),
  revocation: z
    .object({
      safeToRevoke: z.boolean().describe("Revoking now turns no attendee away: no token signed with it can still be valid"),
      safeAt: instant.describe("When it becomes safe (if waiting), or since when it is safe"),
      note: z.string(),
    })
    .nullable()
    .describe("For standby and retired keys: whether revoking it now is safe; null for active and revoked keys"),
});
export type ApiSigningKey = z.infer<typeof apiSigningKeySchema>;

export const keyHealthSchema = z.object({
  active: z.number().int(),
  standby: z.number().int(),
  retired: z.number().int(),
  revoked: z.number().int(),
  noActiveKey: z.boolean().describe("true: the event accepts no new token until a key is activated"),
});

export const keyListResponseSchema = z.object({ data: z.array(apiSigningKeySchema), health: keyHealthSchema, jwksSource: jwksSourceSchema });
export const keyResponseSchema = z.object({ data: apiSigningKeySchema, health: keyHealthSchema });
export const addedKeyResponseSchema = z.object({
  data: apiSigningKeySchema,
  health: keyHealthSchema,
  publicKeyFormat: z.enum(["spki", "pkcs1", "openssh", "jwk", "jwks"]).optional().describe("For an added key: the format it was recognised as"),
  privateKey: z
    .object({
      pem: z.string().describe("The private key: store it in your secret store now. It is in this response only"),
      format: z.enum(["pkcs1", "pkcs8"]),
      fileName: z.string().describe("A suggested file name"),
    })
    .optional()
    .describe("For a generated key only: the ONE copy handed out"),
});

const shownFieldSchema = z.object({
  key: z.string(),
  label: z.string(),
  value: z.string(),
  shown: z.string().describe("As the tile shows it: cleaned, shortened to 40 characters"),
  link: z.string().nullable(),
});

const decodedPartSchema = z
  .discriminatedUnion("kind", [
    z.object({ kind: z.literal("json"), value: z.unknown() }),
    z.object({ kind: z.literal("text"), value: z.string() }),
    z.object({ kind: z.literal("undecodable") }),
  ])
  .describe("Decoded for display only, NOT verified");

export const tokenInspectionResponseSchema = z.object({
  data: z.object({
    checkedAt: z.string().describe("The instant the token was checked against"),
    header: decodedPartSchema,
    payload: decodedPartSchema,
    signatureVerified: z.boolean().describe("The signature verified with one of the event's keys: the payload is what its signer wrote"),
    verdict: z.discriminatedUnion("accepted", [
      z.object({
        accepted: z.literal(true),
        kid: z.string().describe("The event key that verified it"),
        keyStatus: z.enum(["active", "retired"]),
        jti: z.string().nullable(),
        issuedAt: instant,
        notBefore: instant,
        expiresAt: instant,
        lifetimeSeconds: z.number().int().nullable(),
        attendee: z.object({
          displayName: z.string(),
          email: z.string().nullable(),
          avatarUrl: z.string().nullable(),
          userProfile: z.array(z.tuple([z.string(), z.string()])),
          roles: z.array(z.string()).describe("Effective roles: feature-gated roles the event does not allow are removed (see notes)"),
        }),
      }),
      z.object({
        accepted: z.literal(false),
        reason: z.string().describe("The reason code the attendee's error page shows (malformed, bad_signature, unknown_key, key_revoked, expired, …)"),
        title: z.string(),
        explanation: z.string().describe("What is wrong, with concrete times"),
        attendeeAction: z.string().describe("What the attendee is told to do"),
      }),
    ]).describe("accepted true: kid, keyStatus, times and the attendee; false: reason, title, explanation and attendeeAction"),
    checks: z.array(
      z.object({
        id: z.string(),
        label: z.string(),
        status: z.enum(["pass", "fail", "skip"]),
        text: z.string(),
      }),
    ),
    notes: z.array(z.object({ code: z.string(), message: z.string() })).describe("Accepted, but worth knowing (e.g. a role the event does not enable)"),
    replay: z
      .discriminatedUnion("kind", [
        z.object({ kind: z.literal("none") }),
        z.object({
          kind: z.literal("test_link"),
          linkKind: z.string().describe("one_off or long_lived"),
          status: z.enum(["active", "used", "revoked"]),
          usedAt: instant,
          revokedAt: instant,
        }),
        z.object({ kind: z.literal("host_jti"), usedAt: instant.describe("When the entry accepted this jti (a second use is already_used); null: still unused") }),
      ])
      .describe("What a sign-in with this token would meet: none (no jti), a dashboard test link, or a host token's jti"),
    tile: z
      .object({
        name: z.string(),
        avatar: z.object({ kind: z.enum(["image", "initials"]), url: z.string().optional(), initials: z.string() }),
        headline: shownFieldSchema.nullable().describe("The field atop the stream"),
        hoverFields: z.array(shownFieldSchema).describe("The rest, shown on hover"),
        roles: z.array(z.string()),
        metLinks: z.array(z.object({ key: z.string(), label: z.string(), url: z.string() })).describe("Links on the “You met with…” page"),
      })
      .nullable()
      .describe("The attendee's stream tile with the event's profile fields (null when the signature did not verify or the payload has no displayName)"),
    warnings: z
      .array(z.object({ code: z.string(), level: z.enum(["error", "warning", "info"]), message: z.string(), key: z.string().nullable() }))
      .describe("Problems with the profile data: dropped keys, likely typos, cut values, invalid links"),
  }),
});

export const jwksResponseSchema = z.object({
  keys: z.array(
    z.object({
      kty: z.literal("RSA"),
      n: z.string(),
      e: z.string(),
      kid: z.string().describe("The host's own kid when the key has one (what its tokens carry), else the RFC 7638 thumbprint"),
      alg: z.literal("RS256"),
      use: z.literal("sig"),
      "x-rfc7638-thumbprint": z.string().optional().describe("The RFC 7638 thumbprint, beside a host's kid; tokens may carry either"),
    }),
  ),
});

export type ApiProfileField = z.infer<typeof apiProfileFieldSchema>;

/** A test link (never the token; that is in the issue response only, once). */
export const apiLinkSchema = z.object({
  id: z.string(),
  jti: z.string(),
  kind: z.enum(LINK_KINDS),
  status: z.enum(LINK_STATUSES).describe("Derived: revoked > used (one-off, redeemed) > expired > active"),
  kid: z.string().describe("The key that signed it"),
  displayName: z.string(),
  email: z.string().nullable(),
  roles: z.array(z.enum(ATTENDEE_ROLES)),
  claims: z.record(z.string(), z.unknown()).describe("The attendee claims the token carries"),
  signedIn: z.enum(["server", "browser"]).describe("Signed by the dashboard with a key it keeps, or in an admin's browser"),
  issuedAt: z.string(),
  expiresAt: z.string(),
  issuedBy: z.string(),
  revokedAt: z.string().nullable(),
  revokedBy: z.string().nullable(),
  usedAt: z.string().nullable(),
  redemptions: z.number().int().describe("Sign-ins with this link"),
  lastRedeemedAt: z.string().nullable(),
});
export type ApiLink = z.infer<typeof apiLinkSchema>;

export const linkListResponseSchema = z.object({ data: z.array(apiLinkSchema), pagination: paginationSchema });
export const linkResponseSchema = z.object({ data: apiLinkSchema });
export const issuedLinkResponseSchema = z.object({
  data: z.object({
    link: apiLinkSchema,
    token: z.string().describe("The signed JWT. Returned once and never stored: keep it only as long as needed"),
    url: z.string().describe("The event link with the token: /e/{slug}?token=…"),
  }),
});
