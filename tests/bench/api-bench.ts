// npm run bench:api — the integration API (/api/v1/manufacturer/) on a copy of the 1M-subscription
// dataset: the subscription list, 100 per page, under several filters and following cursors (p50/p95,
// one request at a time), then renew/suspend flat out with wrk at 50 connections (req/s, p50/p99).
//   npm run bench:api -- [--source portal_scale] [--database portal_bench_api] [--reuse]
//                        [--connections 50] [--seconds 15] [--repeats 15]
// Prints the load average with every number: the machine is shared.
import { execFile, spawn } from "node:child_process";
import { mkdirSync, writeFileSync } from "node:fs";
import { loadavg } from "node:os";
import { parseArgs } from "node:util";
import pg from "pg";
import { createApiKey } from "@/lib/data/api-keys";
import { openDatabase } from "@/lib/db/connection";
import { migrate } from "@/lib/db/migrator";
import { benchFigure, writeBenchResult, type BenchFigure } from "./bench-result";
import { cloneDataset } from "./checkin-data";

const { values: options } = parseArgs({
  options: {
    admin: { type: "string", default: "postgresql://postgres@127.0.0.1:5432/postgres" },
    source: { type: "string", default: "portal_scale" },
    database: { type: "string", default: "portal_bench_api" },
    reuse: { type: "boolean", default: false },
    keep: { type: "boolean", default: false },
    connections: { type: "string", default: "50" },
    seconds: { type: "string", default: "15" },
    repeats: { type: "string", default: "15" },
    port: { type: "string", default: "3621" },
    accounts: { type: "string", default: "10" },
  },
});
const databaseUrl = Object.assign(new URL(options.admin), { pathname: `/${options.database}` }).toString();
const base = `http://127.0.0.1:${options.port}`;
const load = () =>
  loadavg()
    .map((value) => value.toFixed(2))
    .join(" ");

function percentile(values: number[], p: number): number {
  const sorted = [...values].sort((a, b) => a - b);
  return sorted[Math.min(sorted.length - 1, Math.ceil((p / 100) * sorted.length) - 1)]!;
}

async function prepare() {
  if (!options.reuse) {
    console.log(`[bench] copying ${options.source} to ${options.database}…`);
    await cloneDataset(options.admin, options.source, options.database, databaseUrl);
  }
  const db = await openDatabase({ kind: "postgres", url: databaseUrl });
  try {
    await migrate(db.sql);
    await db.sql.exec(`VACUUM (ANALYZE) subscriptions, customers, subscription_events, api_keys, rate_limit_counters`);
    // The largest manufacturer (the list's worst case), then the next ones for the multi-account writes.
    const makers = await db.sql.query<{ id: string; n: number }>(
      `SELECT manufacturer_id AS id, count(*)::int AS n FROM subscriptions GROUP BY 1 ORDER BY 2 DESC LIMIT $1`,
      [Math.max(1, Number(options.accounts))],
    );
    const writers: { key: string; reasonId: string; serials: string[] }[] = [];
    for (const maker of makers) {
      const { key } = await createApiKey(
        maker.id,
        null,
        { name: `bench ${new Date().toISOString()}`, scopes: ["read", "write"] },
        { tx: db.sql },
      );
      const [reason] = await db.sql.query<{ id: string }>(
        `SELECT id FROM reasons WHERE manufacturer_id = $1 AND kind = 'SUSPENSAO' AND active AND NOT requires_description LIMIT 1`,
        [maker.id],
      );
      const serials = await db.sql.query<{ serial_number: string }>(
        `SELECT serial_number FROM subscriptions WHERE manufacturer_id = $1 AND status = 'ATIVA' ORDER BY random() LIMIT 100000`,
        [maker.id],
      );
      writers.push({ key, reasonId: reason!.id, serials: serials.map((row) => row.serial_number) });
    }
    const maker = makers[0]!;
    const [sample] = await db.sql.query<{ product: string; customer: string; serial: string }>(
      `SELECT s.product, left(c.name, 6) AS customer, substr(s.serial_number, 6, 4) AS serial
         FROM subscriptions s JOIN customers c ON c.id = s.customer_id WHERE s.manufacturer_id = $1 LIMIT 1`,
      [maker!.id],
    );
    mkdirSync("test-results", { recursive: true });
    // One line per request target: "key reasonId serial". The first file: the largest manufacturer
    // alone; the second: all of them, interleaved.
    const line = (writer: (typeof writers)[number], serial: string) => `${writer.key} ${writer.reasonId} ${serial}`;
    const single = "test-results/api-bench-single.txt";
    writeFileSync(single, writers[0]!.serials.map((serial) => line(writers[0]!, serial)).join("\n") + "\n");
    const spread = "test-results/api-bench-spread.txt";
    const longest = Math.max(...writers.map((writer) => writer.serials.length));
    const lines: string[] = [];
    for (let i = 0; i < longest; i++)
      for (const writer of writers) {
        // From the other end of the list: the single-manufacturer run used the first serials.
        const serial = writer.serials[writer.serials.length - 1 - i];
        if (serial) lines.push(line(writer, serial));
      }
    writeFileSync(spread, lines.join("\n") + "\n");
    console.log(
      `[bench] largest manufacturer ${maker.id}: ${maker.n} subscriptions; writes over ${writers.length} manufacturers`,
    );
    return { key: writers[0]!.key, files: { single, spread, accounts: writers.length }, sample: sample! };
  } finally {
    await db.close();
  }
}

