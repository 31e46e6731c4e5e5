import "server-only";
import { keySignInShare } from "@/lib/activity/queries";
import { activityFromSignIns, type KeyActivity, type RotationKey } from "./rotation";

/** Each key's part in the last hour's sign-ins, for the rotation progress and the key cards. */
export async function keyActivityLastHour(eventId: string, keys: readonly RotationKey[], now: Date): Promise<Map<string, KeyActivity>> {
  return activityFromSignIns(keys, await keySignInShare(eventId, now), now);
}
