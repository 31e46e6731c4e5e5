import "server-only";
import { activityFromLastUse, type KeyActivity, type RotationKey } from "./rotation";

/**
 * Each key's part in the last hour's sign-ins, for the rotation progress. The attempt recording (issue 11)
 * is not on main yet, so this reads the keys' last use: whether each verified a sign-in in the last hour.
 */
export async function keyActivityLastHour(_eventId: string, keys: readonly RotationKey[], now: Date): Promise<Map<string, KeyActivity>> {
  return activityFromLastUse(keys, now);
}
