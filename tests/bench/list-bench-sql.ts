// The list benchmark's view of the database: records every statement the data layer sends (raw SQL
// and Prisma alike, by wrapping pg's Client.query in this process), then times each one on its own
// and reads its EXPLAIN (ANALYZE) plan: node types, and any sequential scan of the big tables.
import pg from "pg";
import type { Database } from "@/lib/db/connection";

export type Statement = { label: string; text: string; values: unknown[] };

export type PlanSummary = {
  nodeTypes: string[];
  /** Every table read by a sequential scan (small lookup tables included), for the report. */
  seqScanned: string[];
  /** "Seq Scan on subscriptions" and the like, for the tables that must never be scanned. */
  bigSeqScans: string[];
  executionMs: number;
};

export type StatementReport = Statement & { plan: PlanSummary; p50Ms: number };

/** Tables whose sequential scan fails the benchmark (the requirement names these two). */
const GUARDED_TABLES = new Set(["subscriptions", "customers"]);

const labels = new Map<string, string>();
let recording: Statement[] | null = null;

/** The data-layer function that sent a raw statement, read from the call stack (SqlClient.query is sync up to pool.query). */
function callerLabel(stack: string | undefined): string {
  for (const line of (stack ?? "").split("\n").slice(2)) {
    const match = /at (?:async )?([\w.<>]+) \(.*\/lib\/data\/([\w-]+)\.ts/.exec(line);
    if (match) return `${match[2]}:${match[1]}`;
  }
  return "sql";
}

function prismaLabel(text: string): string {
  const table = /FROM "public"\."(\w+)"/.exec(text)?.[1] ?? "?";
  return `prisma:${table}`;
}

/** Starts labelling this process's statements; call once, after the database is opened. */
export function instrument(db: Database): void {
  const sqlQuery = db.sql.query.bind(db.sql);
  db.sql.query = ((text: string, params?: unknown[]) => {
    labels.set(text, callerLabel(new Error().stack));
    return sqlQuery(text, params);
  }) as Database["sql"]["query"];

  const clientQuery = pg.Client.prototype.query as (...args: unknown[]) => unknown;
  pg.Client.prototype.query = function (this: pg.Client, ...args: unknown[]) {
    if (recording) {
      const [config, values] = args as [string | { text: string; values?: unknown[] }, unknown];
      const text = typeof config === "string" ? config : config.text;
      const bound = (typeof config === "string" ? values : (config.values ?? values)) as unknown[] | undefined;
      if (/^\s*(SELECT|WITH)\b/i.test(text)) {
        recording.push({ label: labels.get(text) ?? prismaLabel(text), text, values: bound ?? [] });
      }
    }
    return clientQuery.apply(this, args);
  } as typeof pg.Client.prototype.query;
}

/** The SELECTs that `run` sends, in order. */
export async function captureStatements(run: () => Promise<unknown>): Promise<Statement[]> {
  recording = [];
  try {
    await run();
    return recording;
  } finally {
    recording = null;
  }
}

function walkPlan(node: Record<string, unknown>, visit: (node: Record<string, unknown>) => void) {
  visit(node);
  for (const child of (node.Plans as Record<string, unknown>[] | undefined) ?? []) walkPlan(child, visit);
}

export async function explain(client: pg.Client, statement: Statement): Promise<PlanSummary> {
  const { rows } = await client.query(`EXPLAIN (ANALYZE, FORMAT JSON) ${statement.text}`, statement.values);
  const [result] = rows[0]["QUERY PLAN"] as { Plan: Record<string, unknown>; "Execution Time": number }[];
  const nodeTypes = new Set<string>();
  const seqScanned = new Set<string>();
  const bigSeqScans: string[] = [];
  walkPlan(result!.Plan, (node) => {
    const type = String(node["Node Type"]);
    nodeTypes.add(node["Parallel Aware"] ? `Parallel ${type}` : type);
    const relation = node["Relation Name"] as string | undefined;
    if (type !== "Seq Scan" || !relation) return;
    seqScanned.add(relation);
    if (GUARDED_TABLES.has(relation)) bigSeqScans.push(`Seq Scan on ${relation}`);
  });
  return {
    nodeTypes: [...nodeTypes].sort(),
    seqScanned: [...seqScanned].sort(),
    bigSeqScans,
    executionMs: result!["Execution Time"],
  };
}

export async function timeMs(run: () => Promise<unknown>): Promise<number> {
  const started = performance.now();
  await run();
  return performance.now() - started;
}

export function percentile(samples: number[], p: number): number {
  const sorted = [...samples].sort((a, b) => a - b);
  return sorted[Math.min(sorted.length - 1, Math.ceil((p / 100) * sorted.length) - 1)] ?? NaN;
}

/** Each statement run alone `runs` times on one connection (p50), and its plan. */
export async function reportStatements(client: pg.Client, statements: Statement[], runs: number): Promise<StatementReport[]> {
  const reports: StatementReport[] = [];
  for (const statement of statements) {
    const samples: number[] = [];
    for (let run = 0; run < runs; run++) samples.push(await timeMs(() => client.query(statement.text, statement.values)));
    reports.push({ ...statement, plan: await explain(client, statement), p50Ms: percentile(samples, 50) });
  }
  return reports;
}
