// The e2e server's output, as scripts/e2e-server.ts copies it to a file: the security specs read
// what a request wrote to the log (never a stack trace).
import { readFileSync, statSync } from "node:fs";
import path from "node:path";

const LOG_FILE = path.join("test-results", `e2e-server-${process.env.E2E_PORT ?? "3100"}.log`);

/** Where the log ends now; `logSince` reads what was written after it. */
export function logMark(): number {
  return statSync(LOG_FILE).size;
}

export function logSince(mark: number): string {
  return readFileSync(LOG_FILE).subarray(mark).toString("utf8");
}

/** Lines of a JavaScript stack trace ("    at fn (file:line:col)"). */
export function stackTraceLines(log: string): string[] {
  return log.split("\n").filter((line) => /^\s+at\s+\S/.test(line));
}