async function waitFor(url: string) {
  for (let attempt = 0; attempt < 120; attempt++) {
    try {
      await fetch(url);
      return;
    } catch {
      await new Promise((resolve) => setTimeout(resolve, 250));
    }
  }
  throw new Error(`${url} did not come up`);
}

async function listBench(key: string, sample: { product: string; customer: string; serial: string }) {
  const product = encodeURIComponent(sample.product);
  const cases: [string, string][] = [
    ["no filter", ""],
    ["status=TOLERANCIA", "status=TOLERANCIA"],
    ["situacao=SUSPENSA", "situacao=SUSPENSA"],
    ["produto", `produto=${product}`],
    ["status=ATIVA + produto", `status=ATIVA&produto=${product}`],
    ["expiry range (30 days)", "expiraDe=2027-01-01&expiraAte=2027-01-31"],
    ["cliente (name part)", `cliente=${encodeURIComponent(sample.customer)}`],
    ["serie (4 characters)", `serie=${sample.serial}`],
    ["trocas=1", "trocas=1"],
    ["situacao=EXPIRADA + trocas", "situacao=EXPIRADA&trocas=1"],
  ];
  const headers = { authorization: `Bearer ${key}` };
  const all: number[] = [];
  console.log(`\nSubscription list, 100 per page, first page and 2 cursor pages, ${options.repeats} times each (load ${load()})`);
  console.log("case                          rows/page  p50 ms  p95 ms");
  for (const [name, query] of cases) {
    const times: number[] = [];
    let rows = 0;
    for (let i = 0; i < Number(options.repeats); i++) {
      let cursor: string | null = null;
      for (let pageNo = 0; pageNo < 3; pageNo++) {
        const url: string = `${base}/api/v1/manufacturer/subscriptions?limit=100${query ? `&${query}` : ""}${cursor ? `&cursor=${cursor}` : ""}`;
        const started = performance.now();
        const response = await fetch(url, { headers });
        const body = (await response.json()) as { data: unknown[]; nextCursor: string | null };
        times.push(performance.now() - started);
        if (response.status !== 200) throw new Error(`${name}: HTTP ${response.status} ${JSON.stringify(body)}`);
        rows = Math.max(rows, body.data.length);
        cursor = body.nextCursor;
        if (!cursor) break;
      }
    }
    all.push(...times);
    console.log(
      `${name.padEnd(30)}${String(rows).padStart(9)}${percentile(times, 50).toFixed(1).padStart(8)}${percentile(times, 95).toFixed(1).padStart(8)}`,
    );
  }
  console.log(
    `${"all cases".padEnd(39)}${percentile(all, 50).toFixed(1).padStart(8)}${percentile(all, 95).toFixed(1).padStart(8)}  (load ${load()})`,
  );
  figures.push(benchFigure("API list, 100 per page, every filter: p95", percentile(all, 95), "ms", "<=", 100));
}

/** What `npm run bench` collects (tests/bench/results/api.json). */
const figures: BenchFigure[] = [];

function writeBench(label: string, file: string): Promise<void> {
  const threads = 2;
  const args = [
    `-t${threads}`,
    `-c${options.connections}`,
    `-d${options.seconds}s`,
    "-s",
    "tests/bench/api-wrk.lua",
    base,
    "--",
    file,
    String(threads),
  ];
  return new Promise((resolve, reject) => {
    execFile("wrk", args, (error, stdout) => {
      if (error) return reject(error);
      const line = stdout.split("\n").find((text) => text.startsWith("JSON"));
      const result = JSON.parse(line!.slice(4)) as {
        requests: number;
        seconds: number;
        p50: number;
        p99: number;
        non2xx: number;
        errors: number;
      };
      console.log(
        `\nRenew/suspend, ${label} (alternating, own serial and Idempotency-Key each), ${options.connections} connections, ${options.seconds} s`,
      );
      console.log(
        `  ${(result.requests / result.seconds).toFixed(0)} req/s, p50 ${result.p50.toFixed(1)} ms, p99 ${result.p99.toFixed(1)} ms, ` +
          `${result.non2xx} non-2xx, ${result.errors} socket errors (load ${load()})`,
      );
      figures.push(
        benchFigure(
          `API renew/suspend, ${label}, ${options.connections} connections`,
          result.requests / result.seconds,
          "req/s",
          ">=",
          500,
        ),
      );
      resolve();
    });
  });
}

async function main() {
  const { key, files, sample } = await prepare();
  const server = spawn(process.execPath, ["--import", "tsx", "tests/bench/api-bench-server.ts"], {
    env: {
      ...process.env,
      NODE_ENV: "production",
      DATABASE_URL: databaseUrl,
      PORT: options.port,
      API_DB_POOL_SIZE: process.env.API_DB_POOL_SIZE ?? "20",
      MANUFACTURER_API_RATE_LIMIT: "100000000",
    },
    stdio: ["ignore", "ignore", "inherit"],
  });
  try {
    await waitFor(`${base}/api/v1/manufacturer/`);
    console.log(`[bench] load average at start: ${load()}`);
    await listBench(key, sample);
    await writeBench("one manufacturer", files.single);
    if (files.accounts > 1) await writeBench(`${files.accounts} manufacturers, one key each`, files.spread);
    writeBenchResult("api", figures);
  } finally {
    server.kill();
    if (!options.keep) {
      const admin = new pg.Client({ connectionString: options.admin });
      await admin.connect();
      await admin.query(`DROP DATABASE IF EXISTS "${options.database}" WITH (FORCE)`).catch(() => undefined);
      await admin.end();
    }
  }
}

main().catch((error: unknown) => {
  console.error(error);
  process.exit(1);
});
