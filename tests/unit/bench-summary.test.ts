import { describe, expect, it } from "vitest";
import { benchFigure, type BenchResult } from "@/tests/bench/bench-result";
import { replaceSummary, SUMMARY_END, SUMMARY_START, summaryMarkdown, type BenchOutcome } from "@/tests/bench/bench-summary";

const run = { date: "2026-12-08 01:30 UTC", scale: 20_000, cpus: 2, load: { start: 1.5, end: 2.25 } };

function result(benchmark: string, figures: BenchResult["figures"]): BenchOutcome {
  return {
    benchmark,
    command: `npm run bench:${benchmark}`,
    state: "ran",
    result: { benchmark, date: "2026-12-08T01:30:00.000Z", load: { start: 0.5, end: 1 }, figures },
  };
}

describe("benchFigure", () => {
  it("meets a ≤ target at the target and misses above it", () => {
    expect(benchFigure("p95", 150, "ms", "<=", 150).met).toBe(true);
    expect(benchFigure("p95", 150.1, "ms", "<=", 150).met).toBe(false);
  });

  it("meets a ≥ target at the target and misses below it", () => {
    expect(benchFigure("share", 85, "%", ">=", 85).met).toBe(true);
    expect(benchFigure("share", 84.9, "%", ">=", 85).met).toBe(false);
  });

  it("never meets a target with a value it could not measure", () => {
    expect(benchFigure("p95", NaN, "ms", "<=", 150)).toMatchObject({ value: null, met: false });
    expect(benchFigure("p95", null, "ms", "<=", 150, "server down")).toMatchObject({ met: false, note: "server down" });
  });
});

describe("summaryMarkdown", () => {
  const outcomes: BenchOutcome[] = [
    result("list", [
      benchFigure("none: page p95", 92.4, "ms", "<=", 150),
      benchFigure("pagina=500: page p95", 212, "ms", "<=", 150),
    ]),
    result("export", [benchFigure("largest manufacturer: export / \\copy rows/s", 77.3, "%", ">=", 80)]),
    { benchmark: "api", command: "npm run bench:api", state: "not run", reason: "no `npm run bench:api` on this branch" },
    { benchmark: "history", command: "npm run bench:history", state: "failed", reason: "exit 1, no result written" },
  ];
  const table = summaryMarkdown(outcomes, run);

  it("gives every figure its target and MET or MISS", () => {
    expect(table).toContain("| list | none: page p95 | 92.4 ms | ≤ 150 ms | MET |");
    expect(table).toContain("| list | pagina=500: page p95 | 212 ms | ≤ 150 ms | **MISS** |");
    expect(table).toContain("| export | largest manufacturer: export / \\copy rows/s | 77.3% | ≥ 80% | **MISS** |");
  });

  it("lists a benchmark that did not run or failed instead of leaving it out", () => {
    expect(table).toContain("| api | — | — | — | **NOT RUN** (no `npm run bench:api` on this branch) |");
    expect(table).toContain("| history | — | — | — | **FAILED** (exit 1, no result written) |");
    expect(table).toContain("not measured: api (not run), history (failed)");
  });

  it("states the date, the dataset, the load average and how many figures were met", () => {
    expect(table).toContain(
      "Run of 2026-12-08 01:30 UTC on 20,000 subscriptions (2 CPUs; 1-minute load average 1.5 at the start, 2.3 at the end",
    );
    expect(table).toContain("list 0.5–1.0");
    expect(table).toContain("**1 of 3 figures met**");
  });

  it("shows a figure that could not be measured as a miss with its reason", () => {
    const broken = summaryMarkdown([result("list", [benchFigure("serie: page p95", NaN, "ms", "<=", 150, "answered 500")])], run);
    expect(broken).toContain("| list | serie: page p95 | — | ≤ 150 ms | **MISS** (answered 500) |");
  });

  it("escapes a pipe inside a figure's name", () => {
    expect(summaryMarkdown([result("list", [benchFigure("a|b", 1, "ms", "<=", 2)])], run)).toContain("| list | a\\|b | 1 ms |");
  });
});

describe("replaceSummary", () => {
  const block = `${SUMMARY_START}\nnew table\n${SUMMARY_END}`;

  it("replaces the previous run's block and keeps the rest of the document", () => {
    const document = `# Performance\n\nIntro.\n\n${SUMMARY_START}\nold table\n${SUMMARY_END}\n\n## Export\n\nText.\n`;
    expect(replaceSummary(document, block)).toBe(`# Performance\n\nIntro.\n\n${block}\n\n## Export\n\nText.\n`);
  });

  it("puts a first block before the first section", () => {
    expect(replaceSummary("# Performance\n\nIntro.\n\n## Export\n", block)).toBe(
      `# Performance\n\nIntro.\n\n${block}\n\n## Export\n`,
    );
  });

  it("appends a first block to a document without sections", () => {
    expect(replaceSummary("# Performance\n", block)).toBe(`# Performance\n\n${block}\n`);
  });
});
