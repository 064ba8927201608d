// npm run bench — every benchmark of bench-entries.ts on one freshly seeded dataset, each after the
// machine is quiet, then one summary table (every figure against its target) in docs/performance.md.
//   npm run bench -- [--scale 1000000] [--database portal_bench_all] [--no-seed] [--keep]
//                    [--quick] [--only list,export] [--max-load 3] [--max-wait 600] [--port-base 3500]
//                    [--doc docs/performance.md] [--admin postgresql://postgres@127.0.0.1:5432/postgres]
// --scale 20000 --quick runs the whole chain in a few minutes. Exits 1 unless every figure is met.
import { spawn } from "node:child_process";
import { existsSync, readFileSync, rmSync, writeFileSync } from "node:fs";
import { cpus, loadavg } from "node:os";
import { parseArgs } from "node:util";
import pg from "pg";
import { ensureBenchBuild } from "./bench-build";
import { BENCH_ENTRIES, type BenchContext, type BenchEntry } from "./bench-entries";
import { readBenchResult, resultFile } from "./bench-result";
import { replaceSummary, summaryMarkdown, type BenchOutcome } from "./bench-summary";
import { waitForQuietMachine } from "./quiet-machine";

const { values: options } = parseArgs({
  options: {
    admin: { type: "string", default: "postgresql://postgres@127.0.0.1:5432/postgres" },
    database: { type: "string", default: "portal_bench_all" },
    scale: { type: "string", default: "1000000" },
    "no-seed": { type: "boolean", default: false },
    keep: { type: "boolean", default: false },
    quick: { type: "boolean", default: false },
    only: { type: "string" },
    "max-load": { type: "string", default: "3" },
    "max-wait": { type: "string", default: "600" },
    "port-base": { type: "string", default: "3500" },
    doc: { type: "string", default: "docs/performance.md" },
  },
});

const loadAtStart = loadavg()[0]!;
const databaseUrl = Object.assign(new URL(options.admin), { pathname: `/${options.database}` }).toString();
const context: BenchContext = {
  database: options.database,
  databaseUrl,
  adminUrl: options.admin,
  portBase: Number(options["port-base"]),
  maxLoad: Number(options["max-load"]),
};

async function admin<T extends pg.QueryResultRow>(url: string, text: string): Promise<T[]> {
  const client = new pg.Client({ connectionString: url });
  await client.connect();
  try {
    return (await client.query<T>(text)).rows;
  } finally {
    await client.end();
  }
}

function run(command: string, args: string[], env: NodeJS.ProcessEnv = process.env): Promise<number> {
  return new Promise((resolve, reject) => {
    const child = spawn(command, args, { env, stdio: ["ignore", "inherit", "inherit"] });
    child.once("error", reject);
    child.once("exit", (code, signal) => resolve(code ?? (signal ? 128 : 1)));
  });
}

/** A fresh database with the scale seed's data (or, with --no-seed, the one given as it is). */
async function prepareDataset(): Promise<number> {
  if (!options["no-seed"]) {
    console.log(`[bench] seeding ${options.database} with ${options.scale} subscriptions…`);
    await admin(options.admin, `DROP DATABASE IF EXISTS "${options.database}" WITH (FORCE)`);
    await admin(options.admin, `CREATE DATABASE "${options.database}"`);
    const code = await run(process.execPath, ["--import", "tsx", "scripts/db-seed.ts", "--scale", options.scale], {
      ...process.env,
      DATABASE_URL: databaseUrl,
    });
    if (code !== 0) throw new Error(`the scale seed failed (exit ${code})`);
  }
  const [row] = await admin<{ n: number }>(databaseUrl, `SELECT count(*)::int AS n FROM subscriptions`);
  return row!.n;
}

/** Why the entry can't run on this branch: no npm script, or the file its script runs is missing. */
function missingScript(entry: BenchEntry): string | null {
  const scripts = (JSON.parse(readFileSync("package.json", "utf8")) as { scripts: Record<string, string> }).scripts;
  const script = scripts[entry.npmScript];
  if (!script) return `no \`npm run ${entry.npmScript}\` on this branch`;
  const file = /\btsx\s+(\S+\.[cm]?[jt]s)\b/.exec(script)?.[1];
  return file && !existsSync(file) ? `${file} is missing` : null;
}

async function runEntry(entry: BenchEntry): Promise<BenchOutcome> {
  const args = [...entry.args(context), ...(options.quick ? (entry.quickArgs ?? []) : [])];
  const command = `npm run ${entry.npmScript} -- ${args.join(" ")}`;
  const missing = missingScript(entry);
  if (missing) return { benchmark: entry.benchmark, command, state: "not run", reason: missing };
  const load = await waitForQuietMachine(context.maxLoad, Number(options["max-wait"]));
  console.log(`\n[bench] ${entry.benchmark} (load average ${load.toFixed(1)}): ${command}`);
  // A result left by an earlier run must not pass for this one's.
  const file = resultFile(entry.benchmark);
  rmSync(file, { force: true });
  const code = await run("npm", ["run", "--silent", entry.npmScript, "--", ...args]);
  for (const scratch of entry.scratchDatabases?.(context) ?? []) {
    await admin(options.admin, `DROP DATABASE IF EXISTS "${scratch}" WITH (FORCE)`);
  }
  if (!existsSync(file)) {
    return { benchmark: entry.benchmark, command, state: "failed", reason: `exit ${code}, no ${file} written` };
  }
  return { benchmark: entry.benchmark, command, state: "ran", result: readBenchResult(file) };
}

async function main(): Promise<number> {
  const only = options.only?.split(",").map((name) => name.trim());
  const entries = BENCH_ENTRIES.filter((entry) => !only || only.includes(entry.benchmark));
  ensureBenchBuild();
  const scale = await prepareDataset();
  const outcomes: BenchOutcome[] = [];
  try {
    for (const entry of entries) outcomes.push(await runEntry(entry));
  } finally {
    if (!options.keep && !options["no-seed"]) {
      await admin(options.admin, `DROP DATABASE IF EXISTS "${options.database}" WITH (FORCE)`);
    }
  }
  const block = summaryMarkdown(outcomes, {
    date: new Date().toISOString().slice(0, 16).replace("T", " ") + " UTC",
    scale,
    cpus: cpus().length,
    load: { start: loadAtStart, end: loadavg()[0]! },
  });
  writeFileSync(options.doc, replaceSummary(existsSync(options.doc) ? readFileSync(options.doc, "utf8") : "", block));
  await run("npx", ["prettier", "--log-level", "warn", "--write", options.doc]); // the table's columns aligned, as the docs are
  console.log(`\n${block}\n\n[bench] written to ${options.doc}`);
  for (const outcome of outcomes) console.log(`[bench] ${outcome.benchmark}: ${outcome.command}`);
  const allMet = outcomes.every((outcome) => outcome.state === "ran" && outcome.result.figures.every((figure) => figure.met));
  return allMet ? 0 : 1;
}

main().then(
  (code) => process.exit(code),
  (error: unknown) => {
    console.error("[bench] failed:", error);
    process.exit(1);
  },
);
