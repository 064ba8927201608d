// npm run bench:checkin — the desktop license API on the 1M-subscription dataset, next to its floor
// (a bare node:http + pg server running the same SQL), in the same run: check-ins, then activations.
//   npm run bench:checkin -- [--source portal_scale] [--database portal_bench] [--reuse]
//                            [--connections 100] [--seconds 15] [--rounds 3] [--tool wrk|autocannon] [--rate 1000]
// Works on a copy of --source (the benchmark writes), runs the shared production build (bench-build.ts;
// --no-build: as it is). Figures also go to tests/bench/results/checkin.json.
// Prints req/s, p50/p99 latency and the CPU each request cost in the server and in PostgreSQL; then
// the latency of check-ins at a constant --rate req/s over the same connections (open loop).
import { execFileSync } from "node:child_process";
import { writeFileSync } from "node:fs";
import { parseArgs } from "node:util";
import { ensureBenchBuild } from "./bench-build";
import { benchFigure, writeBenchResult } from "./bench-result";
import { cpuPerRequest, cpuSnapshot } from "./checkin-cpu";
import { cloneDataset, sampleDataset, type BenchData } from "./checkin-data";
import { benchNonce, runLoad, runPaced, runWrk, type LoadResult } from "./checkin-load";
import { startServers, type BenchServer } from "./checkin-servers";

const hasWrk = (() => {
  try {
    execFileSync("wrk", ["--version"], { stdio: "ignore" });
    return true;
  } catch (error) {
    return (error as { status?: number }).status === 1; // wrk --version exits with 1
  }
})();

const { values: options } = parseArgs({
  options: {
    admin: { type: "string", default: "postgresql://postgres@127.0.0.1:5432/postgres" },
    source: { type: "string", default: "portal_scale" },
    database: { type: "string", default: "portal_bench" },
    reuse: { type: "boolean", default: false },
    connections: { type: "string", default: "100" },
    seconds: { type: "string", default: "15" },
    tool: { type: "string", default: hasWrk ? "wrk" : "autocannon" },
    rate: { type: "string", default: "1000" },
    rounds: { type: "string", default: "3" },
    port: { type: "string", default: "3401" },
    "floor-port": { type: "string", default: "3402" },
    "no-build": { type: "boolean", default: false },
  },
});

/** Issue 19's targets: ≥ 85 % of the floor's check-ins/s flat out; p99 at --rate within 2× the floor's. */
const TARGETS = { floorShare: 85, pacedP99Ratio: 2 };
const connections = Number(options.connections);
const seconds = Number(options.seconds);
const rounds = Number(options.rounds);
const databaseUrl = Object.assign(new URL(options.admin), { pathname: `/${options.database}` }).toString();

type Mode = "check-in" | "activate";
type Measured = LoadResult & { serverUs: number; databaseUs: number };

/** One load run: random paid-up computers, or each serial once; at a constant `rate`, or flat out. */
function load(server: BenchServer, mode: Mode, data: BenchData, runSeconds: number, rate?: number): Promise<LoadResult> {
  const file = mode === "check-in" ? data.files.checkIns : data.files.activations[server.name];
  if (options.tool === "wrk" && !rate)
    return runWrk({ url: server.url, mode, file, connections, seconds: runSeconds, threads: 2 });
  const serials = data.activations[server.name];
  let next = 0;
  const body =
    mode === "check-in"
      ? (n: number) => {
          const pair = data.checkIns[Math.floor(Math.random() * data.checkIns.length)]!;
          return { serialNumber: pair.serial_number, machineId: pair.machine_id, nonce: benchNonce(n) };
        }
      : (n: number) => ({
          serialNumber: serials[next++ % serials.length],
          machine: { id: `bench-machine-${n}`, name: `BENCH-${n}`, os: "Windows 11 Pro", appVersion: "5.4.2" },
          nonce: benchNonce(n),
        });
  const plan = { url: server.url, path: `/api/v1/licenses/${mode}` as const, connections, seconds: runSeconds, body };
  return rate ? runPaced({ ...plan, rate }) : runLoad(plan);
}

/** A measured run, with the CPU each request cost in the server and in its database backends. */
async function measure(server: BenchServer, mode: Mode, data: BenchData, rate?: number): Promise<Measured> {
  const before = await cpuSnapshot(options.admin, server.pid, server.applicationName);
  const result = await load(server, mode, data, seconds, rate);
  const after = await cpuSnapshot(options.admin, server.pid, server.applicationName);
  return { ...result, ...cpuPerRequest(before, after, result.ok + result.other) };
}

