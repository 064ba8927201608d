// npm run test:fault:webhooks — webhooks under faults, on the local PostgreSQL: events are written
// steadily (and some transactions roll back) while the receiver answers 500 to one call in three,
// then hangs past the timeout, then is down for --down seconds (2 minutes by default), and the
// worker process is killed with SIGKILL twice and started again. Afterwards: every committed event
// was delivered at least once, in order per serial, no rolled-back one was, duplicates carry the
// same event id and body. Exits 1 on any violation.
//   npm run test:fault:webhooks -- [--down 120] [--rate 20] [--serials 100]
import { fork, type ChildProcess } from "node:child_process";
import { createServer, type Server } from "node:http";
import type { AddressInfo } from "node:net";
import { parseArgs } from "node:util";
import pg from "pg";
import { verifyWebhook } from "../../examples/verify-webhook.mjs";
import { openDatabase } from "../../lib/db/connection";
import { migrate } from "../../lib/db/migrator";

const { values: options } = parseArgs({
  options: {
    admin: { type: "string", default: "postgresql://postgres@127.0.0.1:5432/postgres" },
    down: { type: "string", default: "120" },
    rate: { type: "string", default: "20" },
    serials: { type: "string", default: "100" },
  },
});
const DB_NAME = "portal_fault_webhooks";
const SECRET = "whsec_fault";
const databaseUrl = Object.assign(new URL(options.admin), { pathname: `/${DB_NAME}` }).toString();
const started = Date.now();
const log = (line: string) => console.log(`[${((Date.now() - started) / 1000).toFixed(0).padStart(3)} s] ${line}`);
const sleep = (ms: number) => new Promise((resolve) => setTimeout(resolve, ms));

async function admin(sql: string) {
  const client = new pg.Client({ connectionString: options.admin });
  await client.connect();
  try {
    await client.query(sql);
  } finally {
    await client.end();
  }
}

// The receiver: its behaviour changes by phase; it records what it acknowledged with a 2xx.
type Mode = "flaky" | "hang" | "down";
let mode: Mode = "flaky";
let calls = 0;
const acked: { eventId: string; serial: string; body: string }[] = [];
const bodies = new Map<string, string>();
const problems: string[] = [];
const receiver: Server = createServer((req, res) => {
  const chunks: Buffer[] = [];
  req.on("data", (chunk: Buffer) => chunks.push(chunk));
  req.on("end", () => {
    const body = Buffer.concat(chunks).toString("utf8");
    const eventId = String(req.headers["portal-event-id"]);
    if (!verifyWebhook(SECRET, String(req.headers["portal-signature"]), body)) problems.push(`bad signature on ${eventId}`);
    const event = JSON.parse(body) as { id: string; data: { serialNumber: string; description: string } };
    if (event.id !== eventId) problems.push(`header id ${eventId} differs from body id ${event.id}`);
    if (bodies.has(eventId) && bodies.get(eventId) !== body) problems.push(`duplicate of ${eventId} with another body`);
    bodies.set(eventId, body);
    if (mode === "hang") return; // never answers: the worker's timeout ends it
    if (++calls % 3 === 0) return void res.writeHead(500).end("instável");
    acked.push({ eventId, serial: event.data.serialNumber, body });
    res.writeHead(200).end("ok");
  });
});

function startWorker(): Promise<ChildProcess> {
  const child = fork(new URL("./webhook-worker-process.ts", import.meta.url), {
    execArgv: ["--import", "tsx"],
    env: {
      ...process.env,
      DATABASE_URL: databaseUrl,
      WEBHOOKS_ALLOW_LOCALHOST: "1",
      // Shorter than production so the run fits in CI: 3 s timeout, retries every 0.5–2 s.
      WEBHOOK_TIMEOUT_MS: "3000",
      WEBHOOK_RETRY_BASE_MS: "500",
      WEBHOOK_RETRY_MAX_MS: "2000",
    },
    stdio: ["ignore", "ignore", "inherit", "ipc"],
  });
  return new Promise((resolve, reject) => {
    child.once("message", () => resolve(child));
    child.once("exit", (code) => reject(new Error(`worker exited (${code}) before it was ready`)));
  });
}

