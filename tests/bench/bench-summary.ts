// The summary table `npm run bench` writes into docs/performance.md: every figure of every
// benchmark against its target (MET / MISS), and a row for each benchmark that did not run or
// failed before writing its result — never a benchmark silently left out.
import type { BenchFigure, BenchResult } from "./bench-result";

export type BenchOutcome =
  | { benchmark: string; command: string; state: "ran"; result: BenchResult }
  | { benchmark: string; command: string; state: "not run" | "failed"; reason: string };

export type SummaryRun = { date: string; scale: number; load: { start: number; end: number }; cpus: number };

export const SUMMARY_START = "<!-- bench-summary:start (written by `npm run bench`) -->";
export const SUMMARY_END = "<!-- bench-summary:end -->";

const number = (value: number) =>
  value.toLocaleString("en-US", { maximumFractionDigits: Math.abs(value) >= 100 ? 0 : Math.abs(value) >= 10 ? 1 : 2 });

const withUnit = (value: number, unit: string) =>
  unit === "%" || unit === "×" ? `${number(value)}${unit}` : `${number(value)} ${unit}`;

function figureRow(benchmark: string, figure: BenchFigure): string[] {
  const value = figure.value === null ? "—" : withUnit(figure.value, figure.unit);
  const target = `${figure.comparison === "<=" ? "≤" : "≥"} ${withUnit(figure.target, figure.unit)}`;
  const verdict = figure.met ? "MET" : `**MISS**${figure.note ? ` (${figure.note})` : ""}`;
  return [benchmark, figure.name, value, target, verdict];
}

const cell = (text: string) => text.replaceAll("|", "\\|").replaceAll("\n", " ");

/** The markdown block (between the markers) for one `npm run bench` run. */
export function summaryMarkdown(outcomes: BenchOutcome[], run: SummaryRun): string {
  const rows: string[][] = [];
  for (const outcome of outcomes) {
    if (outcome.state !== "ran") {
      rows.push([outcome.benchmark, "—", "—", "—", `**${outcome.state.toUpperCase()}** (${outcome.reason})`]);
      continue;
    }
    if (!outcome.result.figures.length) rows.push([outcome.benchmark, "—", "—", "—", "**MISS** (no figures)"]);
    for (const figure of outcome.result.figures) rows.push(figureRow(outcome.benchmark, figure));
  }
  const figures = outcomes.flatMap((outcome) => (outcome.state === "ran" ? outcome.result.figures : []));
  const met = figures.filter((figure) => figure.met).length;
  const absent = outcomes
    .filter((outcome) => outcome.state !== "ran")
    .map((outcome) => `${outcome.benchmark} (${outcome.state})`);
  const loads = outcomes.flatMap((outcome) =>
    outcome.state === "ran"
      ? [`${outcome.benchmark} ${outcome.result.load.start.toFixed(1)}–${outcome.result.load.end.toFixed(1)}`]
      : [],
  );
  const header = ["benchmark", "figure", "measured", "target", "result"];
  return [
    SUMMARY_START,
    `Run of ${run.date} on ${run.scale.toLocaleString("en-US")} subscriptions (${run.cpus} CPUs; 1-minute load average ` +
      `${run.load.start.toFixed(1)} at the start, ${run.load.end.toFixed(1)} at the end; per benchmark, start–end: ` +
      `${loads.join(", ") || "—"}). **${met} of ${figures.length} figures met**` +
      (absent.length ? `; not measured: ${absent.join(", ")}.` : "."),
    "",
    `| ${header.join(" | ")} |`,
    `| ${header.map(() => "---").join(" | ")} |`,
    ...rows.map((row) => `| ${row.map(cell).join(" | ")} |`),
    SUMMARY_END,
  ].join("\n");
}

/**
 * The document with its summary block replaced by `block`; without one, the block goes before
 * the first section (`## `), or at the end.
 */
export function replaceSummary(document: string, block: string): string {
  const start = document.indexOf(SUMMARY_START);
  const end = document.indexOf(SUMMARY_END);
  if (start >= 0 && end > start) return document.slice(0, start) + block + document.slice(end + SUMMARY_END.length);
  const section = document.search(/^## /m);
  if (section < 0) return `${document.trimEnd()}\n\n${block}\n`;
  return `${document.slice(0, section)}${block}\n\n${document.slice(section)}`;
}
