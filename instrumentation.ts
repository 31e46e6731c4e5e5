/**
 * Runs once when a server instance starts. In production, missing secrets stop the start with a
 * message that names each variable, instead of failing later on the first sign-in or key use.
 */
export async function register() {
  if (process.env.NEXT_RUNTIME === "nodejs" && process.env.NODE_ENV === "production") {
    const { refuseToStartWithIncompleteEnvironment } = await import("./lib/startup-check");
    refuseToStartWithIncompleteEnvironment();
  }
}
