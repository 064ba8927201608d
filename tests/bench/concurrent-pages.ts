// npm run bench:pages — 50 signed-in users browsing the portal at once on a copy of portal_scale
// (never portal_scale itself): the list with filters, one customer (the list filtered by its
// name), serial pages. Prints pages/s, p50/p95/p99, the server's and PostgreSQL's CPU per page
// (from /proc: the server process and the backends of its pools) and the load average.
//   createdb -h 127.0.0.1 -U postgres -T portal_scale portal_bench_<you>
//   BENCH_DATABASE_URL=postgresql://postgres@127.0.0.1:5432/portal_bench_<you> npm run bench:pages -- [--users 50] [--seconds 60]
import { readFileSync } from "node:fs";
import os from "node:os";
import { parseArgs } from "node:util";
import { freePort, startPortal } from "../support/portal-process";
import { agent, pgQuery, request, signIn } from "../fault/load-clients";

const { values: options } = parseArgs({
  options: { users: { type: "string", default: "50" }, seconds: { type: "string", default: "60" } },
});
const DATABASE_URL = process.env.BENCH_DATABASE_URL;
if (!DATABASE_URL || /\/portal_scale$/.test(DATABASE_URL)) {
  console.error("Set BENCH_DATABASE_URL to a copy of portal_scale (createdb -T portal_scale …), never portal_scale itself.");
  process.exit(2);
}
const USERS = Number(options.users);
const SECONDS = Number(options.seconds);
/** USER_HZ: the unit of /proc/<pid>/stat times on Linux. */
const TICKS = 100;

/** utime + stime of a process, in ms. */
function cpuMs(pid: number): number {
  try {
    const fields = readFileSync(`/proc/${pid}/stat`, "utf8").split(") ")[1]!.split(" ");
    return ((Number(fields[11]) + Number(fields[12])) * 1000) / TICKS;
  } catch {
    return 0;
  }
}

function percentile(sorted: number[], p: number): number {
  return sorted[Math.min(sorted.length - 1, Math.floor((p / 100) * sorted.length))] ?? 0;
}

async function main() {
  const database = new URL(DATABASE_URL!).pathname.slice(1);
  const portal = await startPortal({
    databaseUrl: DATABASE_URL!,
    port: await freePort(),
    env: { TRUST_PROXY: "1", DATABASE_POOL_SIZE: "20" },
  });
  try {
    const base = portal.url;
    const [maker] = await pgQuery(
      DATABASE_URL!,
      `SELECT a.id FROM accounts a JOIN users u ON u.default_account_id = a.id WHERE u.email = 'fabricante+1@scale.test'`,
    );
    const customers = (
      await pgQuery(DATABASE_URL!, `SELECT name FROM customers WHERE manufacturer_id = '${maker!.id}' ORDER BY id LIMIT 200`)
    ).map((row) => String(row.name).split(" ")[0]!);
    const serials = (
      await pgQuery(
        DATABASE_URL!,
        `SELECT serial_number FROM subscriptions WHERE manufacturer_id = '${maker!.id}' ORDER BY id LIMIT 500`,
      )
    ).map((row) => String(row.serial_number));
    const lists = [
      "",
      "?status=ATIVA",
      "?status=TOLERANCIA",
      "?situacao=SUSPENSA",
      "?ordem=vencimento",
      "?ordem=trocas",
      "?trocas=1",
      "?pagina=20",
      "?status=EXPIRADA&porPagina=50",
    ];
    const cookies: string[] = [];
    for (let i = 0; i < USERS; i++)
      cookies.push(await signIn(base, "fabricante+1@scale.test", "demo1234", `10.70.${i >> 8}.${i & 255}`));
    // Warm-up: every kind of page once.
    for (const path of lists) await request(`${base}/fabricante/assinaturas${path}`, { headers: { cookie: cookies[0]! } });
    await request(`${base}/fabricante/assinaturas/${serials[0]}`, { headers: { cookie: cookies[0]! } });

    const backends = (await pgQuery(DATABASE_URL!, `SELECT pid FROM pg_stat_activity WHERE datname = '${database}'`)).map((row) =>
      Number(row.pid),
    );
    const serverBefore = cpuMs(portal.child.pid!);
    const pgBefore = new Map(backends.map((pid) => [pid, cpuMs(pid)]));
    const samples: { kind: string; ms: number; status: number }[] = [];
    const deadline = Date.now() + SECONDS * 1000;
    const started = Date.now();
    await Promise.all(
      cookies.map(async (cookie, user) => {
        for (let i = user; Date.now() < deadline; i++) {
          const kind = ["list", "customer", "serial"][i % 3]!;
          const path =
            kind === "list"
              ? `/fabricante/assinaturas${lists[i % lists.length]}`
              : kind === "customer"
                ? `/fabricante/assinaturas?cliente=${encodeURIComponent(customers[i % customers.length]!)}`
                : `/fabricante/assinaturas/${serials[(i * 7) % serials.length]}`;
          const t0 = performance.now();
          const response = await request(`${base}${path}`, { headers: { cookie } }).catch(() => ({ status: 0 }));
          samples.push({ kind, ms: performance.now() - t0, status: response.status });
        }
      }),
    );
    const elapsed = (Date.now() - started) / 1000;
    // Backends opened during the run count from zero.
    const after = (await pgQuery(DATABASE_URL!, `SELECT pid FROM pg_stat_activity WHERE datname = '${database}'`)).map((row) =>
      Number(row.pid),
    );
    const pgCpu = after.reduce((sum, pid) => sum + cpuMs(pid) - (pgBefore.get(pid) ?? 0), 0);
    const serverCpu = cpuMs(portal.child.pid!) - serverBefore;
    const ok = samples.filter((sample) => sample.status === 200);
    const report = (name: string, rows: typeof samples) => {
      const sorted = rows.map((row) => row.ms).sort((a, b) => a - b);
      return `| ${name.padEnd(8)} | ${String(rows.length).padStart(6)} | ${percentile(sorted, 50).toFixed(0).padStart(5)} | ${percentile(sorted, 95).toFixed(0).padStart(5)} | ${percentile(sorted, 99).toFixed(0).padStart(5)} |`;
    };
    console.log(
      `\n${USERS} users, ${elapsed.toFixed(0)} s on ${database}: ${(ok.length / elapsed).toFixed(1)} pages/s, ${samples.length - ok.length} not 200`,
    );
    console.log("| pages    | count  | p50 ms | p95 ms | p99 ms |");
    console.log("| -------- | ------ | ----- | ----- | ----- |");
    console.log(report("all", ok));
    for (const kind of ["list", "customer", "serial"])
      console.log(
        report(
          kind,
          ok.filter((sample) => sample.kind === kind),
        ),
      );
    console.log(
      `CPU per page: server ${(serverCpu / ok.length).toFixed(1)} ms, PostgreSQL ${(pgCpu / ok.length).toFixed(1)} ms (${after.length} backends); ` +
        `CPU used: server ${(serverCpu / 1000 / elapsed).toFixed(2)} cores, PostgreSQL ${(pgCpu / 1000 / elapsed).toFixed(2)} cores`,
    );
    console.log(
      `load average: ${os
        .loadavg()
        .map((n) => n.toFixed(2))
        .join(" ")} (${os.cpus().length} CPUs)`,
    );
  } finally {
    await portal.stop("SIGTERM");
    agent.destroy();
  }
}

main().catch((error: unknown) => {
  console.error(error);
  process.exit(1);
});
