// The export on PostgreSQL: one `COPY (SELECT …) TO STDOUT` on a connection of the export pool.
// PostgreSQL runs the plan psql's \copy runs (hash joins, one sort, parallel workers) and sends
// every row as one CopyData message of text, which the CSV writer reads in place — no row objects
// and no string per field, which cost node-pg's row path ~4 µs per row (README "Exportar"). A
// paused consumer pauses the socket, and TCP holds the database back; close() cancels the
// statement and closes the connection once the database has stopped (or 5 s later).
import net from "node:net";
import pg from "pg";
import { SESSION_OPTIONS } from "@/lib/db/connection";
import type { ExportLineHandler, ExportLineSource } from "./subscription-export-types";

/**
 * Exports running at once per server process; more wait for a connection. Each holds its
 * connection for the whole download and keeps a CPU busy while the client reads quickly.
 */
export const EXPORT_CONNECTIONS = 4;

/**
 * Safety nets of every export connection, none of which changes the plan: the statement never
 * writes, gives up behind a lock, or outlives a very slow download by much; the database notices a
 * vanished server within seconds even while it is still sorting (and sending nothing). Sessions
 * run in UTC like every other connection of the portal, so "the last 30 days" are the list's.
 */
const CONNECTION_OPTIONS = [
  SESSION_OPTIONS,
  "-c default_transaction_read_only=on",
  "-c lock_timeout=10s",
  "-c statement_timeout=30min",
  "-c idle_in_transaction_session_timeout=1min",
  "-c client_connection_check_interval=2s",
].join(" ");

/**
 * How long a download may stay paused (its client not reading) before it fails. While PostgreSQL is
 * blocked sending to a paused socket it acts on no timeout or cancel, so without this a client that
 * stops reading would hold an export connection for as long as it keeps its socket open.
 */
export const STALL_LIMIT_MS = 5 * 60_000;

/** How long an export waits for a free connection before it fails. */
const CONNECT_TIMEOUT_MS = 60_000;

/**
 * How long the export waits for PostgreSQL to refuse the statement before answering. A parse or
 * planning error comes at once; the acceptance (CopyOutResponse) is buffered with the first rows,
 * which only come after the sort — too late for the first byte.
 */
const REFUSAL_WAIT_MS = 250;

/** How long a cancelled statement may take to stop before its connection is closed instead. */
const CANCEL_GRACE_MS = 5000;

const registry = globalThis as unknown as { [key: symbol]: Map<string, pg.Pool> | undefined };
const KEY = Symbol.for("portal-assinaturas.export-pools");

function exportPool(url: string): pg.Pool {
  const pools = (registry[KEY] ??= new Map());
  let pool = pools.get(url);
  if (!pool) {
    pool = new pg.Pool({
      connectionString: url,
      max: EXPORT_CONNECTIONS,
      options: CONNECTION_OPTIONS,
      connectionTimeoutMillis: CONNECT_TIMEOUT_MS,
    });
    // An idle client's error (e.g. the server restarted) must not crash the process.
    pool.on("error", (error: Error) => console.error("[export-db] idle connection error:", error.message));
    // Checked-out connections lost between statements must not become uncaught exceptions.
    pool.on("connect", (client: pg.PoolClient) => client.on("error", () => undefined));
    pools.set(url, pool);
  }
  return pool;
}

/** Closes the export pools (tests, before their database is dropped). */
export async function closeExportPools(): Promise<void> {
  const pools = registry[KEY];
  delete registry[KEY];
  await Promise.all([...(pools?.values() ?? [])].map((pool) => pool.end()));
}

/** A bound parameter written into the statement (COPY takes none): always a quoted literal. */
function sqlLiteral(value: unknown): string {
  if (value === null || value === undefined) return "NULL";
  const text =
    value instanceof Date ? value.toISOString() : typeof value === "number" || typeof value === "boolean" ? String(value) : value;
  if (typeof text !== "string") throw new TypeError(`export parameter of unsupported type ${typeof value}`);
  // The simple query protocol ends the text at a NUL byte; PostgreSQL text can't hold one anyway.
  if (text.includes("\0")) throw new TypeError("export parameter with a NUL character");
  return pg.escapeLiteral(text);
}

/** The statement with its $n placeholders replaced by literals, in one pass. */
export function inlineParameters(sql: string, values: readonly unknown[]): string {
  return sql.replace(/\$(\d+)\b/g, (_, n: string) => sqlLiteral(values[Number(n) - 1]));
}

/** node-pg's hooks for one COPY … TO STDOUT (a Submittable: node-pg hands it the protocol messages). */
class CopyOutQuery implements pg.Submittable {
  onLine: ExportLineHandler | null = null;
  /** The COPY began (CopyOutResponse) or failed before. */
  readonly began: Promise<void>;
  /** The statement is over: completed (null) or failed. Never rejects. */
  readonly ended: Promise<Error | null>;
  completed = false;
  private markBegan!: (error?: Error) => void;
  private markEnded!: (error: Error | null) => void;

  constructor(private readonly text: string) {
    this.began = new Promise((resolve, reject) => (this.markBegan = (error) => (error ? reject(error) : resolve())));
    this.ended = new Promise((resolve) => (this.markEnded = resolve));
    this.began.catch(() => undefined);
  }

