import { mkdirSync, writeFileSync } from "node:fs";
import AxeBuilder from "@axe-core/playwright";
import type { Page } from "@playwright/test";

/**
 * The page tour: every page at 1440 and 390 px, light and dark, into screenshots/<name>-<width>-<scheme>.png
 * for people to look at; at each width the page must not scroll sideways, and axe-core finds no
 * serious or critical violation (WCAG 2.1 A and AA). Dark mode is checked for contrast too.
 * Problems are collected, not thrown, so one run lists them all (the spec asserts at the end).
 */
export const SHOTS = "screenshots";
export const WIDTHS = [1440, 390] as const;
export const SCHEMES = ["light", "dark"] as const;

export interface TourProblem {
  page: string;
  width: number;
  scheme: string;
  problem: string;
}

export interface TourRecord {
  page: string;
  width: number;
  scheme: string;
  /** axe rules that ran with serious or critical findings (0 is the goal), and all findings by impact. */
  seriousOrCritical: number;
  byImpact: Record<string, number>;
}

export class Tour {
  readonly problems: TourProblem[] = [];
  readonly records: TourRecord[] = [];

  constructor() {
    mkdirSync(SHOTS, { recursive: true });
  }

  /**
   * Photographs and checks the page as it is now, in every width and scheme; leaves it at 1440 px, light.
   * `axe: false` for another state of a page already scanned (the same markup with other data).
   */
  async visit(page: Page, name: string, options: { fullPage?: boolean; axe?: boolean } = {}) {
    const fullPage = options.fullPage ?? true;
    const started = Date.now();
    for (const scheme of SCHEMES) {
      await page.emulateMedia({ colorScheme: scheme, reducedMotion: "reduce" });
      for (const width of WIDTHS) {
        await page.setViewportSize({ width, height: width === 390 ? 844 : 900 });
        // Charts resize in a ResizeObserver callback: let two frames pass before measuring the width.
        await page.evaluate(() => new Promise<void>((resolve) => requestAnimationFrame(() => requestAnimationFrame(() => resolve()))));
        const overflow = await page.evaluate(() => document.documentElement.scrollWidth - document.documentElement.clientWidth);
        if (overflow > 0) this.problems.push({ page: name, width, scheme, problem: `scrolls sideways by ${overflow} px` });
        await page.screenshot({ path: `${SHOTS}/${name}-${width}-${scheme}.png`, fullPage, animations: "disabled", caret: "hide" });
        if (options.axe === false) continue;
        // Light: the whole WCAG A/AA rule set at both widths. Dark: the colours only (the structure is the same page).
        const builder = new AxeBuilder({ page }).withTags(["wcag2a", "wcag2aa", "wcag21a", "wcag21aa"]).options({ resultTypes: ["violations"] });
        if (scheme === "dark") {
          if (width !== 1440) continue;
          builder.withRules(["color-contrast"]);
        }
        const { violations } = await builder.analyze();
        const byImpact: Record<string, number> = {};
        for (const v of violations) byImpact[v.impact ?? "unknown"] = (byImpact[v.impact ?? "unknown"] ?? 0) + v.nodes.length;
        const bad = violations.filter((v) => v.impact === "serious" || v.impact === "critical");
        this.records.push({ page: name, width, scheme, seriousOrCritical: bad.length, byImpact });
        for (const v of bad) {
          const where = v.nodes
            .slice(0, 3)
            .map((n) => `${n.target.join(" ")}${n.failureSummary ? ` (${n.failureSummary.split("\n").slice(1, 2).join("").trim()})` : ""}`)
            .join("; ");
          this.problems.push({ page: name, width, scheme, problem: `axe ${v.impact} ${v.id}: ${v.help} — ${v.nodes.length} node(s): ${where}` });
        }
      }
    }
    // Written after every page, so a run that stops early still tells what it found.
    this.report();
    console.log(`tour: ${name} in ${((Date.now() - started) / 1000).toFixed(1)} s, ${this.problems.filter((p) => p.page === name).length} problem(s)`);
    await page.emulateMedia({ colorScheme: "light" });
    await page.setViewportSize({ width: 1440, height: 900 });
  }

  /** Writes screenshots/tour-report.json (every page's axe figures and the problems) for the people reading the run. */
  report() {
    writeFileSync(`${SHOTS}/tour-report.json`, JSON.stringify({ records: this.records, problems: this.problems }, null, 2));
    return this.problems.map((p) => `${p.page} @${p.width} ${p.scheme}: ${p.problem}`);
  }
}
