/**
 * Runs once when a server instance starts, before it serves a request:
 * - the request hook decides each request's client address and id from the socket and
 *   TRUSTED_PROXY_HOPS (lib/http/request-hook.ts), so no client can name its own address;
 * - in production, an incomplete environment stops the start with a message that names each
 *   variable, instead of failing later on the first sign-in or key use;
 * - old rows are pruned on a schedule, and a SIGTERM flushes what is kept in memory (key-usage
 *   counters, entry attempts) before the process exits.
 */
export async function register() {
  if (process.env.NEXT_RUNTIME !== "nodejs") return;
  if (process.env.NODE_ENV === "production") {
    const { refuseToStartWithIncompleteEnvironment } = await import("./lib/startup-check");
    refuseToStartWithIncompleteEnvironment();
  }
  const { routeConsoleToLogger } = await import("./lib/log");
  // One JSON line per entry, with the request id, for Next's own messages as well as ours.
  if (process.env.NODE_ENV === "production") routeConsoleToLogger();
  const { installRequestHook } = await import("./lib/http/request-hook");
  const { trustedProxyHops } = await import("./lib/http/forwarded");
  installRequestHook(trustedProxyHops() || 0);
  const [{ installShutdownFlush }, { flushKeyUsage }, { flushEntryAttempts }, { startPruneSchedule }] = await Promise.all([
    import("./lib/shutdown"),
    import("./lib/keys/usage-recorder"),
    import("./lib/activity/recorder"),
    import("./lib/hygiene/schedule"),
  ]);
  installShutdownFlush([flushKeyUsage, flushEntryAttempts]);
  startPruneSchedule();
}
