// npm run fault:postgres — the portal on PostgreSQL under steady load while PostgreSQL restarts:
// check-ins at --rate/s (500), list and serial pages from 10 signed-in users, suspend/release from
// 2, a CSV export in progress; PostgreSQL is restarted (fast mode), then again with -m immediate.
// Checks (exit 1 on any violation): the server process never exits; during the outages pages get
// the pt-BR 503 page and APIs JSON 503 with Retry-After, nothing else fails (no 500, no reset,
// nothing slower than 10 s); within 5 s after PostgreSQL is back pages, check-ins and actions
// succeed again, same process; every action committed whole (status + event + webhook outbox row)
// or not at all; the export cut by the restart fails visibly; SIGTERM then ends the server with 0.
// The PostgreSQL restarted: FAULT_PG_CLUSTER ("15 main") on FAULT_PG_PORT (5432), or an embedded one
// where there is none (fault-postgres.ts). PostgreSQL is always left running (started again in a finally).
import http from "node:http";
import { parseArgs } from "node:util";
import { freePort, startPortal, type PortalProcess } from "../support/portal-process";
import { faultPostgres, waitUntilReady, type FaultPostgres } from "./fault-postgres";
import { agent, countBy, nonce, pgQuery, request, signIn, sleep, timed, type Outcome } from "./load-clients";

const { values: options } = parseArgs({
  options: {
    rate: { type: "string", default: "500" },
    steady: { type: "string", default: "8" },
    warmup: { type: "string", default: "5" },
    "export-rows": { type: "string", default: "150000" },
  },
});
const DB_NAME = "portal_fault_postgres";
let postgres: FaultPostgres;
let ADMIN_URL = "";
let DATABASE_URL = "";
const PASSWORD = "demo1234";
const RATE = Number(options.rate);
/** Check-ins waiting for an answer at most; past it the desktop is counted as "not sent" (the server is saturated). */
const MAX_OUTSTANDING = 200;
const STEADY_MS = Number(options.steady) * 1000;
/** The first seconds of load (cold pools, first plans) are not held to the 10 s limit. */
const WARMUP_MS = Number(options.warmup) * 1000;
const started = Date.now();
const log = (line: string) => console.log(`[${((Date.now() - started) / 1000).toFixed(1).padStart(5)} s] ${line}`);
const problems: string[] = [];
const serverErrors: string[] = [];
let serverLog = "";

const admin = (sql: string, url = ADMIN_URL) => pgQuery(url, sql);

type Outage = { mode: string; down: number; up: number };

