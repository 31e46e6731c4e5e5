import { keyTransitionRoute } from "@/lib/api/signing-keys";

export const POST = keyTransitionRoute("activate");
