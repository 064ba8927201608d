// The benchmarks `npm run bench` runs, in order. Adding one is one entry here: its npm script
// (which writes tests/bench/results/<benchmark>.json through bench-result.ts) and its arguments for
// the run's database. An entry whose script is not on this branch is reported as "not run".

export type BenchContext = {
  /** The freshly seeded dataset every benchmark reads (those that write copy it first). */
  database: string;
  databaseUrl: string;
  adminUrl: string;
  /** The first of the ports the benchmarks' servers listen on (`--port-base`). */
  portBase: number;
  /** `--max-load`: the load average a benchmark waits for before it measures. */
  maxLoad: number;
};

export type BenchEntry = {
  /** Also the name of its result file, tests/bench/results/<benchmark>.json. */
  benchmark: string;
  npmScript: string;
  args(context: BenchContext): string[];
  /** Extra arguments for `--quick` (a smoke run of the whole chain, on a small dataset). */
  quickArgs?: string[];
  /** Scratch databases the benchmark leaves behind, dropped once it ends. */
  scratchDatabases?(context: BenchContext): string[];
};

const port = (context: BenchContext, offset: number) => String(context.portBase + offset);

export const BENCH_ENTRIES: BenchEntry[] = [
  {
    benchmark: "list",
    npmScript: "bench:list",
    args: (context) => [
      ...["--database", context.databaseUrl, "--port", port(context, 0), "--no-build"],
      ...["--max-load", String(context.maxLoad)],
    ],
    quickArgs: ["--requests", "10", "--rounds", "2", "--warmup", "2", "--statement-runs", "3"],
  },
  {
    benchmark: "checkin",
    npmScript: "bench:checkin",
    args: (context) => [
      ...["--admin", context.adminUrl, "--source", context.database, "--database", `${context.database}_checkin`],
      ...["--port", port(context, 1), "--floor-port", port(context, 2), "--no-build"],
    ],
    quickArgs: ["--seconds", "3", "--rounds", "1"],
    scratchDatabases: (context) => [`${context.database}_checkin`],
  },
  {
    benchmark: "export",
    npmScript: "bench:export",
    args: (context) => ["--database", context.databaseUrl, "--port", port(context, 3), "--no-build"],
    quickArgs: ["--runs", "1"],
  },
  {
    benchmark: "history",
    npmScript: "bench:history",
    args: (context) => ["--database", context.databaseUrl, "--port", port(context, 4), "--no-build"],
    quickArgs: ["--requests", "5", "--warmup", "1", "--export-runs", "1"],
  },
  {
    benchmark: "webhooks",
    npmScript: "bench:webhooks",
    args: (context) => ["--admin", context.adminUrl],
    quickArgs: ["--backlog", "2000", "--seconds", "5"],
  },
  {
    benchmark: "api",
    npmScript: "bench:api",
    args: (context) => [
      ...["--admin", context.adminUrl, "--source", context.database, "--database", `${context.database}_api`],
      ...["--port", port(context, 6)],
    ],
    quickArgs: ["--seconds", "3", "--repeats", "3"],
    scratchDatabases: (context) => [`${context.database}_api`],
  },
  {
    benchmark: "import",
    npmScript: "bench:import",
    args: (context) => ["--admin", context.adminUrl, "--template", context.database, "--port", port(context, 7)],
    quickArgs: ["--rows", "2000"],
  },
];
