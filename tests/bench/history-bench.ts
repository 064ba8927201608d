// npm run bench:history — Histórico da conta (page 1 and page 500 of each filter), the dashboard and
// the events CSV export against a real server on the scale data, as the largest manufacturer.
//   npm run bench:history -- [--database URL] [--email E] [--requests 30] [--no-build] [--port 3591]
// Runs the shared build (bench-build.ts); figures also go to tests/bench/results/history.json.
// Targets: each page p95 ≤ 200 ms; export ≥ 50 % of psql's \copy of the same SELECT (rows/s).
// Starting the server applies pending migrations to the database: point it at a copy
// (CREATE DATABASE x TEMPLATE portal_scale), not at a database others share.
import { cpus, loadavg } from "node:os";
import { parseArgs } from "node:util";
import pg from "pg";
import { historyExportSql } from "@/lib/data/account-history-export";
import { HISTORY_ORDER, historyConditions, historyTypeCondition } from "@/lib/data/account-history-sql";
import { SqlParams } from "@/lib/data/sql-params";
import { inlineParameters } from "@/lib/data/subscription-export-copy";
import type { SubscriptionScope } from "@/lib/data/subscription-scope";
import { parseHistoryFilters } from "@/lib/validation/history-filters";
import { ensureBenchBuild } from "./bench-build";
import { signIn } from "./bench-portal";
import { benchFigure, writeBenchResult, type BenchFigure } from "./bench-result";
import { measureCopy, measureExport } from "./export-measure";
import { startServer } from "./export-server";
import { percentile } from "./list-bench-sql";
import { fetchPage } from "./list-bench-server";

const { values: options } = parseArgs({
  options: {
    database: { type: "string", default: "postgresql://postgres@127.0.0.1:5432/portal_scale" },
    email: { type: "string", default: "fabricante+1@scale.test" },
    password: { type: "string", default: "demo1234" },
    port: { type: "string", default: "3591" },
    requests: { type: "string", default: "30" },
    warmup: { type: "string", default: "3" },
    "deep-page": { type: "string", default: "500" },
    "export-runs": { type: "string", default: "2" },
    "no-build": { type: "boolean", default: false },
  },
});

const TARGETS = { p95Ms: 200, exportShare: 0.5 };
const PAGE_SIZE = 25;
const loadAtStart = loadavg().map((n) => n.toFixed(1));
const client = new pg.Client({ connectionString: options.database });
await client.connect();

const { rows: accounts } = await client.query<{ id: string; name: string; grace_days: number }>(
  `SELECT a.id, a.name, a.grace_days FROM users u JOIN accounts a ON a.id = u.default_account_id WHERE u.email = $1`,
  [options.email],
);
if (!accounts[0]) throw new Error(`${options.email} has no default account`);
const scope: SubscriptionScope = { kind: "manufacturer", accountId: accounts[0].id, graceDays: accounts[0].grace_days };

/** Filters that find something in this account: a person who acted, a customer word, a serial prefix. */
async function filterCases(): Promise<{ name: string; query: string }[]> {
  const one = async <T>(text: string): Promise<T> => (await client.query(text, [scope.accountId])).rows[0] as T;
  const person = await one<{ id: string }>(
    `SELECT actor_user_id AS id FROM subscription_events WHERE account_id = $1 AND actor_user_id IS NOT NULL LIMIT 1`,
  );
  const customer = await one<{ name: string }>(
    `SELECT c.name FROM customers c WHERE c.manufacturer_id = $1 ORDER BY c.search_text
      OFFSET least(1000, (SELECT count(*) / 2 FROM customers WHERE manufacturer_id = $1)) LIMIT 1`,
  );
  const serial = await one<{ serial: string }>(
    `SELECT serial_number AS serial FROM subscriptions WHERE manufacturer_id = $1 ORDER BY serial_number
      OFFSET least(5000, (SELECT count(*) / 2 FROM subscriptions WHERE manufacturer_id = $1)) LIMIT 1`,
  );
  return [
    { name: "no filter", query: "" },
    { name: "action: Suspensa", query: "acao=SUSPENDED" },
    { name: "actions: Suspensa, Cancelada, Liberada", query: "acao=SUSPENDED&acao=CANCELLED&acao=RELEASED" },
    { name: "who: computer (desktop)", query: "quem=DESKTOP" },
    { name: "who: one person", query: `quem=${person.id}` },
    { name: "customer (name)", query: `cliente=${encodeURIComponent(customer.name)}` },
    { name: "serial (part)", query: `serie=${serial.serial.slice(0, 9)}` },
    { name: "dates: one month", query: "de=01/06/2026&ate=30/06/2026" },
    { name: "action + who + dates", query: "acao=SWAPPED&quem=DESKTOP&de=2026-01-01&ate=2026-06-30" },
  ];
}

