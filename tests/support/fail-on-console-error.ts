// A test that makes the code under test log an error fails, unless it says it expects one.
import { afterEach, beforeEach, vi } from "vitest";

let errors: unknown[][] = [];
let allowed = false;

/** Call inside a test that provokes a logged error on purpose. */
export function allowConsoleErrors() {
  allowed = true;
}

beforeEach(() => {
  errors = [];
  allowed = false;
  vi.spyOn(console, "error").mockImplementation((...args: unknown[]) => {
    errors.push(args);
  });
});

afterEach(() => {
  vi.mocked(console.error).mockRestore();
  if (!allowed && errors.length) {
    throw new Error(`console.error was called:\n${errors.map((args) => args.map(String).join(" ")).join("\n")}`);
  }
});
