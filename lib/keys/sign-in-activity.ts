import "server-only";
import { activityFromLastUse, type KeyActivity, type RotationKey } from "./rotation";

/**
 * Each key's part in the last hour's sign-ins, for the rotation progress. For now this reads the keys'
 * last use (whether each verified a sign-in in the last hour); the attempt recording's per-key share
 * (`keySignInShare` in lib/activity/queries.ts) is the next source to wire in.
 */
export async function keyActivityLastHour(_eventId: string, keys: readonly RotationKey[], now: Date): Promise<Map<string, KeyActivity>> {
  return activityFromLastUse(keys, now);
}
