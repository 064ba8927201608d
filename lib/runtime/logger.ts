// The server's log: one JSON object per line (pino) on stdout, so a log collector can filter by
// request id, account or status. console.* in server code lands here too (routeConsoleToLogger).
// Nothing secret is ever written: no request bodies, headers, cookies or query strings, and the
// tokens in invitation / password-reset paths are masked (loggablePath); `redact` is a backstop for
// fields a future call might add.
import { format } from "node:util";
import pino, { type Logger } from "pino";

const REDACT = [
  "password",
  "*.password",
  "secret",
  "*.secret",
  "token",
  "*.token",
  "cookie",
  "*.cookie",
  "authorization",
  "*.authorization",
  'headers["cookie"]',
  'headers["authorization"]',
];

export function createLogger(destination?: pino.DestinationStream): Logger {
  return pino(
    {
      level: process.env.LOG_LEVEL ?? "info",
      base: { pid: process.pid },
      timestamp: pino.stdTimeFunctions.isoTime,
      formatters: { level: (label) => ({ level: label }) },
      redact: { paths: REDACT, censor: "[oculto]" },
    },
    destination ?? pino.destination({ dest: 1, sync: true }),
  );
}

const KEY = Symbol.for("portal-assinaturas.logger");
const registry = globalThis as unknown as { [KEY]?: Logger };

export function logger(): Logger {
  return (registry[KEY] ??= createLogger());
}

/** Paths whose last segment is a bearer token (a link sent by e-mail): logged as "…/[token]". */
const TOKEN_PATHS = /^\/(convite|redefinir-senha)\/[^/?#]+/;

/** The path to log: no query string (filters may carry customer names), tokens masked. */
export function loggablePath(url: string | undefined): string {
  const path = (url ?? "/").split("?")[0]!.split("#")[0]!;
  return path.replace(TOKEN_PATHS, "/$1/[token]");
}

/** console.log / info / warn / error of the whole process become JSON log lines. */
export function routeConsoleToLogger(log: Logger = logger()): void {
  const write =
    (level: "info" | "warn" | "error") =>
    (...args: unknown[]) =>
      log[level](format(...args));
  console.log = write("info");
  console.info = write("info");
  console.warn = write("warn");
  console.error = write("error");
}
