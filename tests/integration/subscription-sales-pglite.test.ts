// The embedded default (no DATABASE_URL, `npm run demo`): new customers, subscriptions and renewals
// write their events, webhook deliveries and rollup on PGlite as they do on PostgreSQL.
import { writeFile } from "node:fs/promises";
import os from "node:os";
import path from "node:path";
import { describe, expect, it } from "vitest";
import { createCustomer } from "@/lib/data/customers";
import { renewSubscription } from "@/lib/data/subscription-renewal";
import { createSubscription } from "@/lib/data/subscription-sales";
import { addPlanPeriods } from "@/lib/domain/renewal";
import { AppError } from "@/lib/errors";
import { runImport } from "@/lib/import/run-import";
import * as factories from "../support/factories";
import { pgliteTestDatabase } from "../support/pglite-database";

const DATA_DIR = "memory://subscription-sales-pglite";
const database = pgliteTestDatabase(DATA_DIR);

describe("new customers, subscriptions and renewals on embedded PGlite", () => {
  it("creates, renews and refuses as on PostgreSQL, with events, deliveries and rollup", async () => {
    const db = database();
    const account = await factories.createAccount(db);
    await factories.createSubscription(db, await factories.createCustomer(db, account.id), { product: "Orçamento Plus" });
    await db.sql.query(
      `INSERT INTO webhook_endpoints (account_id, url, event_types, secret) VALUES ($1, 'https://erp.example.com/hook', $2, 'whsec_x')`,
      [account.id, ["serial.created", "serial.renewed"]],
    );
    const scope = { kind: "manufacturer" as const, accountId: account.id, graceDays: 15 };
    const actor = { kind: "SYSTEM" as const, accountId: account.id };
    const options = { tx: db.sql };
    const customer = await createCustomer(
      scope,
      { name: "Ana Projetos", document: "52998224725", type: "PROFISSIONAL", city: "Niterói", state: "RJ", email: "ana@example.com" },
      actor,
      options,
    );
    const duplicate = await createCustomer(scope, { ...customer, name: "Outra" }, actor, options).catch((error: unknown) => error);
    expect(duplicate).toBeInstanceOf(AppError);

    const created = await createSubscription(scope, { customerId: customer.id, product: "orçamento plus", plan: "ANUAL" }, actor, options);
    const renewed = await renewSubscription(scope, created.serialNumber, 1, actor, options);
    expect(renewed.expiresTo).toEqual(addPlanPeriods(created.expiresAt, "ANUAL", 1));

    const events = await db.sql.query(
      `SELECT type, expires_from, expires_to FROM subscription_events WHERE subscription_id = $1 ORDER BY seq`,
      [created.id],
    );
    expect(events).toEqual([
      { type: "CREATED", expires_from: null, expires_to: created.expiresAt },
      { type: "RENEWED", expires_from: created.expiresAt, expires_to: renewed.expiresTo },
    ]);
    const deliveries = await db.sql.query(`SELECT event_type FROM webhook_deliveries WHERE serial_number = $1 ORDER BY seq`, [
      created.serialNumber,
    ]);
    expect(deliveries).toEqual([{ event_type: "serial.created" }, { event_type: "serial.renewed" }]);
    const rollup = await db.sql.query(
      `SELECT type, count FROM subscription_event_daily WHERE account_id = $1 AND type IN ('CREATED', 'RENEWED') ORDER BY type`,
      [account.id],
    );
    expect(rollup).toEqual([
      { type: "CREATED", count: 1 },
      { type: "RENEWED", count: 1 },
    ]);

    await db.sql.query(`UPDATE subscriptions SET status = 'CANCELADA' WHERE id = $1`, [created.id]);
    const refused = await renewSubscription(scope, created.serialNumber, 1, actor, options).catch((error: unknown) => error);
    expect(refused).toMatchObject({ status: 409 });
  });

  it("imports a CSV (dry run, apply, the same file again) as on PostgreSQL", async () => {
    const db = database();
    const account = await factories.createAccount(db);
    const customer = await factories.createCustomer(db, account.id);
    await factories.createSubscription(db, customer, { product: "Render Studio" });
    const file = path.join(os.tmpdir(), `import-pglite-${process.pid}.csv`);
    await writeFile(
      file,
      "Cliente;CNPJ/CPF;Tipo;Cidade;UF;E-mail;Número de Série;Produto;Plano;Início;Expira em\n" +
        "Ana Projetos;52998224725;Profissional liberal;Niterói;RJ;ana@example.com;ABCD-EFGH-JKLM-NP23;Render Studio;Mensal;01/12/2026;\n" +
        "Loja X;123;Lojista;Santos;SP;x@example.com;;;;;\n",
    );
    const run = (apply: boolean) =>
      runImport({
        file,
        manufacturerId: account.id,
        actor: { kind: "SYSTEM", accountId: account.id },
        apply,
        sql: db.sql,
        events: { onIssue: () => undefined },
      });
    expect((await run(false)).counts).toMatchObject({ customersCreated: 1, subscriptionsCreated: 1, invalid: 1 });
    expect((await run(true)).counts).toMatchObject({ customersCreated: 1, subscriptionsCreated: 1, invalid: 1 });
    const events = await db.sql.query(`SELECT count(*)::int AS n FROM subscription_events e JOIN subscriptions s ON s.id = e.subscription_id WHERE s.serial_number = 'ABCD-EFGH-JKLM-NP23'`);
    expect(events).toEqual([{ n: 1 }]);
    expect((await run(true)).counts).toMatchObject({ customersCreated: 0, subscriptionsCreated: 0, unchanged: 1, invalid: 1 });
  });
});
