// Every benchmark's machine-readable result: `tests/bench/results/<benchmark>.json`, one figure per
// target (value, unit, target, comparison, met), which `npm run bench` collects into the summary
// table of docs/performance.md. A benchmark writes it once, at the end, whatever it measured.
import { mkdirSync, readFileSync, writeFileSync } from "node:fs";
import { loadavg } from "node:os";

export const RESULTS_DIR = "tests/bench/results";

export type Comparison = "<=" | ">=";

export type BenchFigure = {
  name: string;
  /** null when the figure could not be measured (always a miss). */
  value: number | null;
  unit: string;
  target: number;
  comparison: Comparison;
  met: boolean;
  /** Why it could not be measured, or what else to know about it. */
  note?: string;
};

export type BenchResult = {
  benchmark: string;
  date: string;
  /** The 1-minute load average when the benchmark started and when it ended. */
  load: { start: number; end: number };
  figures: BenchFigure[];
};

/** A figure against its target; a missing or non-finite value never meets it. */
export function benchFigure(
  name: string,
  value: number | null,
  unit: string,
  comparison: Comparison,
  target: number,
  note?: string,
): BenchFigure {
  const measured = value !== null && Number.isFinite(value);
  const met = measured && (comparison === "<=" ? value <= target : value >= target);
  return { name, value: measured ? value : null, unit, target, comparison, met, ...(note ? { note } : {}) };
}

export const resultFile = (benchmark: string) => `${RESULTS_DIR}/${benchmark}.json`;

/** The load average at module load: what the machine was doing when the benchmark started. */
const loadAtStart = loadavg()[0]!;

export function writeBenchResult(benchmark: string, figures: BenchFigure[]): string {
  const result: BenchResult = {
    benchmark,
    date: new Date().toISOString(),
    load: { start: loadAtStart, end: loadavg()[0]! },
    figures,
  };
  mkdirSync(RESULTS_DIR, { recursive: true });
  const file = resultFile(benchmark);
  writeFileSync(file, `${JSON.stringify(result, null, 2)}\n`);
  console.log(`[bench] ${figures.filter((f) => f.met).length} of ${figures.length} figures met; result in ${file}`);
  return file;
}

export function readBenchResult(file: string): BenchResult {
  return JSON.parse(readFileSync(file, "utf8")) as BenchResult;
}