async function main() {
  ensureBenchBuild({ build: !options["no-build"] });
  if (!options.reuse) {
    console.log(`[bench] copying ${options.source} into ${options.database}…`);
    await cloneDataset(options.admin, options.source, options.database, databaseUrl);
  }
  const data = await sampleDataset(databaseUrl);
  console.log(`[bench] ${data.subscriptions} subscriptions; ${data.checkIns.length} active computers; load by ${options.tool}`);
  const servers = await startServers(databaseUrl, { app: options.port, floor: options["floor-port"] });
  try {
    const runs: Record<string, Measured[]> = {};
    for (const server of servers) {
      console.log(`[bench] warming up ${server.name}…`);
      await load(server, "check-in", data, 10);
    }
    // Check-ins as fast as they are answered, then paced; activations last, as they move computers.
    // Each kind of run alternates floor and app --rounds times; the report shows medians, so a burst
    // of other work on the machine skews one round, not the result.
    const rate = Number(options.rate);
    const kinds = [
      { label: "check-in", mode: "check-in", rate: undefined },
      { label: `check-in @${rate}/s`, mode: "check-in", rate },
      { label: "activate", mode: "activate", rate: undefined },
    ] as const;
    for (const kind of kinds) {
      for (let round = 1; round <= rounds; round++) {
        for (const server of servers) {
          console.log(
            `[bench] ${kind.label} → ${server.name}, round ${round}/${rounds} (${connections} connections, ${seconds} s)`,
          );
          (runs[`${kind.label} ${server.name}`] ??= []).push(await measure(server, kind.mode, data, kind.rate));
        }
      }
    }
    report(runs);
  } finally {
    for (const server of servers) server.process.kill("SIGTERM");
  }
}

const median = (values: number[]) => [...values].sort((a, b) => a - b)[Math.floor(values.length / 2)]!;

function report(runs: Record<string, Measured[]>) {
  console.log(`\n${options.tool}, ${connections} connections, ${seconds} s per run; medians of ${rounds} rounds\n`);
  console.log(
    "| run | req/s | (min–max) | p50 ms | p99 ms | 2xx | non-2xx | errors | server CPU µs/req | PostgreSQL CPU µs/req |",
  );
  console.log("|---|---:|---:|---:|---:|---:|---:|---:|---:|---:|");
  const rps: Record<string, number> = {};
  for (const [name, list] of Object.entries(runs)) {
    const of = (pick: (run: Measured) => number) => median(list.map(pick));
    const all = list.map((run) => Math.round(run.rps));
    rps[name] = of((run) => run.rps);
    const sum = (pick: (run: Measured) => number) => list.reduce((total, run) => total + pick(run), 0);
    const row = [
      name,
      Math.round(rps[name]),
      `${Math.min(...all)}–${Math.max(...all)}`,
      of((run) => run.p50),
      of((run) => run.p99),
      sum((run) => run.ok),
      sum((run) => run.other),
      sum((run) => run.errors),
      of((run) => run.serverUs),
      of((run) => run.databaseUs),
    ];
    console.log(`| ${row.join(" | ")} |`);
  }
  for (const kind of ["check-in", "activate"]) {
    console.log(`${kind}: app = ${((100 * rps[`${kind} app`]!) / rps[`${kind} floor`]!).toFixed(0)}% of the floor's throughput`);
  }
  const paced = `check-in @${options.rate}/s`;
  const p99 = (name: string) => median(runs[name]!.map((run) => run.p99));
  writeBenchResult("checkin", [
    benchFigure(
      "check-ins flat out: share of the floor's req/s",
      (100 * rps["check-in app"]!) / rps["check-in floor"]!,
      "%",
      ">=",
      TARGETS.floorShare,
    ),
    benchFigure(`${paced}: p99 / the floor's p99`, p99(`${paced} app`) / p99(`${paced} floor`), "×", "<=", TARGETS.pacedP99Ratio),
    benchFigure("check-ins flat out", rps["check-in app"]!, "req/s", ">=", 1000),
    benchFigure(
      "activations flat out: share of the floor's req/s",
      (100 * rps["activate app"]!) / rps["activate floor"]!,
      "%",
      ">=",
      50,
    ),
  ]);
  const file = `tests/bench/results/checkin-${new Date().toISOString().replace(/[:.]/g, "-")}.json`;
  writeFileSync(file, JSON.stringify({ tool: options.tool, connections, seconds, rounds, runs }, null, 2));
  console.log(`[bench] results in ${file}`);
}

main().then(
  () => process.exit(0),
  (error: unknown) => {
    console.error("[bench] failed:", error);
    process.exit(1);
  },
);
