// npm run bench:webhooks — the webhook outbox and workers of one server process on PostgreSQL,
// delivering to a local receiver (its own process):
//   1. throughput: a backlog of --backlog deliveries (over --serials serials) drained by the workers;
//   2. latency: --rate events/s for --seconds, each in its own transaction, event commit → receiver.
//   npm run bench:webhooks -- [--admin postgresql://postgres@127.0.0.1:5432/postgres] [--backlog 20000]
//                             [--serials 2000] [--rate 200] [--seconds 20]
// Works on a fresh database (portal_bench_webhooks) that it drops at the end. Figures also go to
// tests/bench/results/webhooks.json.
import { fork } from "node:child_process";
import { parseArgs } from "node:util";
import pg from "pg";
import { openDatabase } from "../../lib/db/connection";
import { migrate } from "../../lib/db/migrator";
import { SERIAL_WEBHOOK_EVENTS } from "../../lib/domain/webhook-events";
import { webhookWorkerConfig } from "../../lib/webhooks/config";
import { listenForDeliveries } from "../../lib/webhooks/notifications";
import { startWebhookWorker } from "../../lib/webhooks/worker";
import { benchFigure, writeBenchResult, type BenchFigure } from "./bench-result";

const { values: options } = parseArgs({
  options: {
    admin: { type: "string", default: "postgresql://postgres@127.0.0.1:5432/postgres" },
    backlog: { type: "string", default: "20000" },
    serials: { type: "string", default: "2000" },
    rate: { type: "string", default: "200" },
    seconds: { type: "string", default: "20" },
  },
});
const DB_NAME = "portal_bench_webhooks";
/** Issue 11's targets. */
const TARGETS = { deliveriesPerSecond: 1000, p99Ms: 1000 };
const figures: BenchFigure[] = [];
const databaseUrl = Object.assign(new URL(options.admin), { pathname: `/${DB_NAME}` }).toString();

async function admin(sql: string) {
  const client = new pg.Client({ connectionString: options.admin });
  await client.connect();
  try {
    await client.query(sql);
  } finally {
    await client.end();
  }
}

type Stats = { count: number; latencies: number[] };
function startReceiver() {
  const child = fork(new URL("./webhook-bench-receiver.mjs", import.meta.url));
  const port = new Promise<number>((resolve) => child.once("message", (message: { port: number }) => resolve(message.port)));
  const stats = () =>
    new Promise<Stats>((resolve) => {
      child.once("message", (message: Stats) => resolve(message));
      child.send("stats");
    });
  return { child, port, stats, reset: () => child.send("reset") };
}

const percentile = (sorted: number[], p: number) =>
  sorted[Math.min(sorted.length - 1, Math.floor((p / 100) * sorted.length))] ?? NaN;

