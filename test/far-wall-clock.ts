import { vi } from "vitest";

/**
 * No test may depend on today's date. Every test file runs with the process clock moved years away
 * from the real one (and from the frozen NOW of test/tokens.ts), still ticking, so a test
 * that reads the wall clock where it should pass a frozen one fails on every run, not on some
 * future day. TEST_WALL_CLOCK=<ISO date> picks another start, e.g. to try a date in the past.
 */
const start = new Date(process.env.TEST_WALL_CLOCK ?? "2031-07-19T03:14:15Z");
if (Number.isNaN(start.getTime())) throw new Error(`TEST_WALL_CLOCK is not a date: ${process.env.TEST_WALL_CLOCK}`);
vi.useFakeTimers({ now: start, toFake: ["Date"], shouldAdvanceTime: true });
