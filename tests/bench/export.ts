// npm run bench:export — the CSV export against a real server on the benchmark data, next to
// PostgreSQL's own floor (psql's \copy of the same SELECT), in the same run.
//   npm run bench:export -- [--database URL] [--email E] [--synthetic-database URL]
//                           [--filter "status=EXPIRADA"] [--runs 3] [--port 3590] [--encoding gzip]
//                           [--cpu-prof DIR] (the server's CPU profile, written when it stops)
// Runs the shared production build (bench-build.ts: made when missing or stale; --no-build: as is)
// and needs `psql`. Figures also go to tests/bench/results/export.json. Prints one table row per dataset: rows per second, time to first byte and the server's
// peak RSS growth (medians of --runs), and how fast an aborted download stops the database work.
import { parseArgs } from "node:util";
import pg from "pg";
import { subscriptionExportSql } from "@/lib/data/subscription-export";
import { inlineParameters } from "@/lib/data/subscription-export-copy";
import type { SubscriptionScope } from "@/lib/data/subscription-scope";
import { parseSubscriptionFilters } from "@/lib/validation/subscription-filters";
import { measureCopy, measureDisconnect, measureExport, type CopyMeasure, type ExportMeasure } from "./export-measure";
import { ensureBenchBuild } from "./bench-build";
import { signIn } from "./bench-portal";
import { benchFigure, writeBenchResult, type BenchFigure } from "./bench-result";
import { startServer } from "./export-server";

const { values: options } = parseArgs({
  options: {
    database: { type: "string", default: "postgresql://postgres@127.0.0.1:5432/portal_scale" },
    email: { type: "string", default: "fabricante+1@scale.test" },
    "synthetic-database": { type: "string" },
    "synthetic-email": { type: "string", default: "fabricante+1@scale.test" },
    password: { type: "string", default: "demo1234" },
    filter: { type: "string", default: "" },
    runs: { type: "string", default: "3" },
    port: { type: "string", default: "3590" },
    encoding: { type: "string", default: "identity" },
    "cpu-prof": { type: "string" },
    "no-build": { type: "boolean", default: false },
  },
});

/** Issue 19's targets: ≥ 80 % of \copy's rows/s, first byte ≤ 1 s, RSS growth ≤ 100 MB on every run. */
const TARGETS = { copyShare: 80, ttfbMs: 1000, rssGrowthMb: 100 };

type Row = {
  dataset: string;
  rows: number;
  export: ExportMeasure;
  copy: CopyMeasure;
  disconnect: { stoppedMs: number | null; bytesRead: number };
};

const median = (numbers: number[]) => [...numbers].sort((a, b) => a - b)[Math.floor(numbers.length / 2)]!;

async function managedAccount(databaseUrl: string, email: string): Promise<{ scope: SubscriptionScope; name: string }> {
  const client = new pg.Client({ connectionString: databaseUrl });
  await client.connect();
  try {
    const { rows } = await client.query<{ id: string; name: string; grace_days: number }>(
      `SELECT a.id, a.name, a.grace_days FROM users u JOIN accounts a ON a.id = u.default_account_id WHERE u.email = $1`,
      [email],
    );
    if (!rows[0]) throw new Error(`${email} has no default account in ${databaseUrl}`);
    return { scope: { kind: "manufacturer", accountId: rows[0].id, graceDays: rows[0].grace_days }, name: rows[0].name };
  } finally {
    await client.end();
  }
}

