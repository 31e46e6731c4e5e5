import nextVitals from "eslint-config-next/core-web-vitals";
import nextTypescript from "eslint-config-next/typescript";

const config = [
  ...nextVitals,
  ...nextTypescript,
  {
    // Playwright fixtures call their callback `use`, which is not a React hook.
    files: ["e2e/**/*.ts"],
    rules: { "react-hooks/rules-of-hooks": "off" },
  },
  {
    ignores: ["node_modules/**", ".next/**", "generated/**", "test-results/**", "playwright-report/**", "next-env.d.ts", "data/**"],
  },
];

export default config;
