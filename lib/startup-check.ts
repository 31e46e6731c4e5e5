import { environmentProblems } from "./env";

/** Stops a production server whose secrets are missing, naming each variable (see instrumentation.ts). */
export function refuseToStartWithIncompleteEnvironment(): void {
  const problems = environmentProblems();
  if (problems.length === 0) return;
  console.error(
    [
      "Refusing to start: the environment is incomplete.",
      ...problems.map((p) => `  - ${p.variable} ${p.message}`),
      "For a local try-out, run `npm run demo`, which creates these for you.",
    ].join("\n"),
  );
  process.exit(1);
}
