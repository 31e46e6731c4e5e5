import { createServer, type IncomingMessage, type Server, type ServerResponse } from "node:http";

/**
 * A local JWKS server for tests, on the first free port of 3410–3449 (this workplace's range for it).
 * `respond` decides each answer; `requests` counts fetches.
 */
export interface JwksServer {
  url: (path?: string) => string;
  port: number;
  requests: number;
  respond: (req: IncomingMessage, res: ServerResponse) => void;
  close: () => Promise<void>;
}

export async function startJwksServer(respond: JwksServer["respond"] = (_, res) => res.end("{}")): Promise<JwksServer> {
  const state = { respond, requests: 0 };
  const server: Server = createServer((req, res) => {
    state.requests++;
    state_.respond(req, res);
  });
  const state_ = state as { respond: JwksServer["respond"]; requests: number };
  let port = 0;
  for (let candidate = 3410; candidate <= 3449 && port === 0; candidate++) {
    port = await new Promise<number>((resolve) => {
      server.once("error", () => resolve(0));
      server.listen(candidate, "127.0.0.1", () => resolve(candidate));
    });
  }
  if (port === 0) throw new Error("No free port in 3410–3449 for the local JWKS server.");
  return {
    url: (path = "/.well-known/jwks.json") => `http://127.0.0.1:${port}${path}`,
    port,
    get requests() {
      return state.requests;
    },
    set requests(value: number) {
      state.requests = value;
    },
    get respond() {
      return state.respond;
    },
    set respond(fn) {
      state.respond = fn;
    },
    close: () => new Promise<void>((resolve) => server.close(() => resolve())),
  };
}

/** Answers with this JWKS (and Cache-Control, if given). */
export function serveJson(document: unknown, headers: Record<string, string> = {}): JwksServer["respond"] {
  return (_, res) => {
    res.writeHead(200, { "content-type": "application/json", ...headers });
    res.end(typeof document === "string" ? document : JSON.stringify(document));
  };
}