async function main() {
  postgres = await faultPostgres();
  ADMIN_URL = postgres.url("postgres");
  DATABASE_URL = postgres.url(DB_NAME);
  await admin(`DROP DATABASE IF EXISTS ${DB_NAME} WITH (FORCE)`);
  await admin(`CREATE DATABASE ${DB_NAME}`);
  const port = await freePort();
  let portal: PortalProcess | null = null;
  const outcomes: Outcome[] = [];
  const outages: Outage[] = [];
  try {
    portal = await startPortal({
      databaseUrl: DATABASE_URL,
      port,
      args: ["--demo"],
      env: {
        TRUST_PROXY: "1",
        LICENSE_RATE_LIMIT_PER_SERIAL: "1000000",
        LICENSE_RATE_LIMIT_PER_MACHINE: "1000000",
        LICENSE_RATE_LIMIT_PER_IP: "1000000",
        WEBHOOKS_ALLOW_LOCALHOST: "1",
      },
    });
    const base = portal.url;
    log(`portal up at ${base} (pid ${portal.child.pid}) on PostgreSQL ${postgres.describe}`);

    // Data: the demo's manufacturer gets --export-rows more serials, so its export takes a while.
    const [aurora] = await admin(
      `SELECT a.id FROM accounts a JOIN memberships m ON m.account_id = a.id JOIN users u ON u.id = m.user_id
        WHERE u.email = 'fabricante@demo.test' AND a.kind = 'FABRICANTE' ORDER BY a.name DESC LIMIT 1`,
      DATABASE_URL,
    );
    const manufacturerId = String(aurora!.id);
    await admin(
      `INSERT INTO subscriptions (serial_number, manufacturer_id, customer_id, product, plan, started_at, expires_at, status)
       SELECT 'FALT-' || lpad((i / 10000)::text, 4, '0') || '-' || lpad((i % 10000)::text, 4, '0') || '-LOAD',
              '${manufacturerId}', (SELECT id FROM customers WHERE manufacturer_id = '${manufacturerId}' ORDER BY id LIMIT 1 OFFSET (i % 5)),
              'Produto Carga', 'ANUAL', now() - interval '30 days', now() + interval '335 days', 'ATIVA'
         FROM generate_series(1, ${Number(options["export-rows"])}) i
       ON CONFLICT DO NOTHING`,
      DATABASE_URL,
    );
    const demoSerials = (
      await admin(
        `SELECT serial_number FROM subscriptions WHERE manufacturer_id = '${manufacturerId}' AND status = 'ATIVA'
           AND serial_number NOT LIKE 'FALT-%' ORDER BY serial_number`,
        DATABASE_URL,
      )
    ).map((row) => String(row.serial_number));
    const actionSerials = demoSerials.slice(0, 20);
    const [reason] = await admin(
      `SELECT id FROM reasons WHERE manufacturer_id = '${manufacturerId}' AND kind = 'SUSPENSAO' AND NOT requires_description LIMIT 1`,
      DATABASE_URL,
    );
    const checkinSerials = (
      await admin(
        `SELECT serial_number FROM subscriptions WHERE status = 'ATIVA' ORDER BY serial_number LIMIT 200 OFFSET 20`,
        DATABASE_URL,
      )
    ).map((row) => String(row.serial_number));

    // Desktops: each check-in serial activated on its own machine.
    const machines = new Map<string, string>();
    const activate = async (serial: string) => {
      const machineId = `fault-machine-${serial}`;
      const response = await request(`${base}/api/v1/licenses/activate`, {
        method: "POST",
        headers: { "content-type": "application/json" },
        body: JSON.stringify({
          serialNumber: serial,
          machine: { id: machineId, name: "PC-FAULT", os: "Windows 11", appVersion: "5.4.2" },
          nonce: nonce(),
        }),
      });
      if (response.status === 200) machines.set(serial, machineId);
    };
    for (let i = 0; i < checkinSerials.length; i += 20) await Promise.all(checkinSerials.slice(i, i + 20).map(activate));
    log(`${machines.size} desktops activated; ${actionSerials.length} serials for suspend/release`);
    const desktops = [...machines.entries()];

    const readers = await Promise.all(
      Array.from({ length: 10 }, (_, i) => signIn(base, "fabricante@demo.test", PASSWORD, `10.250.1.${i + 1}`)),
    );
    const actors = await Promise.all(
      Array.from({ length: 2 }, (_, i) => signIn(base, "fabricante@demo.test", PASSWORD, `10.250.2.${i + 1}`)),
    );
    const exporter = await signIn(base, "admin@demo.test", PASSWORD, "10.250.3.1");
    const runStartedAt = new Date();
    let running = true;

    // 1. Check-ins, open loop at RATE/s (at most 400 outstanding; the rest are counted as not sent).
    let outstanding = 0;
    let notSent = 0;
    let sequence = 0;
    const checkins = (async () => {
      const perTick = RATE / 100;
      let carry = 0;
      while (running) {
        carry += perTick;
        for (; carry >= 1; carry--) {
          if (outstanding >= MAX_OUTSTANDING) {
            notSent++;
            continue;
          }
          const [serial, machineId] = desktops[sequence++ % desktops.length]!;
          const n = sequence;
          outstanding++;
          void timed(outcomes, "check-in", () =>
            request(`${base}/api/v1/licenses/check-in`, {
              method: "POST",
              headers: { "content-type": "application/json", "x-forwarded-for": `10.9.${(n >> 8) & 255}.${n & 255}` },
              body: JSON.stringify({ serialNumber: serial, machineId, nonce: nonce() }),
            }),
          ).finally(() => outstanding--);
        }
        await sleep(10);
      }
    })();

    // 2. Ten users browsing the list and serial pages.
    const browsing = readers.map(async (cookie, index) => {
      for (let i = 0; running; i++) {
        const serial = demoSerials[(index * 7 + i) % demoSerials.length];
        await timed(outcomes, "page", () =>
          request(
            i % 2
              ? `${base}/fabricante/assinaturas/${serial}`
              : `${base}/fabricante/assinaturas?status=ATIVA&pagina=${(i % 3) + 1}`,
            {
              headers: { cookie },
            },
          ),
        );
        await sleep(100);
      }
    });

    // 3. Two users suspending and releasing their serials.
    const acting = actors.map(async (cookie, index) => {
      const mine = actionSerials.filter((_, i) => i % 2 === index);
      const next = new Map(mine.map((serial) => [serial, "SUSPEND"]));
      for (let i = 0; running; i++) {
        const serial = mine[i % mine.length]!;
        const action = next.get(serial)!;
        const response = await timed(outcomes, "action", () =>
          request(`${base}/api/fabricante/assinaturas/${serial}/acoes`, {
            method: "POST",
            headers: { cookie, "content-type": "application/json", origin: base.replace("127.0.0.1", "localhost") },
            body: JSON.stringify(action === "SUSPEND" ? { action, reasonId: reason!.id } : { action }),
          }),
        );
        // Done, or already done by a commit whose answer the outage swallowed: the other one next.
        if (response && (response.status === 200 || response.status === 409))
          next.set(serial, action === "SUSPEND" ? "RELEASE" : "SUSPEND");
        await sleep(50);
      }
    });

    // 4. The export, read slowly, started just before the first restart.
    const exportResult = { started: 0, ended: 0, bytes: 0, lines: 0, outcome: "not started" };
    let streaming!: () => void;
    const exportStreaming = new Promise<void>((resolve) => (streaming = resolve));
    const exportRun = () =>
      new Promise<void>((resolve) => {
        exportResult.started = Date.now();
        const req = http.get(`${base}/api/fabricante/assinaturas/exportar`, { headers: { cookie: exporter }, agent }, (res) => {
          exportResult.outcome = `HTTP ${res.statusCode}`;
          res.on("data", (chunk: Buffer) => {
            exportResult.bytes += chunk.length;
            for (const byte of chunk) if (byte === 10) exportResult.lines++;
            if (exportResult.bytes > 64 * 1024) streaming();
            // About 1 MB/s: the statement is still running on PostgreSQL when it restarts.
            res.pause();
            setTimeout(() => res.resume(), 50);
          });
          res.on("end", () => {
            exportResult.ended = Date.now();
            exportResult.outcome = `completed (HTTP ${res.statusCode})`;
            resolve();
          });
          res.on("error", (error) => {
            exportResult.ended = Date.now();
            exportResult.outcome = `failed: ${error.message}`;
            resolve();
          });
          res.on("aborted", () => undefined);
        });
        req.on("error", (error) => {
          exportResult.ended = Date.now();
          exportResult.outcome = `failed: ${error.message}`;
          resolve();
        });
      });

    log(`load running: ${RATE} check-ins/s, 10 readers, 2 actors`);
    await sleep(WARMUP_MS + STEADY_MS);
    const exporting = exportRun();
    // Restart once the file is streaming (or, if the export was refused, after 10 s).
    await Promise.race([exportStreaming, exporting, sleep(10_000)]);
    for (const mode of ["fast", "immediate"]) {
      log(`restarting PostgreSQL (${mode})…`);
      const down = Date.now();
      // Asynchronous: the load goes on while PostgreSQL restarts.
      await postgres.restart(mode as "fast" | "immediate");
      await waitUntilReady(postgres);
      const up = Date.now();
      outages.push({ mode, down, up });
      log(`PostgreSQL accepts connections again after ${((up - down) / 1000).toFixed(1)} s`);
      await sleep(STEADY_MS);
    }
    running = false;
    await Promise.all([checkins, ...browsing, ...acting]);
    while (outstanding > 0) await sleep(20);
    await Promise.race([exporting, sleep(15_000)]);

    // --- Checks ---------------------------------------------------------------------------------
    if (portal.child.exitCode !== null || portal.child.signalCode !== null)
      problems.push("the server process exited during the run");
    const log503 = portal.log();
    if (/unhandled ?rejection|uncaught ?exception/i.test(log503))
      problems.push("the server log reports an unhandled rejection or uncaught exception");

    // A check-in may also get a license answer about the serial's state (403 SUSPENDED, …): an answer, not a failure.
    const expected: Record<string, number[]> = { "check-in": [200, 403, 409, 503], page: [200, 503], action: [200, 409, 503] };
    const unexpected = outcomes.filter((outcome) => !expected[outcome.kind]!.includes(outcome.status));
    if (unexpected.length) {
      problems.push(
        `${unexpected.length} unexpected answers: ${JSON.stringify(countBy(unexpected))} e.g. ${JSON.stringify(unexpected[0])}`,
      );
    }
    const bad503 = outcomes.filter(
      (outcome) =>
        outcome.status === 503 && (!outcome.retryAfter || outcome.body !== (outcome.kind === "page" ? "pt-BR page" : "json")),
    );
    if (bad503.length)
      problems.push(`${bad503.length} 503 answers without Retry-After or the right body, e.g. ${JSON.stringify(bad503[0])}`);
    const loadStarted = runStartedAt.getTime();
    const held = outcomes.filter((outcome) => outcome.start >= loadStarted + WARMUP_MS);
    const slowest = held.reduce((max, outcome) => Math.max(max, outcome.ms), 0);
    if (slowest > 10_000) problems.push(`an answer took ${slowest} ms (over 10 s)`);

    const recovery: Record<string, number[]> = {};
    for (const outage of outages) {
      for (const kind of ["check-in", "page", "action"]) {
        // When the pools served again: the start of the first request sent after PostgreSQL was back
        // that succeeded (its own duration is the machine's load, not the recovery).
        const firstOk = outcomes
          .filter((outcome) => outcome.kind === kind && outcome.status === 200 && outcome.start >= outage.up)
          .reduce((min, outcome) => Math.min(min, outcome.start), Infinity);
        const seconds = (firstOk - outage.up) / 1000;
        (recovery[kind] ??= []).push(Math.round(seconds * 100) / 100);
        if (!(seconds <= 5))
          problems.push(`${kind}: no success within 5 s after PostgreSQL came back (${outage.mode}): ${seconds} s`);
      }
    }

    // Every action committed whole: the serial's status is its last event's, and each suspend /
    // release event of the run has its webhook outbox row (the demo's endpoint takes both).
    const [consistency] = await admin(
      `WITH acted AS (SELECT id, serial_number, status FROM subscriptions WHERE serial_number = ANY(ARRAY[${actionSerials.map((s) => `'${s}'`).join(",")}])),
            events AS (SELECT e.* FROM subscription_events e JOIN acted a ON a.id = e.subscription_id
                        WHERE e.created_at >= '${runStartedAt.toISOString()}' AND e.type IN ('SUSPENDED', 'RELEASED'))
       SELECT (SELECT count(*) FROM events)::int AS events,
              (SELECT count(*) FROM events e WHERE NOT EXISTS (SELECT 1 FROM webhook_deliveries d WHERE d.event_id = e.id))::int AS events_without_outbox,
              (SELECT count(*) FROM events e WHERE (SELECT count(*) FROM webhook_deliveries d WHERE d.event_id = e.id) > 1)::int AS events_with_two_outbox_rows,
              (SELECT count(*) FROM acted a WHERE a.status IS DISTINCT FROM (
                  SELECT e.to_status FROM subscription_events e WHERE e.subscription_id = a.id AND e.to_status IS NOT NULL ORDER BY e.seq DESC LIMIT 1))::int AS status_differs_from_last_event`,
      DATABASE_URL,
    );
    const acknowledged = outcomes.filter((outcome) => outcome.kind === "action" && outcome.status === 200).length;
    if (
      consistency!.events_without_outbox !== 0 ||
      consistency!.status_differs_from_last_event !== 0 ||
      consistency!.events_with_two_outbox_rows !== 0
    ) {
      problems.push(`consistency: ${JSON.stringify(consistency)}`);
    }
    if (Number(consistency!.events) < acknowledged)
      problems.push(`${acknowledged} actions answered 200 but only ${consistency!.events} events were committed`);

    const firstDown = outages[0]!.down;
    const exportSpanned = exportResult.started < firstDown && (exportResult.ended === 0 || exportResult.ended > firstDown);
    if (!exportSpanned)
      problems.push(`the export was not in progress at the restart (${JSON.stringify(exportResult)}): use more --export-rows`);
    else if (!exportResult.outcome.startsWith("failed"))
      problems.push(`the export cut by the restart did not fail visibly: ${exportResult.outcome}`);

    const ready = await fetch(`${base}/api/health/ready`).then((response) => response.status);
    if (ready !== 200) problems.push(`readiness after the run: ${ready}`);
    const exit = await portal.stop("SIGTERM");
    serverLog = portal.log();
    for (const entry of portal.entries()) {
      if (entry.level === "error" && entry.msg !== "request") serverErrors.push(String(entry.msg).slice(0, 300));
    }
    if (exit.code !== 0) problems.push(`SIGTERM after the run: exit ${JSON.stringify(exit)}`);
    portal = null;

    // --- Report -----------------------------------------------------------------------------------
    const byKind = Object.fromEntries(
      ["check-in", "page", "action"].map((kind) => [kind, countBy(outcomes.filter((outcome) => outcome.kind === kind))]),
    );
    console.log("\n== PostgreSQL restart under load ==");
    console.log(`requests sent: ${outcomes.length} (+${notSent} check-ins not sent: ${MAX_OUTSTANDING} already waiting)`);
    console.log(`answers by kind and status: ${JSON.stringify(byKind)}`);
    for (const outage of outages) {
      const during = outcomes.filter((outcome) => outcome.start >= outage.down - 100 && outcome.start <= outage.up);
      console.log(
        `outage (${outage.mode}): PostgreSQL away ${((outage.up - outage.down) / 1000).toFixed(1)} s; answers meanwhile ${JSON.stringify(countBy(during))}`,
      );
    }
    console.log(`time to first success after PostgreSQL was back, s (fast, immediate): ${JSON.stringify(recovery)}`);
    const slowestByKind = Object.fromEntries(
      ["check-in", "page", "action"].map((kind) => [
        kind,
        held.filter((outcome) => outcome.kind === kind).reduce((max, outcome) => Math.max(max, outcome.ms), 0),
      ]),
    );
    console.log(`slowest answer after the ${WARMUP_MS / 1000} s warm-up, ms: ${JSON.stringify(slowestByKind)}`);
    for (const outcome of [...held].sort((a, b) => b.ms - a.ms).slice(0, 3)) {
      console.log(
        `  ${outcome.kind} ${outcome.status} ${outcome.ms} ms, started ${((outcome.start - outages[0]!.down) / 1000).toFixed(1)} s after the first restart`,
      );
    }
    console.log(`consistency: ${JSON.stringify(consistency)}; actions answered 200: ${acknowledged}`);
    console.log(`export: ${exportResult.outcome} after ${exportResult.bytes} bytes (${exportResult.lines} lines)`);
    console.log(`server: same process throughout, SIGTERM exit ${JSON.stringify(exit)}`);
    console.log(
      `load average: ${(await import("node:os"))
        .loadavg()
        .map((n) => n.toFixed(2))
        .join(" ")}`,
    );
  } finally {
    if (portal) await portal.stop("SIGKILL");
    if (!(await postgres.ready())) {
      log("starting PostgreSQL again");
      await postgres.ensureRunning();
      await waitUntilReady(postgres).catch(() => undefined);
    }
    await admin(`DROP DATABASE IF EXISTS ${DB_NAME} WITH (FORCE)`).catch(() => undefined);
    await postgres.close();
    agent.destroy();
  }
  if (problems.length && process.env.FAULT_KEEP_LOG) {
    const { writeFileSync } = await import("node:fs");
    writeFileSync(process.env.FAULT_KEEP_LOG, serverLog);
  }
  if (problems.length) {
    console.error(`\nserver errors logged:\n${[...new Set(serverErrors)].slice(0, 15).join("\n")}`);
    console.error(`\nFAILED:\n- ${problems.join("\n- ")}`);
    process.exit(1);
  }
  console.log("\nOK: every check held.");
}

main().catch((error: unknown) => {
  console.error(error);
  process.exit(1);
});
