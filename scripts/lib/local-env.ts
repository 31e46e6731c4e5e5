import { randomBytes } from "node:crypto";
import { existsSync, readFileSync, writeFileSync } from "node:fs";

/**
 * Local secrets for the zero-config start: generated once into .env.local (git-ignored, never
 * committed), then reused so sessions, encrypted keys and the demo password survive restarts.
 */
export const LOCAL_ENV_FILE = ".env.local";

export function parseEnvFile(text: string): Record<string, string> {
  const out: Record<string, string> = {};
  for (const line of text.split(/\r?\n/)) {
    const match = /^\s*([A-Z0-9_]+)\s*=\s*(.*)\s*$/.exec(line);
    if (match) out[match[1]!] = match[2]!.replace(/^"(.*)"$/, "$1");
  }
  return out;
}

export function ensureLocalEnv(defaults: Record<string, () => string>, file = LOCAL_ENV_FILE): { created: string[] } {
  const existing = existsSync(file) ? parseEnvFile(readFileSync(file, "utf8")) : {};
  const created: string[] = [];
  const lines: string[] = [];
  for (const [name, make] of Object.entries(defaults)) {
    if (process.env[name] || existing[name]) continue;
    lines.push(`${name}=${make()}`);
    created.push(name);
  }
  if (lines.length > 0) {
    const header = existsSync(file) ? "" : "# Local secrets made by `npm run demo`. Never commit this file.\n";
    const current = existsSync(file) ? readFileSync(file, "utf8") : "";
    const separator = current && !current.endsWith("\n") ? "\n" : "";
    writeFileSync(file, `${current}${separator}${header}${lines.join("\n")}\n`, { mode: 0o600 });
  }
  return { created };
}

export const randomSecret = (bytes = 32) => randomBytes(bytes).toString("base64");
export const randomPassword = () => randomBytes(12).toString("base64url");
