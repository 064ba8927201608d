// Benchmark data for PostgreSQL: a million serials (or any number) across many manufacturers, with
// activations, swaps and histories in realistic proportions (see scale-sql.ts). Everything runs in
// one transaction, generated inside the database; keys and indexes are rebuilt once at the end,
// then VACUUM (ANALYZE) leaves statistics and the visibility map ready for benchmarks.
// Coexists with the demo seed: its documents, serials, e-mails and ids never collide with it.
import { hashPassword } from "../../lib/auth/password";
import type { SqlClient } from "../../lib/db/sql-client";
import { withoutIndexes } from "./bulk-load";
import { DEMO_PASSWORD } from "./demo-logins";
import { planScaleManufacturers } from "./scale-manufacturers";
import {
  INSERT_ACTIVATIONS,
  INSERT_CUSTOMERS,
  INSERT_EVENTS,
  INSERT_MANUFACTURERS,
  INSERT_SUBSCRIPTIONS,
  PLAN_CHUNK,
  SCALE_FUNCTIONS,
} from "./scale-sql";
import { STORE_WORDS } from "./vocabulary";

export type ScaleOptions = {
  subscriptions: number;
  /** Default: one customer per 10 serials. */
  customers?: number;
  /** Default: 50. */
  manufacturers?: number;
  now?: Date;
  log?: (line: string) => void;
};

export type ScaleSummary = {
  manufacturers: number;
  users: number;
  customers: number;
  subscriptions: number;
  activations: number;
  events: number;
  largestManufacturer: { name: string; email: string; subscriptions: number; customers: number };
  phases: { phase: string; seconds: number }[];
};

const CHUNK = 100_000;
const LOADED_TABLES = ["customers", "subscriptions", "activations", "subscription_events"];

const count = (n: number) => n.toLocaleString("pt-BR");

export async function seedScale(sql: SqlClient, opts: ScaleOptions): Promise<ScaleSummary> {
  if (sql.dialect !== "postgres") {
    throw new Error("A carga de escala só roda em PostgreSQL (defina DATABASE_URL); o PGlite embarcado não é para benchmarks.");
  }
  const total = Math.floor(opts.subscriptions);
  const customers = Math.floor(opts.customers ?? Math.max(1, Math.round(total / 10)));
  const manufacturerCount = Math.floor(opts.manufacturers ?? Math.min(50, customers));
  const now = opts.now ?? new Date();
  const log = opts.log ?? (() => {});
  const plan = planScaleManufacturers(total, customers, manufacturerCount, STORE_WORDS);
  const phases: ScaleSummary["phases"] = [];
  const phase = async <T>(name: string, run: () => Promise<T>): Promise<T> => {
    const started = Date.now();
    const result = await run();
    const seconds = (Date.now() - started) / 1000;
    phases.push({ phase: name, seconds });
    log(`${name}: ${seconds.toFixed(1)} s`);
    return result;
  };
  const passwordHash = await hashPassword(DEMO_PASSWORD);

  const totals = await sql.transaction(async (tx) => {
    const [existing] = await tx.query<{ present: boolean }>(
      "SELECT EXISTS (SELECT 1 FROM users WHERE email LIKE '%@scale.test') AS present",
    );
    if (existing?.present) throw new Error("Este banco já tem os dados de escala. Use --reset para recomeçar do zero.");
    log(
      `escala: ${count(total)} assinaturas, ${count(customers)} clientes, ${count(plan.length)} fabricantes ` +
        `(maior: ${plan[0]!.name}, ${count(plan[0]!.lastSerial)} números de série)`,
    );
    // Only this transaction: bigger sort and index-build memory, no wait for the WAL flush at commit.
    await tx.exec("SET LOCAL maintenance_work_mem = '1GB'; SET LOCAL work_mem = '256MB'; SET LOCAL synchronous_commit = off");
    await tx.exec(SCALE_FUNCTIONS);

    const accounts = await phase("fabricantes, usuários e motivos", async () => {
      const [row] = await tx.query<{ accounts: number; users: number }>(INSERT_MANUFACTURERS, [
        JSON.stringify(plan),
        passwordHash,
        now,
      ]);
      return row!;
    });
    const loaded = { customers: 0, subscriptions: 0, activations: 0, events: 0 };
    let rebuildStarted = 0;
    // The outbox trigger looks each event's serial up by primary key, which the load drops: every
    // row would scan the subscriptions. The generated accounts have no webhook endpoints, so it
    // would enqueue nothing anyway; the rollup trigger (statement-level) keeps running.
    await tx.exec(`ALTER TABLE subscription_events DISABLE TRIGGER subscription_events_webhooks`);
    await withoutIndexes(
      tx,
      LOADED_TABLES,
      async () => {
        loaded.customers = await phase(
          `clientes (${count(customers)})`,
          async () => (await tx.query<{ count: number }>(INSERT_CUSTOMERS, [now]))[0]!.count,
        );
        await phase("assinaturas, ativações e históricos", async () => {
          for (let first = 1; first <= total; first += CHUNK) {
            const started = Date.now();
            const last = Math.min(total, first + CHUNK - 1);
            await tx.exec("TRUNCATE scale_plan");
            await tx.query(PLAN_CHUNK, [first, last, now]);
            const inserted = async (statement: string) => (await tx.query<{ count: number }>(statement))[0]!.count;
            loaded.subscriptions += await inserted(INSERT_SUBSCRIPTIONS);
            loaded.activations += await inserted(INSERT_ACTIVATIONS);
            loaded.events += await inserted(INSERT_EVENTS);
            log(
              `  ${count(last)}/${count(total)} assinaturas · ${count(loaded.activations)} ativações · ` +
                `${count(loaded.events)} eventos (${((Date.now() - started) / 1000).toFixed(1)} s)`,
            );
          }
        });
        log("reconstruindo chaves primárias, índices e chaves estrangeiras…");
        rebuildStarted = Date.now();
      },
      log,
    );
    await tx.exec(`ALTER TABLE subscription_events ENABLE TRIGGER subscription_events_webhooks`);
    const rebuild = (Date.now() - rebuildStarted) / 1000;
    phases.push({ phase: "chaves primárias, índices e chaves estrangeiras", seconds: rebuild });
    log(`chaves primárias, índices e chaves estrangeiras: ${rebuild.toFixed(1)} s`);
    return { ...accounts, ...loaded };
  });
  // After the commit: fresh statistics for the planner, and the visibility map set so that
  // benchmarks start from a steady table (index-only scans, no autovacuum kicking in mid-run).
  await phase("VACUUM (ANALYZE)", () =>
    sql.exec(`VACUUM (ANALYZE) accounts, users, memberships, reasons, ${LOADED_TABLES.join(", ")}`),
  );

  const largest = plan[0]!;
  return {
    manufacturers: plan.length,
    users: totals.users,
    customers: totals.customers,
    subscriptions: totals.subscriptions,
    activations: totals.activations,
    events: totals.events,
    largestManufacturer: {
      name: largest.name,
      email: "fabricante+1@scale.test",
      subscriptions: largest.lastSerial - largest.firstSerial + 1,
      customers: largest.customers,
    },
    phases,
  };
}