async function main() {
  await admin(`DROP DATABASE IF EXISTS ${DB_NAME} WITH (FORCE)`);
  await admin(`CREATE DATABASE ${DB_NAME}`);
  const db = await openDatabase({ kind: "postgres", url: databaseUrl });
  const receiver = startReceiver();
  try {
    await migrate(db.sql);
    const url = `http://127.0.0.1:${await receiver.port}/hooks`;
    const serialCount = Number(options.serials);
    const [account] = await db.sql.query<{ id: string }>(
      `INSERT INTO accounts (kind, name, document) VALUES ('FABRICANTE', 'Bench', '00000000000191') RETURNING id`,
    );
    await db.sql.query(
      `WITH c AS (
         INSERT INTO customers (manufacturer_id, type, name, document, city, state, email)
         VALUES ($1, 'LOJISTA', 'Cliente', '00000000000272', 'São Paulo', 'SP', 'c@bench.test') RETURNING id)
       INSERT INTO subscriptions (serial_number, manufacturer_id, customer_id, product, plan, started_at, expires_at, status)
       SELECT 'BNCH-' || lpad(i::text, 8, '0'), $1, c.id, 'Produto', 'ANUAL', now(), now() + interval '1 year', 'ATIVA'
         FROM c, generate_series(1, $2) i`,
      [account!.id, serialCount],
    );
    await db.sql.query(
      `INSERT INTO webhook_endpoints (account_id, url, event_types, secret) VALUES ($1, $2, $3, 'whsec_bench')`,
      [account!.id, url, [...SERIAL_WEBHOOK_EVENTS]],
    );
    const config = { ...webhookWorkerConfig("postgres", { WEBHOOKS_ALLOW_LOCALHOST: "1" }) };
    console.log(
      `Workers: ${config.lanes} lanes × ${config.batchSize} per batch; receiver in its own process at ${url}; ` +
        `${serialCount} serials; machine: ${(await import("node:os")).cpus().length} CPUs (shared)`,
    );

    // 1. Throughput: the backlog is written first (the trigger builds every delivery), then drained.
    const backlog = Number(options.backlog);
    const insertStart = performance.now();
    await db.sql.query(
      `INSERT INTO subscription_events (subscription_id, account_id, actor_kind, type)
       SELECT s.id, $1, 'SYSTEM', 'RENEWED' FROM subscriptions s, generate_series(1, ceil($2::numeric / $3)::int) g
        ORDER BY g, s.serial_number LIMIT $2`,
      [account!.id, backlog, serialCount],
    );
    const insertMs = performance.now() - insertStart;
    console.log(
      `Outbox: ${backlog} events with their deliveries written in ${(insertMs / 1000).toFixed(1)} s (${Math.round(backlog / (insertMs / 1000))}/s, trigger included)`,
    );
    const start = performance.now();
    const worker = startWebhookWorker(db.sql, config);
    for (;;) {
      const { count } = await receiver.stats();
      if (count >= backlog) break;
      await new Promise((resolve) => setTimeout(resolve, 100));
    }
    const drainMs = performance.now() - start;
    const [left] = await db.sql.query<{ pending: number }>(
      `SELECT count(*)::int AS pending FROM webhook_deliveries WHERE state <> 'DELIVERED'`,
    );
    figures.push(benchFigure("throughput", backlog / (drainMs / 1000), "deliveries/s", ">=", TARGETS.deliveriesPerSecond));
    console.log(
      `Throughput: ${backlog} deliveries in ${(drainMs / 1000).toFixed(2)} s = ${Math.round(backlog / (drainMs / 1000))} deliveries/s (not yet recorded as delivered: ${left!.pending})`,
    );

    // 2. Latency at a steady rate: each event its own transaction, as portal actions and the license API write them.
    while (
      (await db.sql.query<{ n: number }>(`SELECT count(*)::int AS n FROM webhook_deliveries WHERE state = 'PENDING'`))[0]!.n > 0
    ) {
      await new Promise((resolve) => setTimeout(resolve, 100));
    }
    const unlisten = await listenForDeliveries(db.target, worker.wake);
    receiver.reset();
    const rate = Number(options.rate);
    const total = rate * Number(options.seconds);
    const ids = await db.sql.query<{ id: string }>(`SELECT id FROM subscriptions ORDER BY serial_number`);
    const paceStart = performance.now();
    const inserts: Promise<unknown>[] = [];
    for (let i = 0; i < total; i++) {
      const due = paceStart + (i * 1000) / rate;
      const wait = due - performance.now();
      if (wait > 0) await new Promise((resolve) => setTimeout(resolve, wait));
      inserts.push(
        db.sql.query(
          `INSERT INTO subscription_events (subscription_id, account_id, actor_kind, type, created_at) VALUES ($1, $2, 'SYSTEM', 'RENEWED', clock_timestamp())`,
          [ids[i % ids.length]!.id, account!.id],
        ),
      );
    }
    await Promise.all(inserts);
    const achieved = total / ((performance.now() - paceStart) / 1000);
    for (;;) {
      const { count } = await receiver.stats();
      if (count >= total) break;
      await new Promise((resolve) => setTimeout(resolve, 100));
    }
    const latencies = (await receiver.stats()).latencies.sort((a, b) => a - b);
    console.log(
      `Latency at ${rate} events/s (achieved ${achieved.toFixed(0)}/s, ${total} events), commit → receiver: ` +
        `p50 ${percentile(latencies, 50)} ms, p95 ${percentile(latencies, 95)} ms, p99 ${percentile(latencies, 99)} ms, max ${latencies.at(-1)} ms`,
    );
    figures.push(benchFigure(`event → delivery p99 at ${rate} events/s`, percentile(latencies, 99), "ms", "<=", TARGETS.p99Ms));
    // Where the time went: waiting in the outbox (commit → claimed and sent) vs the rest.
    const [split] = await db.sql.query<{ p50: number; p99: number }>(
      `SELECT percentile_cont(0.5) WITHIN GROUP (ORDER BY ms) AS p50, percentile_cont(0.99) WITHIN GROUP (ORDER BY ms) AS p99
         FROM (SELECT extract(epoch FROM a.attempted_at - d.created_at) * 1000 AS ms
                 FROM webhook_attempts a JOIN webhook_deliveries d ON d.id = a.delivery_id
                WHERE d.created_at >= to_timestamp($1 / 1000.0)) x`,
      [Date.now() - (performance.now() - paceStart) - 1000],
    );
    console.log(
      `  of which commit → attempt started (outbox wait): p50 ${Math.round(split!.p50)} ms, p99 ${Math.round(split!.p99)} ms`,
    );
    await unlisten();
    await worker.stop();
  } finally {
    receiver.child.kill();
    await db.close();
    await admin(`DROP DATABASE IF EXISTS ${DB_NAME} WITH (FORCE)`);
  }
}

main()
  .then(() => writeBenchResult("webhooks", figures))
  .catch((error: unknown) => {
    console.error(error);
    process.exit(1);
  });
