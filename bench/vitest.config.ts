import { fileURLToPath } from "node:url";
import { defineConfig } from "vitest/config";

// `npm run bench`: micro-benchmarks only (bench/*.bench.ts); the test projects live in ../vitest.config.ts.
export default defineConfig({
  root: fileURLToPath(new URL("..", import.meta.url)),
  resolve: { alias: { "@/": fileURLToPath(new URL("../", import.meta.url)) } },
  test: {
    benchmark: { include: ["bench/**/*.bench.ts"] },
  },
});