  submit(connection: pg.Connection) {
    connection.once("copyOutResponse", () => this.markBegan());
    connection.query(this.text);
  }
  handleCopyData(message: { chunk: Buffer }) {
    this.onLine?.(message.chunk, 0, message.chunk.length);
  }
  handleCommandComplete() {
    this.completed = true;
  }
  handleReadyForQuery() {
    this.markBegan(new Error("COPY ended before it began"));
    this.markEnded(null);
  }
  handleError(error: Error, connection?: pg.Connection) {
    connection?.removeAllListeners("copyOutResponse");
    this.markBegan(error);
    this.markEnded(error);
  }
  handleCopyInResponse(connection: pg.Connection & { sendCopyFail(message: string): void }) {
    connection.sendCopyFail("the export only reads");
  }
  handleRowDescription() {}
  handleDataRow() {}
  handleEmptyQuery() {}
  handlePortalSuspended() {}
}

type WireClient = pg.Client & pg.PoolClient & { processID: number; secretKey: number };

/**
 * Asks PostgreSQL to cancel what this client's backend runs: the protocol's CancelRequest (16
 * bytes) on a separate, short connection, as libpq's PQcancel sends it.
 */
function sendCancel(client: WireClient) {
  const request = Buffer.alloc(16);
  request.writeInt32BE(16, 0);
  request.writeInt32BE(80877102, 4);
  request.writeInt32BE(client.processID, 8);
  request.writeInt32BE(client.secretKey, 12);
  const socket = client.host.startsWith("/")
    ? net.connect(`${client.host}/.s.PGSQL.${client.port}`)
    : net.connect(client.port, client.host);
  socket.on("error", () => undefined); // best effort: the statement timeout is the backstop
  socket.once("connect", () => socket.end(request));
}

export async function openCopyExport(
  url: string,
  select: string,
  values: readonly unknown[],
  { stallLimitMs = STALL_LIMIT_MS }: { stallLimitMs?: number } = {},
): Promise<ExportLineSource> {
  const client = (await exportPool(url).connect()) as WireClient;
  const copy = new CopyOutQuery(`COPY (${inlineParameters(select, values)}) TO STDOUT`);
  const socket = client.connection.stream;
  socket.resume(); // a connection is never given back paused (see pause), but nothing is assumed
  let closing: Promise<void> | null = null;
  let released = false;
  let paused = false;
  let stallTimer: NodeJS.Timeout | null = null;
  let stalled: Error | null = null;
  // A checked-out client has no error listener of the pool's: a connection lost without an
  // ErrorResponse (network reset, failover) would be an uncaught 'error' event and end the process.
  // The statement's own handleError still ends the export with the error.
  const onClientError = (error: Error) => console.error("[export-db] connection lost during an export:", error.message);
  client.on("error", onClientError);
  const release = (destroy: boolean) => {
    if (released) return;
    released = true;
    if (stallTimer) clearTimeout(stallTimer);
    socket.resume();
    client.removeListener("error", onClientError);
    client.release(destroy || undefined);
  };
  // The CopyOutResponse comes in the same packet as the first rows (or all of them): the lines
  // that arrive before start() are copied (the chunk is a view of node-pg's read buffer) and kept,
  // and the socket waits.
  const early: Buffer[] = [];
  copy.onLine = (bytes, start, end) => {
    early.push(Buffer.from(bytes.subarray(start, end)));
    socket.pause();
  };
  // Whatever happens, the connection goes back once the statement is over: reused only when the
  // statement ended by itself, closed after an error or a cancel (a cancel still in flight could
  // hit the next statement; one that crossed the statement_timeout could too).
  const finished = copy.ended.then((error) => {
    if (!closing) release(error !== null);
    if (stalled) throw stalled; // the file is cut short: the download must fail, not end
    if (error && !closing) throw error;
  });
  client.query(copy);
  try {
    await Promise.race([copy.began, new Promise((resolve) => setTimeout(resolve, REFUSAL_WAIT_MS).unref())]);
  } catch (error) {
    await finished.catch(() => undefined);
    throw error;
  }

  // Stops the statement; the connection is closed, never reused: stopped by the cancel, finished
  // anyway or not stopped in time, the cancel may still reach whatever this backend runs next.
  const close = () =>
    (closing ??= (async () => {
      copy.onLine = null;
      early.length = 0;
      if (released) return;
      socket.resume(); // the rows still in flight are read and dropped, so the error can arrive
      sendCancel(client);
      const timer = new Promise<"timeout">((resolve) => setTimeout(resolve, CANCEL_GRACE_MS, "timeout").unref());
      await Promise.race([copy.ended, timer]);
      release(true);
    })());

  return {
    start(onLine) {
      copy.onLine = onLine;
      for (const line of early.splice(0)) onLine(line, 0, line.length);
      if (!paused && !released) socket.resume();
    },
    // Once the connection is back in the pool its socket is someone else's.
    pause() {
      paused = true;
      if (released) return;
      socket.pause();
      stallTimer ??= setTimeout(() => {
        stalled = new Error(`the client read nothing for ${stallLimitMs / 1000} s`);
        void close();
      }, stallLimitMs).unref();
    },
    resume() {
      paused = false;
      if (stallTimer) clearTimeout(stallTimer);
      stallTimer = null;
      if (!released) socket.resume();
    },
    finished,
    close,
  };
}
