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

/** The log's text lines; a JSON log line (lib/runtime/logger.ts) counts as the lines of its msg. */
export function logTextLines(log: string): string[] {
  return log.split("\n").flatMap((line) => {
    if (!line.startsWith("{")) return [line];
    try {
      const entry = JSON.parse(line) as { msg?: unknown };
      return typeof entry.msg === "string" ? [line, ...entry.msg.split("\n")] : [line];
    } catch {
      return [line];
    }
  });
}

/** Lines of a JavaScript stack trace ("    at fn (file:line:col)"), also inside JSON log lines. */
export function stackTraceLines(log: string): string[] {
  return logTextLines(log).filter((line) => /^\s+at\s+\S/.test(line));
}
