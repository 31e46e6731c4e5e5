import { randomUUID } from "node:crypto";
import http from "node:http";
import https from "node:https";
import { requestContext } from "@/lib/log";
import { applyTrustedForwarding } from "./forwarded";

const STATE = Symbol.for("jwt-entry-dashboard.request-hook");

type Emit = (this: unknown, event: string | symbol, ...args: unknown[]) => boolean;

/**
 * `next start` hands proxy.ts and route handlers a Request without the TCP peer's address, and
 * only fills in X-Forwarded-For from the socket when the client sent none (base-server.js:
 * `req.headers['x-forwarded-for'] ??= socket.remoteAddress`). So a client could always name its
 * own address. This hook runs first, on Node's own "request" event of every HTTP(S) server in the
 * process (installed from instrumentation.ts before Next serves anything), where the socket is
 * still at hand: it writes the trusted client address and a request id into the headers that
 * every later layer (proxy.ts, Better Auth, route handlers, server actions) reads, and runs the
 * request inside a context whose id every log line of it carries (lib/log.ts).
 */
export function installRequestHook(hops: number): void {
  const holder = globalThis as { [STATE]?: { hops: number } };
  if (holder[STATE]) {
    holder[STATE].hops = hops;
    return;
  }
  const state = (holder[STATE] = { hops });
  for (const prototype of [http.Server.prototype, https.Server.prototype] as { emit: Emit }[]) {
    const original = prototype.emit;
    prototype.emit = function emit(this: unknown, event: string | symbol, ...args: unknown[]) {
      if (event === "request") {
        const request = args[0] as http.IncomingMessage;
        const requestId = randomUUID();
        applyTrustedForwarding(request.headers, request.socket?.remoteAddress, state.hops, requestId);
        // The id a user can quote to support; the same id is on every log line of the request.
        (args[1] as http.ServerResponse).setHeader("X-Request-Id", requestId);
        return requestContext.run({ requestId }, () => original.call(this, event, ...args));
      }
      return original.call(this, event, ...args);
    };
  }
}
