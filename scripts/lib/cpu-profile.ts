/**
 * Where a server's CPU time went, from the `.cpuprofile` files `node --cpu-prof` writes on exit:
 * self time by area (our code, Next, React, Prisma, the database driver, …) and the functions with
 * the most inclusive time. Used by `npm run bench:entry` with BENCH_CPU_PROFILE=1.
 */
import { readdirSync, readFileSync } from "node:fs";
import { join } from "node:path";

interface ProfileNode {
  id: number;
  callFrame: { functionName: string; url: string; lineNumber: number };
  hitCount?: number;
  children?: number[];
}
interface CpuProfile {
  nodes: ProfileNode[];
  samples: number[];
  timeDeltas: number[];
}

/** A coarse area for a script URL: which package, or our own bundled code. */
function areaOf(url: string, name: string): string {
  if (!url) return name.startsWith("(") ? name : "node internals";
  if (url.startsWith("node:")) return "node internals";
  const pkg = /node_modules\/((?:@[^/]+\/)?[^/]+)/.exec(url)?.[1];
  if (pkg) {
    if (pkg === "next") return /compiled\/react|react-server-dom|react-dom/.test(url) ? "react (bundled in next)" : "next";
    return pkg;
  }
  if (url.includes("/.next/server/")) return "app bundle (.next/server: our code and what it bundles)";
  return "other";
}

export function summarizeCpuProfiles(dir: string, label: string, top = 25): void {
  let files: string[] = [];
  try {
    files = readdirSync(dir).filter((f) => f.endsWith(".cpuprofile"));
  } catch {
    /* none written */
  }
  if (files.length === 0) {
    console.log(`No CPU profile in ${dir}.`);
    return;
  }
  const selfByArea = new Map<string, number>();
  const inclusive = new Map<string, number>();
  let total = 0;
  for (const file of files) {
    const profile = JSON.parse(readFileSync(join(dir, file), "utf8")) as CpuProfile;
    const byId = new Map(profile.nodes.map((n) => [n.id, n]));
    const parent = new Map<number, number>();
    for (const node of profile.nodes) for (const child of node.children ?? []) parent.set(child, node.id);
    profile.samples.forEach((id, i) => {
      const dt = profile.timeDeltas[i] ?? 0;
      const node = byId.get(id)!;
      const { functionName, url } = node.callFrame;
      if (functionName === "(idle)") return;
      total += dt;
      const area = areaOf(url, functionName);
      selfByArea.set(area, (selfByArea.get(area) ?? 0) + dt);
      const seen = new Set<string>();
      for (let cur: number | undefined = id; cur !== undefined; cur = parent.get(cur)) {
        const frame = byId.get(cur)!.callFrame;
        if (!frame.functionName || frame.functionName.startsWith("(")) continue;
        const key = `${frame.functionName} (${areaOf(frame.url, frame.functionName)})`;
        if (seen.has(key)) continue;
        seen.add(key);
        inclusive.set(key, (inclusive.get(key) ?? 0) + dt);
      }
    });
  }
  const pct = (us: number) => `${((100 * us) / total).toFixed(1)} %`;
  console.log(`\nCPU profile, ${label} (${(total / 1e6).toFixed(1)} s of CPU outside idle, ${files.length} file(s) in ${dir})`);
  console.log("\n| self time by area | share |\n| --- | --- |");
  for (const [area, us] of [...selfByArea].sort((a, b) => b[1] - a[1]).slice(0, 12)) console.log(`| ${area} | ${pct(us)} |`);
  console.log(`\n| function (inclusive, top ${top}) | share |\n| --- | --- |`);
  for (const [name, us] of [...inclusive].sort((a, b) => b[1] - a[1]).slice(0, top)) console.log(`| ${name} | ${pct(us)} |`);
}

if (process.argv[1]?.endsWith("cpu-profile.ts") && process.argv[2]) summarizeCpuProfiles(process.argv[2], process.argv[2], Number(process.argv[3] ?? 40));
