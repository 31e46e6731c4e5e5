import { spawn } from "node:child_process";

/**
 * Another production server (`next start`) on the run's database, with `env` over the run's
 * environment. Its public URL is its own address unless `env` sets BETTER_AUTH_URL, so its forms pass
 * the origin check; the session cookie holds for every port of localhost. `output` collects what it
 * prints (stdout and stderr), for tests that read its logs.
 */
export async function startServer(port: number, env: Record<string, string | undefined>) {
  const url = `http://localhost:${port}`;
  const server = spawn("node_modules/.bin/next", ["start", "-p", String(port)], {
    env: { ...process.env, BETTER_AUTH_URL: url, NODE_ENV: "production", ...env },
    stdio: ["ignore", "pipe", "pipe"],
  });
  const output: string[] = [];
  server.stdout!.on("data", (chunk: Buffer) => output.push(chunk.toString()));
  server.stderr!.on("data", (chunk: Buffer) => output.push(chunk.toString()));
  const started = Date.now();
  while (!(await fetch(`${url}/api/health`).then((r) => r.ok, () => false))) {
    if (server.exitCode !== null || Date.now() - started > 30_000) throw new Error(`The server on port ${port} did not start: ${output.join("")}`);
    await new Promise((resolve) => setTimeout(resolve, 250));
  }
  const stop = () =>
    new Promise<void>((resolve) => {
      if (server.exitCode !== null) return resolve();
      server.once("exit", () => resolve());
      server.kill("SIGTERM");
    });
  return { url, output, stop };
}