async function benchDataset(label: string, databaseUrl: string, email: string): Promise<Row> {
  const { scope, name } = await managedAccount(databaseUrl, email);
  const { filters } = parseSubscriptionFilters(Object.fromEntries(new URLSearchParams(options.filter)));
  const { select, conditions, params, order } = subscriptionExportSql(scope, filters, new Date());
  const copySelect = inlineParameters(`${select} WHERE ${conditions.join(" AND ")} ${order}`, params.values);
  console.log(`\n[${label}] ${name} (${email}) — starting the server on port ${options.port}…`);
  const server = await startServer(databaseUrl, Number(options.port), { cpuProfileDir: options["cpu-prof"] });
  try {
    const cookie = await signIn(server.baseUrl, email, options.password);
    const monitor = new pg.Client({ connectionString: databaseUrl });
    await monitor.connect();
    const url = `${server.baseUrl}/api/fabricante/assinaturas/exportar${options.filter ? `?${options.filter}` : ""}`;
    // Warm-up: a small export (every code path loaded and compiled), and the database's cache as
    // warm for both sides.
    const small = await measureExport(
      `${server.baseUrl}/api/fabricante/assinaturas/exportar?status=TOLERANCIA`,
      cookie,
      server.pid,
      "identity",
      monitor,
    );
    console.log(`[${label}] warm-up export: ${small.rows} rows, RSS +${small.rssGrowthMb.toFixed(1)} MB`);
    const [{ count: expected }] = (
      await monitor.query<{ count: number }>(`SELECT count(*)::int AS count FROM (${copySelect}) AS selected`)
    ).rows as [{ count: number }];
    const warm = await measureCopy(databaseUrl, copySelect, monitor);
    console.log(`[${label}] ${expected} rows; warm-up \\copy ${warm.seconds.toFixed(2)} s`);

    const exports: ExportMeasure[] = [];
    const copies: CopyMeasure[] = [];
    for (let run = 1; run <= Number(options.runs); run++) {
      const measured = await measureExport(url, cookie, server.pid, options.encoding, monitor);
      if (measured.rows !== expected) throw new Error(`the export has ${measured.rows} rows, the SELECT ${expected}`);
      exports.push(measured);
      const copy = await measureCopy(databaseUrl, copySelect, monitor);
      copies.push(copy);
      console.log(
        `[${label}] run ${run}: export ${measured.seconds.toFixed(2)} s (${Math.round(measured.rows / measured.seconds)} rows/s, ` +
          `TTFB ${measured.ttfbMs.toFixed(0)} ms, RSS +${measured.rssGrowthMb.toFixed(1)} MB, ${measured.encoding}, ` +
          `CPU node ${measured.nodeCpu.toFixed(2)} s + postgres ${measured.postgresCpu.toFixed(2)} s); ` +
          `\\copy ${copy.seconds.toFixed(2)} s (CPU postgres ${copy.postgresCpu.toFixed(2)} s + psql ${copy.psqlCpu.toFixed(2)} s)`,
      );
    }
    await monitor.end();
    const disconnect = await measureDisconnect(url, cookie, databaseUrl);
    const pick = (key: "seconds" | "ttfbMs" | "nodeCpu" | "postgresCpu") => median(exports.map((measured) => measured[key]));
    return {
      dataset: label,
      rows: expected,
      export: {
        ...exports[0]!,
        seconds: pick("seconds"),
        ttfbMs: pick("ttfbMs"),
        nodeCpu: pick("nodeCpu"),
        postgresCpu: pick("postgresCpu"),
        rssGrowthMb: Math.max(...exports.map((measured) => measured.rssGrowthMb)),
      },
      copy: {
        seconds: median(copies.map((copy) => copy.seconds)),
        postgresCpu: median(copies.map((copy) => copy.postgresCpu)),
        psqlCpu: median(copies.map((copy) => copy.psqlCpu)),
      },
      disconnect,
    };
  } finally {
    await server.stop();
  }
}

function printTable(rows: Row[]) {
  const header = [
    "dataset",
    "rows",
    "export s",
    "export rows/s",
    "TTFB ms",
    "peak RSS growth MB",
    "\\copy s",
    "\\copy rows/s",
    "export / \\copy",
    "export CPU s (node + postgres)",
    "\\copy CPU s (postgres + psql)",
    "stops after abort",
  ];
  const lines = rows.map((row) => {
    const exportRate = row.rows / row.export.seconds;
    const copyRate = row.rows / row.copy.seconds;
    return [
      row.dataset,
      row.rows.toLocaleString("en-US"),
      row.export.seconds.toFixed(2),
      Math.round(exportRate).toLocaleString("en-US"),
      row.export.ttfbMs.toFixed(0),
      row.export.rssGrowthMb.toFixed(1),
      row.copy.seconds.toFixed(2),
      Math.round(copyRate).toLocaleString("en-US"),
      `${Math.round((100 * exportRate) / copyRate)}%`,
      `${row.export.nodeCpu.toFixed(1)} + ${row.export.postgresCpu.toFixed(1)}`,
      `${row.copy.postgresCpu.toFixed(1)} + ${row.copy.psqlCpu.toFixed(1)}`,
      row.disconnect.stoppedMs === null ? "NO (still querying after 5 s)" : `${row.disconnect.stoppedMs.toFixed(0)} ms`,
    ];
  });
  console.log(`\n| ${header.join(" | ")} |\n|${header.map(() => "---").join("|")}|`);
  for (const line of lines) console.log(`| ${line.join(" | ")} |`);
  console.log(
    `\nMedians of ${options.runs} runs (peak RSS growth: the largest), Accept-Encoding: ${options.encoding}` +
      `${options.filter ? `, filter ${options.filter}` : ""}. Targets: ≥ ${TARGETS.copyShare}% of \\copy's rows/s, ` +
      `TTFB ≤ ${TARGETS.ttfbMs} ms, RSS growth ≤ ${TARGETS.rssGrowthMb} MB.`,
  );
}

function resultFigures(rows: Row[]): BenchFigure[] {
  return rows.flatMap((row) => [
    benchFigure(
      `${row.dataset}: export / \\copy rows/s`,
      (100 * row.copy.seconds) / row.export.seconds,
      "%",
      ">=",
      TARGETS.copyShare,
    ),
    benchFigure(`${row.dataset}: time to first byte`, row.export.ttfbMs, "ms", "<=", TARGETS.ttfbMs),
    benchFigure(`${row.dataset}: peak RSS growth (largest run)`, row.export.rssGrowthMb, "MB", "<=", TARGETS.rssGrowthMb),
    benchFigure(`${row.dataset}: database work stopped after an abort`, row.disconnect.stoppedMs, "ms", "<=", 5000),
  ]);
}

async function main() {
  ensureBenchBuild({ build: !options["no-build"] });
  const results: Row[] = [];
  results.push(await benchDataset("largest manufacturer", options.database, options.email));
  if (options["synthetic-database"]) {
    results.push(await benchDataset("synthetic 1M manufacturer", options["synthetic-database"], options["synthetic-email"]));
  }
  printTable(results);
  writeBenchResult("export", resultFigures(results));
}

main().catch((error: unknown) => {
  console.error(error instanceof Error ? error.message : error);
  process.exit(1);
});
