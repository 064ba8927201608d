// npm run fault:servers — two portal servers on one PostgreSQL, a client alternating between them:
// - both start at the same moment on an empty database: the migrations are applied once;
// - a session made on one works on the other;
// - login throttling, the license API's per-computer limit and the computer-change (swap) limit hold
//   across both: the answers alternating between the servers are the answers one server gives;
// - the suspension sweep, run by both at once, releases an expired suspension once;
// - the webhook workers of both deliver each event once.
// Exit 1 on any violation. Runs on the PostgreSQL npm run fault:postgres uses (fault-postgres.ts).
import { execFileSync } from "node:child_process";
import { createServer } from "node:http";
import type { AddressInfo } from "node:net";
import { freePort, startPortal, type PortalProcess } from "../support/portal-process";
import { faultPostgres, type FaultPostgres } from "./fault-postgres";
import { agent, nonce, pgQuery, request, signIn, sleep } from "./load-clients";

const DB_NAME = "portal_fault_servers";
let postgres: FaultPostgres;
let ADMIN_URL = "";
let DATABASE_URL = "";
const PASSWORD = "demo1234";
const problems: string[] = [];
const started = Date.now();
const log = (line: string) => console.log(`[${((Date.now() - started) / 1000).toFixed(1).padStart(5)} s] ${line}`);

const sql = (text: string, url = DATABASE_URL) => pgQuery(url, text);

function check(name: string, ok: boolean, detail: unknown) {
  console.log(`${ok ? "ok  " : "FAIL"} ${name}: ${typeof detail === "string" ? detail : JSON.stringify(detail)}`);
  if (!ok) problems.push(name);
}

// The webhook receiver: counts deliveries per event id.
const received = new Map<string, number>();
const receiver = createServer((req, res) => {
  req.resume();
  req.on("end", () => {
    const id = String(req.headers["portal-event-id"]);
    received.set(id, (received.get(id) ?? 0) + 1);
    res.writeHead(200).end("ok");
  });
});

const ENV = {
  TRUST_PROXY: "1",
  WEBHOOKS_ALLOW_LOCALHOST: "1",
  // Check-ins count per serial and computer; activations per serial.
  LICENSE_RATE_LIMIT_PER_SERIAL: "1000",
  LICENSE_RATE_LIMIT_PER_MACHINE: "6",
  LICENSE_RATE_LIMIT_PER_IP: "100000",
};

async function startBoth(ports: [number, number]): Promise<[PortalProcess, PortalProcess]> {
  const [a, b] = await Promise.all(ports.map((port) => startPortal({ databaseUrl: DATABASE_URL, port, env: ENV })));
  return [a!, b!];
}

