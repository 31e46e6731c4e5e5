import { parseCircular, parseDependencyTree } from "dpdm";
import { describe, expect, it } from "vitest";

/**
 * No import circles anywhere in the app's own code, type-only imports included: a circle means two
 * modules that are really one, or one that sits in the wrong layer (docs/architecture.md).
 * dpdm resolves the `@/` paths through tsconfig.json.
 */
describe("imports", () => {
  it("form no circle", async () => {
    const tree = await parseDependencyTree(["{app,components,lib,test,scripts,e2e,bench}/**/*.{ts,tsx}", "*.ts"], {
      context: process.cwd(),
      tsconfig: "tsconfig.json",
      transform: false,
      skipDynamicImports: false,
      exclude: /node_modules|generated\//,
    });
    expect(Object.keys(tree).length).toBeGreaterThan(300);
    expect(parseCircular(tree).map((circle) => circle.join(" → "))).toEqual([]);
  }, 120_000);
});
