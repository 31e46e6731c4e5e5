/**
 * One shutdown hook for everything the server keeps in memory before writing it (key-usage
 * counters, buffered entry attempts): a SIGTERM (or SIGINT) flushes them before the process exits.
 *
 * `next start` handles SIGTERM itself: it stops accepting connections, waits for the requests in
 * flight (which may still record attempts) and then calls process.exit. So the hook runs the flushes
 * at that exit, after the last request, and holds the exit until they are written (at most
 * SHUTDOWN_FLUSH_TIMEOUT_MS). Where nobody else handles the signal (a plain Node process), the hook
 * flushes and exits itself.
 */
export const SHUTDOWN_FLUSH_TIMEOUT_MS = 10_000;

export type Flush = () => Promise<void>;

interface ProcessLike {
  on(signal: "SIGTERM" | "SIGINT", listener: () => void): unknown;
  listenerCount(signal: "SIGTERM" | "SIGINT"): number;
  exit: (code?: number) => never;
}

export function installShutdownFlush(flushes: Flush[], proc: ProcessLike = process as unknown as ProcessLike, log: (message: string) => void = console.error): void {
  const flushAll = () =>
    Promise.race([
      Promise.allSettled(flushes.map((flush) => flush())).then((results) => {
        for (const r of results) if (r.status === "rejected") log(`[shutdown] a flush failed: ${r.reason instanceof Error ? r.reason.message : String(r.reason)}`);
      }),
      new Promise<void>((resolve) => setTimeout(resolve, SHUTDOWN_FLUSH_TIMEOUT_MS).unref?.()),
    ]);

  const realExit = proc.exit.bind(proc);
  let exiting = false;
  const onSignal = (signal: "SIGTERM" | "SIGINT", code: number) => () => {
    // Whoever exits the process next (Next's graceful shutdown, after the last request) waits for
    // a final flush, which also writes what the requests in flight recorded after the signal.
    proc.exit = ((exitCode?: number) => {
      if (exiting) return undefined as never;
      exiting = true;
      void flushAll().then(() => realExit(exitCode ?? code));
      return undefined as never;
    }) as ProcessLike["exit"];
    // Only this hook listens: nobody else will exit, so exit once everything is written.
    if (proc.listenerCount(signal) <= 1) proc.exit(code);
    else void flushAll();
  };
  proc.on("SIGTERM", onSignal("SIGTERM", 143));
  proc.on("SIGINT", onSignal("SIGINT", 130));
}
