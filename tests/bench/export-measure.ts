// One timed export download over HTTP, one timed `\copy … to stdout` through psql, and the check
// that an aborted download stops the server's database work.
import { spawn } from "node:child_process";
import { closeSync, openSync, readFileSync } from "node:fs";
import pg from "pg";
import { BENCH_APPLICATION, sampleRss, rssBytes } from "./export-server";

export type ExportMeasure = {
  rows: number;
  bytes: number;
  seconds: number;
  ttfbMs: number;
  rssGrowthMb: number;
  encoding: string;
  /** CPU seconds the export cost: the Node server, and its PostgreSQL backends. */
  nodeCpu: number;
  postgresCpu: number;
};

/** user + system CPU seconds of a local process (0 once it is gone). */
export function cpuSeconds(pid: number): number {
  try {
    const fields = readFileSync(`/proc/${pid}/stat`, "utf8").split(") ")[1]!.split(" ");
    return (Number(fields[11]) + Number(fields[12])) / 100;
  } catch {
    return 0;
  }
}

/** CPU seconds so far of the PostgreSQL backends serving one application_name (local server). */
async function backendsCpu(monitor: pg.Client, application: string): Promise<Map<number, number>> {
  const { rows } = await monitor.query<{ pid: number }>(`SELECT pid FROM pg_stat_activity WHERE application_name = $1`, [
    application,
  ]);
  return new Map(rows.map(({ pid }) => [pid, cpuSeconds(pid)]));
}

/** Records of a CSV byte stream: line ends outside quoted fields, minus the header. */
function recordCounter() {
  let inQuotes = false;
  let lines = 0;
  return {
    add(chunk: Uint8Array) {
      for (let i = 0; i < chunk.length; i++) {
        const byte = chunk[i];
        if (byte === 0x22) inQuotes = !inQuotes;
        else if (byte === 0x0a && !inQuotes) lines++;
      }
    },
    rows: () => lines - 1,
  };
}

export async function measureExport(
  url: string,
  cookie: string,
  pid: number,
  acceptEncoding: string,
  monitor: pg.Client,
): Promise<ExportMeasure> {
  const backendsBefore = await backendsCpu(monitor, BENCH_APPLICATION);
  const nodeBefore = cpuSeconds(pid);
  // fetch decompresses gzip by itself, so the count always works on the CSV text.
  const baseline = rssBytes(pid);
  const rss = sampleRss(pid);
  const started = performance.now();
  const response = await fetch(url, { headers: { cookie, "accept-encoding": acceptEncoding } });
  if (!response.ok) throw new Error(`export answered ${response.status}: ${await response.text()}`);
  const reader = response.body!.getReader();
  const counter = recordCounter();
  let ttfbMs = 0;
  let bytes = 0;
  for (let chunk = await reader.read(); !chunk.done; chunk = await reader.read()) {
    if (!ttfbMs) ttfbMs = performance.now() - started;
    bytes += chunk.value.byteLength;
    counter.add(chunk.value);
  }
  const seconds = (performance.now() - started) / 1000;
  const peak = rss.stop();
  const backendsAfter = await backendsCpu(monitor, BENCH_APPLICATION);
  let postgresCpu = 0;
  for (const [backend, cpu] of backendsAfter) postgresCpu += cpu - (backendsBefore.get(backend) ?? 0);
  return {
    nodeCpu: cpuSeconds(pid) - nodeBefore,
    postgresCpu,
    rows: counter.rows(),
    bytes,
    seconds,
    ttfbMs,
    rssGrowthMb: (peak - baseline) / 2 ** 20,
    encoding: response.headers.get("content-encoding") ?? "identity",
  };
}

/** The application_name of psql's connection, to find its backend. */
const COPY_APPLICATION = "portal-export-bench-copy";

export type CopyMeasure = { seconds: number; postgresCpu: number; psqlCpu: number };

/**
 * PostgreSQL's own floor: `psql -c "\copy (<select>) to stdout with csv" > /dev/null`, timed, with
 * the CPU of psql (through /usr/bin/time) and of its backend (sampled from /proc while it runs).
 */
export async function measureCopy(databaseUrl: string, select: string, monitor: pg.Client): Promise<CopyMeasure> {
  const url = new URL(databaseUrl);
  url.searchParams.set("application_name", COPY_APPLICATION);
  const devNull = openSync("/dev/null", "w");
  const started = performance.now();
  const psql = spawn(
    "/usr/bin/time",
    ["-f", "%U %S", "psql", url.toString(), "-X", "-q", "-v", "ON_ERROR_STOP=1", "-c", `\\copy (${select}) to stdout with csv`],
    { stdio: ["ignore", devNull, "pipe"] },
  );
  let errors = "";
  psql.stderr!.on("data", (chunk) => (errors += chunk));
  const exited = new Promise<number | null>((resolve, reject) => {
    psql.on("error", reject);
    psql.on("exit", resolve);
  });
  let postgresCpu = 0;
  let running = true;
  void exited.then(() => (running = false));
  while (running) {
    const { rows } = await monitor.query<{ pid: number }>(`SELECT pid FROM pg_stat_activity WHERE application_name = $1`, [
      COPY_APPLICATION,
    ]);
    for (const { pid } of rows) postgresCpu = Math.max(postgresCpu, cpuSeconds(pid));
    await new Promise((resolve) => setTimeout(resolve, 20));
  }
  const code = await exited;
  const seconds = (performance.now() - started) / 1000;
  closeSync(devNull);
  if (code !== 0) throw new Error(`psql failed (${code}): ${errors}`);
  const [user, system] = errors.trim().split("\n").at(-1)!.split(" ").map(Number);
  return { seconds, postgresCpu, psqlCpu: (user ?? 0) + (system ?? 0) };
}

/**
 * Starts an export, leaves after the first megabyte, and watches the server's connections: returns
 * how long until none of them runs a statement or holds a transaction (null: never, within 5 s).
 */
export async function measureDisconnect(
  url: string,
  cookie: string,
  databaseUrl: string,
): Promise<{ stoppedMs: number | null; bytesRead: number }> {
  const controller = new AbortController();
  const response = await fetch(url, { headers: { cookie, "accept-encoding": "identity" }, signal: controller.signal });
  const reader = response.body!.getReader();
  let bytesRead = 0;
  while (bytesRead < 2 ** 20) {
    const chunk = await reader.read();
    if (chunk.done) break;
    bytesRead += chunk.value.byteLength;
  }
  controller.abort();
  const aborted = performance.now();
  const monitor = new pg.Client({ connectionString: databaseUrl });
  await monitor.connect();
  try {
    let quietSince: number | null = null;
    while (performance.now() - aborted < 5000) {
      const { rows } = await monitor.query<{ busy: number }>(
        `SELECT count(*)::int AS busy FROM pg_stat_activity
          WHERE application_name = $1 AND (state <> 'idle' OR xact_start IS NOT NULL)`,
        [BENCH_APPLICATION],
      );
      if (rows[0]!.busy === 0) {
        quietSince ??= performance.now();
        // Quiet for half a second: no batch query came after the one in flight.
        if (performance.now() - quietSince > 500) return { stoppedMs: quietSince - aborted, bytesRead };
      } else {
        quietSince = null;
      }
      await new Promise((resolve) => setTimeout(resolve, 10));
    }
    return { stoppedMs: null, bytesRead };
  } finally {
    await monitor.end();
  }
}
