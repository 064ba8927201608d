// The list benchmark's output: one summary row per combination (with OK/MISS against the targets)
// and, for the results file, every statement the page ran with its time and plan.
import type { StatementReport } from "./list-bench-sql";

export type CaseResult = {
  name: string;
  path: string;
  pageP50: number;
  pageP95: number;
  /** The page's data function(s) run directly in the benchmark process: "the SQL" of the ratio. */
  sqlP50: number;
  sqlP95: number;
  /** Everything the page's data layer runs, with the layout's context and the product list. */
  pageSqlP50: number;
  statements: StatementReport[];
  /** Not one of the required combinations: shown for context, never a miss. */
  reference?: boolean;
  /** Why the combination could not be measured (always a miss). */
  error?: string;
  /** The machine's 1-minute load average at the start of the rounds that measured it (min–max). */
  loads?: string;
};

export type Targets = { p95Ms: number; ratio: number };

const ms = (value: number) => (Number.isNaN(value) ? "—" : value.toFixed(1));

function verdict(result: CaseResult, targets: Targets): string {
  if (result.error) return `MISS (${result.error.slice(0, 80)})`;
  if (result.reference) return "reference";
  const misses: string[] = [];
  if (result.pageP95 > targets.p95Ms) misses.push(`p95 > ${targets.p95Ms} ms`);
  if (result.pageP50 / result.sqlP50 > targets.ratio) misses.push(`ratio > ${targets.ratio}`);
  if (result.statements.some((statement) => statement.plan.bigSeqScans.length)) misses.push("seq scan");
  return misses.length ? `MISS (${misses.join(", ")})` : "OK";
}

export function summaryTable(results: CaseResult[], targets: Targets): string {
  const header = ["combination", "page p50", "page p95", "SQL p50", "ratio", "seq scans?", "node types", "target"];
  const rows = results.map((result) => {
    const seqScans = [...new Set(result.statements.flatMap((statement) => statement.plan.bigSeqScans))];
    const seqScanned = [...new Set(result.statements.flatMap((statement) => statement.plan.seqScanned))].sort();
    const nodeTypes = [...new Set(result.statements.flatMap((statement) => statement.plan.nodeTypes))]
      .sort()
      .map((type) => (type === "Seq Scan" ? `Seq Scan (${seqScanned.join(", ")})` : type));
    return [
      result.name,
      ms(result.pageP50),
      ms(result.pageP95),
      ms(result.sqlP50),
      Number.isNaN(result.pageP50) ? "—" : `${(result.pageP50 / result.sqlP50).toFixed(1)}×`,
      seqScans.length ? seqScans.join(", ") : "no",
      nodeTypes.join(", "),
      verdict(result, targets),
    ];
  });
  return [
    `| ${header.join(" | ")} |`,
    `|${header.map(() => "---").join("|")}|`,
    ...rows.map((row) => `| ${row.join(" | ")} |`),
  ].join("\n");
}

function statementTable(statements: StatementReport[]): string {
  const lines = ["| statement | alone p50 ms | EXPLAIN ANALYZE ms | seq scans | node types |", "|---|---|---|---|---|"];
  for (const statement of statements) {
    lines.push(
      `| ${statement.label} | ${ms(statement.p50Ms)} | ${ms(statement.plan.executionMs)} | ${statement.plan.bigSeqScans.join(", ") || "no"} | ${statement.plan.nodeTypes.map((type) => (type === "Seq Scan" ? `Seq Scan (${statement.plan.seqScanned.join(", ")})` : type)).join(", ")} |`,
    );
  }
  return lines.join("\n");
}

export function resultsMarkdown(
  results: CaseResult[],
  targets: Targets,
  run: { account: string; email: string; requests: number; table: string; machine: string },
): string {
  const sections = results.map(
    (result) =>
      `### ${result.name}\n\n\`GET ${result.path}\` — page p50 ${ms(result.pageP50)} / p95 ${ms(result.pageP95)} ms; ` +
      `data function p50 ${ms(result.sqlP50)} / p95 ${ms(result.sqlP95)} ms; all of the page's queries ` +
      `(context, products, data) p50 ${ms(result.pageSqlP50)} ms; load average at the rounds' start ${result.loads ?? "—"}.` +
      `${result.error ? ` Error: ${result.error}` : ""}\n\n${statementTable(result.statements)}\n`,
  );
  return [
    `# List benchmark — ${new Date().toISOString()}`,
    "",
    `${run.account} (${run.email}); ${run.requests} sequential requests per combination. Targets: page p95 ≤ ${targets.p95Ms} ms, ` +
      `page p50 ≤ ${targets.ratio} × SQL p50, no Seq Scan on subscriptions or customers. Times in ms. ${run.machine}.`,
    "",
    run.table,
    "",
    "## Statements per combination",
    "",
    "Each statement the page's data layer sent (captured in the benchmark process), run alone on one connection.",
    "",
    ...sections,
  ].join("\n");
}
