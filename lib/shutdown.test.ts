import { EventEmitter } from "node:events";
import { describe, expect, it } from "vitest";
import { installShutdownFlush } from "./shutdown";

/** A stand-in for `process`: signals are emitted by hand, exit is recorded instead of ending the test run. */
function fakeProcess() {
  const emitter = new EventEmitter();
  const exits: number[] = [];
  const proc = {
    on: (signal: "SIGTERM" | "SIGINT", listener: () => void) => emitter.on(signal, listener),
    listenerCount: (signal: "SIGTERM" | "SIGINT") => emitter.listenerCount(signal),
    exit: ((code?: number) => {
      exits.push(code ?? 0);
    }) as (code?: number) => never,
    emit: (signal: string) => emitter.emit(signal),
  };
  return { proc, exits, emitter };
}

const tick = () => new Promise((resolve) => setTimeout(resolve, 5));

describe("shutdown flush", () => {
  it("on SIGTERM under a server that exits by itself (next start), the exit waits until both buffers are written, including what arrived after the signal", async () => {
    const { proc, exits, emitter } = fakeProcess();
    emitter.on("SIGTERM", () => undefined); // next start's own graceful-shutdown listener
    const written: string[] = [];
    const pending = { attempts: ["a1"], usage: ["k1"] };
    installShutdownFlush(
      [
        async () => void written.push(...pending.attempts.splice(0)),
        async () => void written.push(...pending.usage.splice(0)),
      ],
      proc,
    );
    proc.emit("SIGTERM");
    await tick();
    expect(exits).toEqual([]); // the server is still finishing its requests
    pending.attempts.push("a2"); // a request in flight records one more attempt
    proc.exit(143); // next start exits after the last request
    await tick();
    expect(written.sort()).toEqual(["a1", "a2", "k1"]);
    expect(exits).toEqual([143]);
  });

  it("where nothing else handles SIGTERM, it flushes and exits itself, once", async () => {
    const { proc, exits } = fakeProcess();
    let flushed = 0;
    installShutdownFlush([async () => void flushed++], proc);
    proc.emit("SIGTERM");
    proc.emit("SIGTERM");
    await tick();
    expect(flushed).toBe(1);
    expect(exits).toEqual([143]);
  });

  it("a failing flush is logged and does not keep the process from exiting", async () => {
    const { proc, exits } = fakeProcess();
    const logged: string[] = [];
    installShutdownFlush([async () => Promise.reject(new Error("database gone"))], proc, (m) => logged.push(m));
    proc.emit("SIGINT");
    await tick();
    expect(exits).toEqual([130]);
    expect(logged.join()).toContain("database gone");
  });
});
