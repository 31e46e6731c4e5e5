/**
 * A wrk run (https://github.com/wg/wrk, `apt-get install wrk`) from a TypeScript description: wrk
 * is a steadier load generator on a small machine than a Node one (it leaves the CPU to the server).
 * Each request may carry its own client address, token or cookie (from a file, one per line), and
 * the statuses are counted so a scenario fails loudly when it did not do what it says.
 */
import { spawnSync } from "node:child_process";
import { existsSync, writeFileSync } from "node:fs";

export const WRK = process.env.WRK_PATH ?? "/usr/bin/wrk";

export interface WrkScenario {
  /** Request path; `{item}` is replaced by the next line of `itemsFile` (URL-encoded as written there). */
  path: string;
  method?: "GET" | "POST";
  headers?: Record<string, string>;
  /** A header whose value is `{item}`-templated, e.g. a cookie carrying a pending link. */
  itemHeader?: [string, string];
  itemsFile?: string;
  /** Every request from another client address (10.x.y.z in X-Forwarded-For). */
  distinctAddresses?: boolean;
  expectStatus: number;
}

export interface WrkResult {
  requestsPerSecond: number;
  p50Ms: number;
  p99Ms: number;
  statuses: Record<string, number>;
  unexpected: number;
  socketErrors: number;
}

const luaString = (s: string) => JSON.stringify(s); // JSON strings are valid Lua strings for our ASCII input

function luaScript(s: WrkScenario): string {
  const headers = Object.entries(s.headers ?? {})
    .map(([k, v]) => `h[${luaString(k)}] = ${luaString(v)}`)
    .join("\n  ");
  return `
local threads = {}
local counter = 0
local sent = 0
function setup(thread)
  thread:set("tid", #threads)
  table.insert(threads, thread)
end
local items = {}
statuses = {}
function init(args)
  ${s.itemsFile ? `for line in io.lines(${luaString(s.itemsFile)}) do items[#items + 1] = line end` : ""}
  counter = tid * 1000003
end
function request()
  counter = counter + 1
  local item = ""
  if #items > 0 then
    -- each of the two threads walks its own half of the list first
    item = items[(tid * math.floor(#items / 2) + sent) % #items + 1]
    sent = sent + 1
  end
  local h = {}
  ${headers}
  ${s.distinctAddresses ? `h["X-Forwarded-For"] = "10." .. (counter % 251) .. "." .. (math.floor(counter / 251) % 251) .. "." .. (tid * 100 + math.floor(counter / 63001) % 100)` : ""}
  ${s.itemHeader ? `h[${luaString(s.itemHeader[0])}] = string.gsub(${luaString(s.itemHeader[1])}, "{item}", item)` : ""}
  local path = string.gsub(${luaString(s.path)}, "{item}", item)
  return wrk.format(${luaString(s.method ?? "GET")}, path, h, nil)
end
function response(status, headers, body)
  statuses[status] = (statuses[status] or 0) + 1
end
function done(summary, latency, requests)
  local total = {}
  for _, thread in ipairs(threads) do
    local st = thread:get("statuses")
    for k, v in pairs(st) do total[k] = (total[k] or 0) + v end
  end
  local parts = {}
  for k, v in pairs(total) do parts[#parts + 1] = '"' .. k .. '":' .. v end
  io.write("STATUSES {" .. table.concat(parts, ",") .. "}\\n")
  io.write(string.format("LATENCY %d %d\\n", latency:percentile(50), latency:percentile(99)))
  local e = summary.errors
  io.write(string.format("SOCKET_ERRORS %d\\n", e.connect + e.read + e.write + e.timeout))
end
`;
}

/** Runs one scenario against `base` for `seconds` with `connections` connections on 2 threads. */
export function runWrk(base: string, scenario: WrkScenario, seconds: number, connections: number, scriptPath: string): WrkResult {
  if (!existsSync(WRK)) throw new Error(`wrk not found at ${WRK}: install it (sudo apt-get install -y wrk) or set WRK_PATH.`);
  writeFileSync(scriptPath, luaScript(scenario));
  const run = spawnSync(WRK, ["-t", "2", "-c", String(connections), "-d", `${seconds}s`, "--timeout", "10s", "-s", scriptPath, base], { encoding: "utf8" });
  if (run.status !== 0) throw new Error(`wrk failed: ${run.stderr || run.stdout}`);
  const out = run.stdout;
  const rps = Number(/Requests\/sec:\s+([\d.]+)/.exec(out)?.[1]);
  const statuses = JSON.parse(/STATUSES (\{.*\})/.exec(out)?.[1] ?? "{}") as Record<string, number>;
  const [, p50, p99] = /LATENCY (\d+) (\d+)/.exec(out) ?? [];
  const socketErrors = Number(/SOCKET_ERRORS (\d+)/.exec(out)?.[1] ?? 0);
  const unexpected = Object.entries(statuses).reduce((n, [status, count]) => (Number(status) === scenario.expectStatus ? n : n + count), 0);
  // wrk counts every response in Requests/sec; only the expected ones count here.
  const total = Object.values(statuses).reduce((a, b) => a + b, 0);
  const expectedShare = total ? (total - unexpected) / total : 0;
  return { requestsPerSecond: rps * expectedShare, p50Ms: Number(p50) / 1000, p99Ms: Number(p99) / 1000, statuses, unexpected, socketErrors };
}
