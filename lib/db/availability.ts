// Whether PostgreSQL is reachable right now, as this process last saw it. A pool's connection error
// (PostgreSQL restarting, failing over, refusing connections) marks it away; a probe then tries a
// fresh connection every PROBE_INTERVAL_MS and marks it back as soon as one answers. Meanwhile
// server.ts answers 503 at once (a pt-BR page, or JSON with Retry-After) instead of letting every
// request wait for a connection. Kept on globalThis: Next's server bundle and server.ts share it.
import pg from "pg";

export const PROBE_INTERVAL_MS = 250;
/** What a 503 tells clients to wait before trying again, in seconds. */
export const RETRY_AFTER_SECONDS = 5;

type State = { down: boolean; since: number; url: string | null; probing: boolean; listeners: Set<(down: boolean) => void> };
const KEY = Symbol.for("portal-assinaturas.database-availability");
const registry = globalThis as unknown as { [KEY]?: State };
const state = (registry[KEY] ??= { down: false, since: 0, url: null, probing: false, listeners: new Set() });

/** SQLSTATE classes and socket errors that mean "the server is away", not "this statement is wrong". */
const UNAVAILABLE_CODES = new Set(["57P01", "57P02", "57P03", "08000", "08001", "08003", "08004", "08006", "53300"]);
const UNAVAILABLE_ERRNOS = new Set(["ECONNREFUSED", "ECONNRESET", "EPIPE", "ETIMEDOUT", "ENOTFOUND", "EHOSTUNREACH"]);
const UNAVAILABLE_MESSAGES =
  /Connection terminated|connection timeout|Client has encountered a connection error|the database system is (?:starting up|shutting down|in recovery mode)|Can't reach database server|ECONNREFUSED|terminating connection/i;
/** Every pooled connection busy for CONNECT_TIMEOUT_MS: the server is saturated, PostgreSQL is not away. */
const POOL_TIMEOUT = /timeout exceeded when trying to connect/i;

/**
 * True for errors that say the database can't serve this request now (also when wrapped, e.g. by
 * Prisma): unreachable, restarting, or no pooled connection free in time. Answered 503.
 */
export function isDatabaseUnavailable(error: unknown): boolean {
  return isConnectionLost(error) || hasMessage(error, POOL_TIMEOUT);
}

function hasMessage(error: unknown, pattern: RegExp, depth = 0): boolean {
  if (typeof error !== "object" || error === null || depth > 4) return false;
  const { message, cause } = error as { message?: unknown; cause?: unknown };
  return (typeof message === "string" && pattern.test(message)) || hasMessage(cause, pattern, depth + 1);
}

/** True when PostgreSQL itself is away (refused, terminated, shutting down), not merely busy. */
export function isConnectionLost(error: unknown, depth = 0): boolean {
  if (typeof error !== "object" || error === null || depth > 4) return false;
  const { code, message, cause, errno } = error as { code?: unknown; message?: unknown; cause?: unknown; errno?: unknown };
  if (typeof code === "string" && (UNAVAILABLE_CODES.has(code) || UNAVAILABLE_ERRNOS.has(code))) return true;
  if (typeof errno === "string" && UNAVAILABLE_ERRNOS.has(errno)) return true;
  if (typeof message === "string" && UNAVAILABLE_MESSAGES.test(message)) return true;
  // Prisma's driver adapters carry the pg error as cause (or under meta / originalCode).
  const meta = (error as { meta?: unknown }).meta;
  return isConnectionLost(cause, depth + 1) || isConnectionLost(meta, depth + 1);
}

export function isDatabaseDown(): boolean {
  return state.down;
}

/** When the database went away (ms since epoch), 0 while it is up. */
export function databaseDownSince(): number {
  return state.down ? state.since : 0;
}

export function onDatabaseAvailability(listener: (down: boolean) => void): () => void {
  state.listeners.add(listener);
  return () => state.listeners.delete(listener);
}

/** The PostgreSQL URL the probe connects to; without one (PGlite) nothing is ever marked down. */
export function watchDatabase(url: string | null): void {
  state.url = url;
}

function setDown(down: boolean) {
  if (state.down === down) return;
  state.down = down;
  state.since = down ? Date.now() : 0;
  for (const listener of state.listeners) listener(down);
}

/** Called with any database error: a lost connection marks the database away and starts the probe. */
export function noteDatabaseError(error: unknown): void {
  if (!state.url || !isConnectionLost(error)) return;
  setDown(true);
  void probe();
}

async function probeOnce(url: string): Promise<boolean> {
  const client = new pg.Client({ connectionString: url, connectionTimeoutMillis: 2_000 });
  client.on("error", () => undefined);
  try {
    await client.connect();
    await client.query("SELECT 1");
    return true;
  } catch {
    return false;
  } finally {
    await client.end().catch(() => undefined);
  }
}

async function probe(): Promise<void> {
  if (state.probing || !state.url) return;
  state.probing = true;
  try {
    while (state.down && state.url) {
      if (await probeOnce(state.url)) setDown(false);
      else await new Promise((resolve) => setTimeout(resolve, PROBE_INTERVAL_MS).unref());
    }
  } finally {
    state.probing = false;
  }
}

/** For tests and shutdown: forget the watched database. */
export function resetDatabaseAvailability(): void {
  state.url = null;
  setDown(false);
}