async function main() {
  await admin(`DROP DATABASE IF EXISTS ${DB_NAME} WITH (FORCE)`);
  await admin(`CREATE DATABASE ${DB_NAME}`);
  const db = await openDatabase({ kind: "postgres", url: databaseUrl });
  let worker: ChildProcess | null = null;
  try {
    await migrate(db.sql);
    await new Promise<void>((resolve) => receiver.listen(0, "127.0.0.1", resolve));
    const port = (receiver.address() as AddressInfo).port;
    const [account] = await db.sql.query<{ id: string }>(
      `INSERT INTO accounts (kind, name, document) VALUES ('FABRICANTE', 'Fault', '00000000000191') RETURNING id`,
    );
    await db.sql.query(
      `WITH c AS (
         INSERT INTO customers (manufacturer_id, type, name, document, city, state, email)
         VALUES ($1, 'LOJISTA', 'Cliente', '00000000000272', 'São Paulo', 'SP', 'c@fault.test') RETURNING id)
       INSERT INTO subscriptions (serial_number, manufacturer_id, customer_id, product, plan, started_at, expires_at, status)
       SELECT 'FALT-' || lpad(i::text, 8, '0'), $1, c.id, 'Produto', 'ANUAL', now(), now() + interval '1 year', 'ATIVA'
         FROM c, generate_series(1, $2) i`,
      [account!.id, Number(options.serials)],
    );
    await db.sql.query(
      `INSERT INTO webhook_endpoints (account_id, url, event_types, secret) VALUES ($1, $2, ARRAY['serial.renewed'], $3)`,
      [account!.id, `http://127.0.0.1:${port}/hooks`, SECRET],
    );
    const serials = await db.sql.query<{ id: string }>(`SELECT id FROM subscriptions ORDER BY serial_number`);
    worker = await startWorker();
    log("worker started; receiver answers 500 to one call in three");

    // The writer: one event per transaction at --rate/s; every tenth transaction rolls back.
    let writing = true;
    let written = 0;
    let rolledBack = 0;
    const writer = (async () => {
      const rate = Number(options.rate);
      for (let i = 0; writing; i++) {
        const serial = serials[i % serials.length]!;
        const rollback = i % 10 === 9;
        await db.sql
          .transaction(async (tx) => {
            await tx.query(
              `INSERT INTO subscription_events (subscription_id, account_id, actor_kind, type, description, created_at)
               VALUES ($1, $2, 'SYSTEM', 'RENEWED', $3, clock_timestamp())`,
              [serial.id, account!.id, rollback ? "rolled-back" : `n${i}`],
            );
            if (rollback) throw new Error("rollback");
          })
          .then(
            () => written++,
            () => rolledBack++,
          );
        await sleep(1000 / rate);
      }
    })();

    const kill = async (why: string) => {
      worker!.kill("SIGKILL");
      await new Promise((resolve) => worker!.once("exit", resolve));
      log(`worker SIGKILLed (${why}); starting it again`);
      worker = await startWorker();
    };
    await sleep(10_000);
    mode = "hang";
    log("receiver hangs past the timeout");
    await sleep(5_000);
    await kill("deliveries hanging in flight");
    await sleep(5_000);
    mode = "down";
    receiver.closeAllConnections();
    await new Promise((resolve) => receiver.close(resolve));
    const downMs = Number(options.down) * 1000;
    log(`receiver down for ${options.down} s`);
    await sleep(downMs / 2);
    await kill("receiver down");
    await sleep(downMs / 2);
    writing = false;
    await writer;
    mode = "flaky";
    await new Promise<void>((resolve) => receiver.listen(port, "127.0.0.1", resolve));
    log(`receiver back (500 to one call in three); ${written} events committed, ${rolledBack} rolled back; waiting for delivery`);

    const committed = await db.sql.query<{ id: string; serial: string }>(
      `SELECT e.id, s.serial_number AS serial FROM subscription_events e JOIN subscriptions s ON s.id = e.subscription_id ORDER BY e.seq`,
    );
    const deadline = Date.now() + 120_000;
    const ackedIds = () => new Set(acked.map((entry) => entry.eventId));
    while (committed.some((event) => !ackedIds().has(event.id)) && Date.now() < deadline) await sleep(500);

    // The checks.
    const ids = ackedIds();
    const missing = committed.filter((event) => !ids.has(event.id));
    if (missing.length) problems.push(`${missing.length} committed events never acknowledged, e.g. ${missing[0]!.id}`);
    if ([...bodies.values()].some((body) => body.includes("rolled-back"))) problems.push("a rolled-back event was sent");
    const position = new Map(committed.map((event, index) => [event.id, index]));
    const lastPerSerial = new Map<string, number>();
    const seen = new Set<string>();
    for (const entry of acked) {
      if (seen.has(entry.eventId)) continue; // a duplicate (same id) after a lost acknowledgement
      seen.add(entry.eventId);
      const at = position.get(entry.eventId) ?? -1;
      if (at < (lastPerSerial.get(entry.serial) ?? -1)) problems.push(`out of order on ${entry.serial}: ${entry.eventId}`);
      lastPerSerial.set(entry.serial, at);
    }
    const duplicates = acked.length - seen.size;
    const [states] = await db.sql.query<{ delivered: number; other: number }>(
      `SELECT count(*) FILTER (WHERE state = 'DELIVERED')::int AS delivered, count(*) FILTER (WHERE state <> 'DELIVERED')::int AS other FROM webhook_deliveries`,
    );
    log(
      `${committed.length} committed events; acknowledged ${seen.size} distinct (+${duplicates} duplicates with the same id); ` +
        `deliveries: ${states!.delivered} delivered, ${states!.other} not; receiver calls ${calls}`,
    );
    if (problems.length) {
      console.error(`FAILED:\n  ${problems.slice(0, 20).join("\n  ")}`);
      process.exitCode = 1;
    } else {
      log("OK: every committed event delivered at least once, in order per serial; nothing rolled back was sent");
    }
  } finally {
    worker?.kill("SIGKILL");
    receiver.closeAllConnections();
    receiver.close();
    await db.close();
    await admin(`DROP DATABASE IF EXISTS ${DB_NAME} WITH (FORCE)`);
  }
}

main().catch((error: unknown) => {
  console.error(error);
  process.exit(1);
});
