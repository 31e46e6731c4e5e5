"use server";

import { orgAction } from "./safe-action";
import { inspectEventToken } from "@/lib/debugger/service";
import { debuggerView } from "@/lib/debugger/present";
import { inspectTokenSchema, tokenFromInput } from "@/lib/debugger/schema";

/** Read-only (viewers too): inspects a pasted token against the event; nothing is stored or used up. */
export const inspectTokenAction = orgAction("inspectToken", { schema: inspectTokenSchema, role: "viewer", readOnly: true }, async (input, ctx) => {
  const result = await inspectEventToken(ctx, input.eventSlug, tokenFromInput(input.token));
  return { ...result, view: debuggerView(result.inspection) };
});