/** The cursor of page `page` (the seq of the last event of the page before it), and how many pages there are. */
async function cursorAt(query: string, page: number): Promise<{ cursor: string | null; pages: number; depth: number }> {
  const { filters } = parseHistoryFilters(Object.fromEntries(new URLSearchParams(query)));
  const params = new SqlParams();
  const conditions = historyConditions(scope, filters, params);
  const type = historyTypeCondition(filters, params);
  if (type) conditions.push(type);
  const where = conditions.join(" AND ");
  const { rows } = await client.query<{ n: number }>(
    `SELECT count(*)::int AS n FROM (SELECT 1 FROM subscription_events e WHERE ${where} LIMIT ${page * PAGE_SIZE}) x`,
    params.values,
  );
  const pages = Math.ceil(rows[0]!.n / PAGE_SIZE);
  const depth = Math.max(1, Math.min(page, pages));
  if (depth === 1) return { cursor: null, pages, depth };
  const offset = (depth - 1) * PAGE_SIZE - 1;
  const found = await client.query<{ seq: string }>(
    `SELECT e.seq::text AS seq FROM subscription_events e WHERE ${where} ${HISTORY_ORDER} OFFSET ${offset} LIMIT 1`,
    params.values,
  );
  return { cursor: found.rows[0]!.seq, pages, depth };
}

type Result = { name: string; path: string; note: string; p50: number; p95: number };
const results: Result[] = [];
let exportLine = "";

ensureBenchBuild({ build: !options["no-build"] });
const figures: BenchFigure[] = [];
console.log(`${accounts[0].name} (${options.email}); starting the server (migrations apply on start)…`);
const server = await startServer(options.database, Number(options.port));
try {
  const cookie = await signIn(server.baseUrl, options.email, options.password);
  const measure = async (name: string, path: string, marker: string, note = "") => {
    const url = server.baseUrl + path;
    for (let run = 0; run < Number(options.warmup); run++) await fetchPage(url, cookie, marker);
    const samples: number[] = [];
    for (let run = 0; run < Number(options.requests); run++) samples.push(await fetchPage(url, cookie, marker));
    const result = { name, path, note, p50: percentile(samples, 50), p95: percentile(samples, 95) };
    results.push(result);
    figures.push(benchFigure(`${name}: p95`, result.p95, "ms", "<=", TARGETS.p95Ms));
    console.log(`${name}: p50 ${result.p50.toFixed(0)} ms, p95 ${result.p95.toFixed(0)} ms ${note}`);
  };

  await measure("dashboard", "/", 'id="transitions-title"');
  const deep = Number(options["deep-page"]);
  for (const { name, query } of await filterCases()) {
    const { cursor, pages, depth } = await cursorAt(query, deep);
    const join = query ? "&" : "";
    await measure(
      `Histórico · ${name} · page 1`,
      `/historico?${query}`,
      "<tbody",
      `(${pages >= deep ? `≥ ${deep}` : pages} pages)`,
    );
    if (cursor) {
      const note = depth === deep ? "" : `(deepest page: ${depth})`;
      await measure(`Histórico · ${name} · page ${depth}`, `/historico?${query}${join}antes=${cursor}`, "<tbody", note);
    }
  }

  // The whole log of the account as CSV, next to psql's \copy of the same SELECT.
  const { select, conditions, params, order } = historyExportSql(scope, parseHistoryFilters({}).filters);
  const copySelect = inlineParameters(`${select} WHERE ${conditions.join(" AND ")} ${order}`, params.values);
  const monitor = new pg.Client({ connectionString: options.database });
  await monitor.connect();
  const url = `${server.baseUrl}/api/historico/exportar`;
  await measureExport(`${url}?acao=CANCELLED`, cookie, server.pid, "identity", monitor); // warm-up
  await measureCopy(options.database, copySelect, monitor);
  const shares: number[] = [];
  for (let run = 1; run <= Number(options["export-runs"]); run++) {
    const exported = await measureExport(url, cookie, server.pid, "identity", monitor);
    const copy = await measureCopy(options.database, copySelect, monitor);
    const share = copy.seconds / exported.seconds;
    shares.push(share);
    console.log(
      `export run ${run}: ${exported.rows} rows in ${exported.seconds.toFixed(2)} s (TTFB ${exported.ttfbMs.toFixed(0)} ms, ` +
        `RSS +${exported.rssGrowthMb.toFixed(1)} MB); \\copy ${copy.seconds.toFixed(2)} s → ${(share * 100).toFixed(0)} % of \\copy`,
    );
  }
  await monitor.end();
  const share = [...shares].sort((a, b) => a - b)[Math.floor(shares.length / 2)]!;
  figures.push(benchFigure("events CSV: share of \\copy's rows/s", share * 100, "%", ">=", TARGETS.exportShare * 100));
  exportLine = `events CSV: ${(share * 100).toFixed(0)} % of \\copy's rows/s (median of ${shares.length}; target ≥ ${TARGETS.exportShare * 100} %) ${share >= TARGETS.exportShare ? "ok" : "MISS"}`;
} finally {
  await server.stop();
  await client.end();
}

const rows = results.map(
  (r) => `| ${r.name} ${r.note} | ${r.p50.toFixed(0)} | ${r.p95.toFixed(0)} | ${r.p95 <= TARGETS.p95Ms ? "ok" : "MISS"} |`,
);
const machine = `${cpus().length} CPUs; load average ${loadAtStart.join(" / ")} at start, ${loadavg()
  .map((n) => n.toFixed(1))
  .join(" / ")} at the end`;
console.log(
  `\n| page | p50 ms | p95 ms | ≤ ${TARGETS.p95Ms} ms |\n| --- | --- | --- | --- |\n${rows.join("\n")}\n\n${exportLine}\n${machine}`,
);
writeBenchResult("history", figures);
const misses = rows.filter((row) => row.includes("MISS")).length + (exportLine.includes("MISS") ? 1 : 0);
process.exit(misses ? 1 : 0);