async function main() {
  postgres = await faultPostgres();
  ADMIN_URL = postgres.url("postgres");
  DATABASE_URL = postgres.url(DB_NAME);
  await sql(`DROP DATABASE IF EXISTS ${DB_NAME} WITH (FORCE)`, ADMIN_URL);
  await sql(`CREATE DATABASE ${DB_NAME}`, ADMIN_URL);
  await new Promise<void>((resolve) => receiver.listen(0, "127.0.0.1", resolve));
  const hookPort = (receiver.address() as AddressInfo).port;
  const ports: [number, number] = [await freePort(), await freePort()];
  let servers: PortalProcess[] = [];
  try {
    // 1. Both start at once on the empty database.
    servers = await startBoth(ports);
    const [migrations] = await sql(
      `SELECT count(*)::int AS applied, count(DISTINCT migration_name)::int AS distinct_names FROM "_prisma_migrations" WHERE finished_at IS NOT NULL`,
    );
    const announced = servers.map(
      (server) => (server.log().match(/Migrações aplicadas: ([^"]+)/)?.[1] ?? "").split(", ").filter(Boolean).length,
    );
    check(
      "migrations applied once when both start together",
      migrations!.applied === migrations!.distinct_names && announced[0]! + announced[1]! === migrations!.applied,
      { ...migrations, appliedByServer: announced },
    );
    execFileSync(process.execPath, ["--import", "tsx", "scripts/db-seed.ts"], {
      env: { ...process.env, DATABASE_URL },
      stdio: "ignore",
    });
    const [a, b] = servers as [PortalProcess, PortalProcess];
    log(`servers at ${a.url} and ${b.url}; demo data loaded`);

    // 2. A session made on A works on B (and the other way).
    const onA = await signIn(a.url, "fabricante@demo.test", PASSWORD, "10.60.0.1");
    const onB = await signIn(b.url, "admin@demo.test", PASSWORD, "10.60.0.2");
    const crossed = await Promise.all([
      request(`${b.url}/fabricante/assinaturas`, { headers: { cookie: onA } }),
      request(`${a.url}/fabricante/assinaturas`, { headers: { cookie: onB } }),
    ]);
    check(
      "a session made on one server works on the other",
      crossed.every((response) => response.status === 200),
      crossed.map((r) => r.status),
    );

    // 3. Login throttling: failures alternating between the servers count once each.
    const failures: number[] = [];
    for (let attempt = 0; attempt < 7; attempt++) {
      const server = attempt % 2 ? b : a;
      const ip = "10.60.1.1";
      const csrf = await request(`${server.url}/api/auth/csrf`, { headers: { "x-forwarded-for": ip } });
      const cookie = [csrf.headers["set-cookie"] ?? []]
        .flat()
        .map((c) => c.split(";")[0])
        .join("; ");
      const response = await request(`${server.url}/api/auth/callback/credentials`, {
        method: "POST",
        headers: { "content-type": "application/x-www-form-urlencoded", cookie, "x-forwarded-for": ip },
        body: new URLSearchParams({
          email: "convidado@demo.test",
          password: "errada-123",
          csrfToken: (JSON.parse(csrf.body) as { csrfToken: string }).csrfToken,
          json: "true",
        }).toString(),
      });
      failures.push(response.status);
    }
    const firstRefused = failures.indexOf(429);
    check("login throttling holds across both (5 failures, then 429)", firstRefused === 5, failures);

    // 4. License per-computer limit (6 per window) and the swap limit, alternating vs. one server.
    const [serialA, serialB, serialC] = (
      await sql(
        `SELECT serial_number FROM subscriptions WHERE status = 'ATIVA' AND expires_at > now() + interval '60 days' ORDER BY serial_number DESC LIMIT 4`,
      )
    ).map((row) => String(row.serial_number));
    const license = (server: PortalProcess, path: string, body: unknown, ip: string) =>
      request(`${server.url}/api/v1/licenses/${path}`, {
        method: "POST",
        headers: { "content-type": "application/json", "x-forwarded-for": ip },
        body: JSON.stringify(body),
      }).then(
        (response) =>
          `${response.status} ${(JSON.parse(response.body) as { error?: { code: string }; license?: { code: string } }).error?.code ?? "OK"}`,
      );
    const machine = (id: string) => ({ id, name: id, os: "Windows 11", appVersion: "5.4.2" });
    const checkIns = async (serial: string, alternate: boolean) => {
      await license(a, "activate", { serialNumber: serial, machine: machine(`m-${serial}-0`), nonce: nonce() }, "10.60.2.1");
      const answers: string[] = [];
      for (let i = 0; i < 8; i++) {
        answers.push(
          await license(
            alternate && i % 2 ? b : a,
            "check-in",
            { serialNumber: serial, machineId: `m-${serial}-0`, nonce: nonce() },
            "10.60.2.1",
          ),
        );
      }
      return answers;
    };
    const oneServer = await checkIns(serialA!, false);
    const twoServers = await checkIns(serialB!, true);
    check("the license API's per-computer limit holds across both", JSON.stringify(oneServer) === JSON.stringify(twoServers), {
      oneServer,
      twoServers,
    });
    const swaps = async (serial: string, alternate: boolean) => {
      const answers: string[] = [];
      for (let i = 0; i < 6; i++) {
        answers.push(
          await license(
            alternate && i % 2 ? b : a,
            "activate",
            { serialNumber: serial, machine: machine(`swap-${serial}-${i}`), nonce: nonce() },
            `10.60.3.${i}`,
          ),
        );
      }
      return answers;
    };
    // Two new serials with no history, of one manufacturer (the limit is the manufacturer's).
    const fresh = (
      await sql(
        `INSERT INTO subscriptions (serial_number, manufacturer_id, customer_id, product, plan, started_at, expires_at, status)
         SELECT serial, s.manufacturer_id, s.customer_id, s.product, s.plan, now(), now() + interval '1 year', 'ATIVA'
           FROM subscriptions s, unnest(ARRAY['SRVA-0000-0000-0001', 'SRVA-0000-0000-0002']) serial
          WHERE s.serial_number = '${serialC}'
         RETURNING serial_number`,
      )
    ).map((row) => String(row.serial_number));
    const swapsOne = await swaps(fresh[0]!, false);
    const swapsTwo = await swaps(fresh[1]!, true);
    check(
      "the computer-change limit holds across both",
      JSON.stringify(swapsOne) === JSON.stringify(swapsTwo) && swapsOne.some((answer) => answer.includes("TRANSFER_LIMIT")),
      { oneServer: swapsOne, twoServers: swapsTwo },
    );

    // 5. Webhooks: every event delivered once, whichever server's workers take it.
    const [account] = await sql(
      `SELECT a.id FROM accounts a JOIN memberships m ON m.account_id = a.id JOIN users u ON u.id = m.user_id
        WHERE u.email = 'fabricante@demo.test' AND a.kind = 'FABRICANTE' ORDER BY a.name DESC LIMIT 1`,
    );
    await sql(`DELETE FROM webhook_endpoints WHERE account_id = '${account!.id}'`);
    await sql(
      `INSERT INTO webhook_endpoints (account_id, url, event_types, secret) VALUES ('${account!.id}', 'http://127.0.0.1:${hookPort}/hooks', ARRAY['serial.suspended','serial.released'], 'whsec_servers')`,
    );
    const [reason] = await sql(
      `SELECT id FROM reasons WHERE manufacturer_id = '${account!.id}' AND kind = 'SUSPENSAO' AND NOT requires_description LIMIT 1`,
    );
    const serials = (
      await sql(
        `SELECT serial_number FROM subscriptions WHERE manufacturer_id = '${account!.id}' AND status = 'ATIVA' ORDER BY serial_number LIMIT 10`,
      )
    ).map((row) => String(row.serial_number));
    const actionsStartedAt = new Date().toISOString();
    for (const [index, serial] of serials.entries()) {
      const server = index % 2 ? b : a;
      for (const body of [{ action: "SUSPEND", reasonId: reason!.id }, { action: "RELEASE" }]) {
        await request(`${server.url}/api/fabricante/assinaturas/${serial}/acoes`, {
          method: "POST",
          headers: { cookie: onA, "content-type": "application/json", origin: server.url.replace("127.0.0.1", "localhost") },
          body: JSON.stringify(body),
        });
      }
    }
    const events = (
      await sql(
        `SELECT e.id FROM subscription_events e JOIN subscriptions s ON s.id = e.subscription_id
          WHERE s.manufacturer_id = '${account!.id}' AND e.type IN ('SUSPENDED', 'RELEASED') AND e.created_at >= '${actionsStartedAt}'`,
      )
    ).map((row) => String(row.id));
    const deadline = Date.now() + 20_000;
    while (Date.now() < deadline && events.some((id) => !received.has(id))) await sleep(200);
    await sleep(1_000);
    const twice = events.filter((id) => (received.get(id) ?? 0) > 1).length;
    const missing = events.filter((id) => !received.has(id)).length;
    check("the webhook workers of both deliver each event once", events.length === 20 && twice === 0 && missing === 0, {
      events: events.length,
      deliveredTwice: twice,
      missing,
    });

    // 6. The sweep: an expired suspension, both servers starting (and sweeping) at the same moment.
    const [expired] = await sql(
      `SELECT id, serial_number FROM subscriptions WHERE manufacturer_id = '${account!.id}' AND status = 'ATIVA' ORDER BY serial_number DESC LIMIT 1`,
    );
    await request(`${a.url}/api/fabricante/assinaturas/${expired!.serial_number}/acoes`, {
      method: "POST",
      headers: { cookie: onA, "content-type": "application/json", origin: a.url.replace("127.0.0.1", "localhost") },
      body: JSON.stringify({ action: "SUSPEND", reasonId: reason!.id }),
    });
    await sql(`UPDATE subscriptions SET suspended_until = now() - interval '1 day' WHERE id = '${expired!.id}'`);
    const exits = await Promise.all(servers.map((server) => server.stop("SIGTERM")));
    check(
      "SIGTERM ends both servers with 0",
      exits.every((exit) => exit.code === 0),
      exits,
    );
    servers = await startBoth(ports);
    const sweepDeadline = Date.now() + 20_000;
    let releases = 0;
    while (Date.now() < sweepDeadline) {
      const [row] = await sql(
        `SELECT count(*)::int AS n FROM subscription_events WHERE subscription_id = '${expired!.id}' AND type = 'RELEASED'`,
      );
      releases = Number(row!.n);
      if (releases > 0) break;
      await sleep(200);
    }
    await sleep(2_000);
    const [final] = await sql(
      `SELECT count(*)::int AS n FROM subscription_events WHERE subscription_id = '${expired!.id}' AND type = 'RELEASED'`,
    );
    check("the sweep of both servers releases an expired suspension once", Number(final!.n) === 1, { releasedEvents: final!.n });
  } finally {
    await Promise.all(servers.map((server) => server.stop("SIGTERM")));
    receiver.close();
    agent.destroy();
    await sql(`DROP DATABASE IF EXISTS ${DB_NAME} WITH (FORCE)`, ADMIN_URL).catch(() => undefined);
    await postgres.close();
  }
  if (problems.length) {
    console.error(`\nFAILED: ${problems.join("; ")}`);
    process.exit(1);
  }
  console.log("\nOK: every check held.");
}

main().catch((error: unknown) => {
  console.error(error);
  process.exit(1);
});
