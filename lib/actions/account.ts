"use server";

import { z } from "zod";
import { revalidatePath } from "next/cache";
import { currentSession } from "@/lib/auth/session";
import { displayTimeZoneSchema, setDisplayTimeZone } from "@/lib/accounts/preferences";
import { endAllDevices, endDevice } from "@/lib/accounts/sessions";
import { AppError } from "@/lib/errors";
import { userAction } from "./safe-action";

const endDeviceSchema = z.object({ sessionId: z.string().min(1, "Choose a device.").max(100) });

export const endDeviceAction = userAction("endDevice", endDeviceSchema, async (input, user) => {
  const current = await currentSession();
  if (current?.sessionId === input.sessionId) {
    throw new AppError("VALIDATION", "That is this browser: use “Sign out” at the top of the page instead.", { field: "sessionId" });
  }
  await endDevice(user.id, input.sessionId);
  revalidatePath("/account");
  return { ok: true as const };
});

export const endAllDevicesAction = userAction("endAllDevices", z.object({}), async (_input, user) => endAllDevices(user.id));

/** Account → Time zone: show times in this zone next to UTC everywhere in the dashboard (null: UTC only). */
export const setDisplayTimeZoneAction = userAction("setDisplayTimeZone", displayTimeZoneSchema, async (input, user) => {
  const result = await setDisplayTimeZone(user.id, input.timeZone);
  revalidatePath("/", "layout");
  return result;
});
