import { createHash } from "node:crypto";
import { existsSync, readdirSync, readFileSync, statSync } from "node:fs";
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

export function buildIsCurrent(): boolean {
  return existsSync(".next/BUILD_ID") && existsSync(FINGERPRINT_FILE) && readFileSync(FINGERPRINT_FILE, "utf8") === sourceFingerprint();
}
