import nextVitals from "eslint-config-next/core-web-vitals";
import nextTypescript from "eslint-config-next/typescript";

const config = [
  ...nextVitals,
  ...nextTypescript,
  {
    ignores: ["node_modules/**", ".next/**", "generated/**", "test-results/**", "playwright-report/**", "next-env.d.ts", "data/**"],
  },
];

export default config;
