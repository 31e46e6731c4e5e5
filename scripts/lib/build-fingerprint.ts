import { createHash } from "node:crypto";
import { spawnSync } from "node:child_process";
import { existsSync, readdirSync, readFileSync, statSync, writeFileSync } from "node:fs";
import { join } from "node:path";

const SOURCE_ROOTS = ["app", "components", "lib", "generated", "public"];
const SOURCE_FILES = ["next.config.js", "package-lock.json", "postcss.config.mjs", "tsconfig.json"];

function walk(dir: string, out: string[]) {
  if (!existsSync(dir)) return;
  for (const entry of readdirSync(dir, { withFileTypes: true })) {
    const path = join(dir, entry.name);
    if (entry.isDirectory()) walk(path, out);
    else out.push(path);
  }
}

/** A hash of the sources a production build depends on: the build is redone only when it changes. */
export function sourceFingerprint(): string {
  const files: string[] = [];
  for (const root of SOURCE_ROOTS) walk(root, files);
  for (const file of SOURCE_FILES) if (existsSync(file)) files.push(file);
  const hash = createHash("sha256");
  for (const file of files.sort()) {
    hash.update(file);
    hash.update(String(statSync(file).size));
    hash.update(readFileSync(file));
  }
  return hash.digest("hex");
}

export const FINGERPRINT_FILE = ".next/source-fingerprint";


/**
 * Builds the app unless the last build was made from the current sources. The fingerprint is taken
 * before the build, so sources edited while it runs make the next call build again.
 */
export function ensureProductionBuild(env: NodeJS.ProcessEnv, announce = "Building the app…"): void {
  const fingerprint = sourceFingerprint();
  if (existsSync(".next/BUILD_ID") && existsSync(FINGERPRINT_FILE) && readFileSync(FINGERPRINT_FILE, "utf8") === fingerprint) return;
  console.log(announce);
  const build = spawnSync("node_modules/.bin/next", ["build"], { stdio: "inherit", env: { ...env, NEXT_TELEMETRY_DISABLED: "1" } });
  if (build.status !== 0) process.exit(build.status ?? 1);
  writeFileSync(FINGERPRINT_FILE, fingerprint);
}
