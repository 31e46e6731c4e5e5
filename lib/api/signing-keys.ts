import "server-only";
import { AppError } from "@/lib/errors";
import type { KeyTransition } from "@/lib/keys/lifecycle";
import { changeKeyStatus, generateKey, listEventKeys, uploadPublicKey } from "@/lib/keys/service";
import type { TenantContext } from "@/lib/tenancy/context";
import { apiRoute } from "./handler";
import { presentJwksSource, presentKey } from "./present";
import type { AddKeyBody } from "./request-bodies";

/**
 * The API's face of lib/keys/service: keys are named by kid (what tokens carry), the services do
 * the work, the audit and the configVersion bump, acting as the API key.
 */
export async function eventKeys(ctx: TenantContext, eventSlug: string, now = new Date()) {
  const { keys, policy, health, jwksSource } = await listEventKeys(ctx, eventSlug, now);
  return { keys, policy, health, jwksSource: presentJwksSource(jwksSource), data: keys.map((key) => presentKey(key, policy, now)) };
}

async function eventKey(ctx: TenantContext, eventSlug: string, kid: string, now: Date) {
  const { keys, policy, health } = await eventKeys(ctx, eventSlug, now);
  // Named by thumbprint, or by the host's own kid (what its tokens carry).
  const key = keys.find((k) => k.kid === kid) ?? keys.find((k) => k.hostKid === kid);
  if (!key) {
    throw new AppError("NOT_FOUND", `This event has no key with kid "${kid.slice(0, 100)}". GET /api/v1/events/${eventSlug}/keys lists its keys with their kids.`);
  }
  return { key, view: presentKey(key, policy, now), health };
}

/** The generate options sit under "generate" in the API, so the service's field names get that prefix. */
const GENERATE_FIELDS = new Set(["bits", "privateKeyFormat", "keepPrivateKey"]);

async function generateWithApiFields<T>(work: () => Promise<T>): Promise<T> {
  try {
    return await work();
  } catch (error) {
    if (error instanceof AppError && error.field && GENERATE_FIELDS.has(error.field)) {
      throw new AppError(error.code, error.message, { field: `generate.${error.field}` });
    }
    throw error;
  }
}

/** POST /events/{slug}/keys: adds a public key, or generates a pair whose private key is in this one response. */
export async function addEventKey(ctx: TenantContext, eventSlug: string, body: AddKeyBody, now = new Date()) {
  if (body.generate) {
    const options = body.generate;
    const generated = await generateWithApiFields(() =>
      generateKey(ctx, { eventSlug, bits: options.bits, privateKeyFormat: options.privateKeyFormat, keepPrivateKey: options.keepPrivateKey, label: body.label, activate: body.activate }, now),
    );
    const { view, health } = await eventKey(ctx, eventSlug, generated.key.kid, now);
    return { data: view, health, privateKey: generated.privateKey };
  }
  const uploaded = await uploadPublicKey(ctx, { eventSlug, publicKey: body.publicKey!, label: body.label, activate: body.activate }, now);
  const { view, health } = await eventKey(ctx, eventSlug, uploaded.key.kid, now);
  return { data: view, health, publicKeyFormat: uploaded.format };
}

type TransitionOptions = { acknowledgeNoActiveKey?: boolean; overlapHours?: number; acknowledgeUnsafeRevoke?: boolean };

async function transitionKey(ctx: TenantContext, eventSlug: string, kid: string, transition: KeyTransition, options: TransitionOptions) {
  const now = new Date();
  const { key } = await eventKey(ctx, eventSlug, kid, now);
  await changeKeyStatus(ctx, { eventSlug, keyId: key.id, acknowledgeNoActiveKey: options.acknowledgeNoActiveKey ?? false, ...options }, transition, now);
  const { view, health } = await eventKey(ctx, eventSlug, kid, now);
  return { data: view, health };
}

/** The route handler of POST /events/{slug}/keys/{kid}/{transition}; each body is optional. */
export function keyTransitionRoute(transition: KeyTransition) {
  return apiRoute(`${transition}Key` as const, async ({ ctx, params, body }) => ({
    body: await transitionKey(ctx, params.slug!, params.kid!, transition, body),
  }));
}
