/**
 * Runs once when a server instance starts. In production, missing secrets stop the start with a
 * message that names each variable, instead of failing later on the first sign-in or key use.
 * Every Node server instance also prunes old rows on a schedule and flushes its in-memory
 * counters (key usage, entry attempts) on SIGTERM.
 */
export async function register() {
  if (process.env.NEXT_RUNTIME !== "nodejs") return;
  if (process.env.NODE_ENV === "production") {
    const { refuseToStartWithIncompleteEnvironment } = await import("./lib/startup-check");
    refuseToStartWithIncompleteEnvironment();
  }
  const [{ installShutdownFlush }, { flushKeyUsage }, { flushEntryAttempts }, { startPruneSchedule }] = await Promise.all([
    import("./lib/shutdown"),
    import("./lib/keys/usage-recorder"),
    import("./lib/activity/recorder"),
    import("./lib/hygiene/schedule"),
  ]);
  installShutdownFlush([flushKeyUsage, flushEntryAttempts]);
  startPruneSchedule();
}
