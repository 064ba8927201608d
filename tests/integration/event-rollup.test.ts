// The dashboard's rollup (subscription_event_daily) equals a full recount of the event log after a
// mixed workload through every path that writes events — actions at once on many serials, the
// sweep, the desktop license API, the manufacturer freeing a computer, a multi-row bulk insert
// across days and accounts, and a transaction that rolls back — on PostgreSQL and on PGlite.
import { afterAll, beforeAll, describe, expect, it } from "vitest";
import { deactivateMachineByManufacturer } from "@/lib/data/activations";
import { licenseDbFromSqlClient } from "@/lib/data/license-db";
import { releaseExpiredSuspensions, transitionSubscription } from "@/lib/data/subscription-transitions";
import { openDatabase, type Database } from "@/lib/db/connection";
import { migrate } from "@/lib/db/migrator";
import { closePglite } from "@/lib/db/pglite";
import type { SqlClient } from "@/lib/db/sql-client";
import { createLicenseApi } from "@/lib/license/api";
import { createCustomer, createManufacturerWithStaff, createReason, createSubscription } from "../support/factories";
import { testDatabase } from "../support/test-database";
import { GENEROUS_LIMITS, machine, nonce, testSigningKey } from "./license-test-client";

const RECOUNT = `SELECT account_id, (created_at AT TIME ZONE 'America/Sao_Paulo')::date::text AS day, type::text, count(*)::int AS count
                   FROM subscription_events GROUP BY 1, 2, 3 ORDER BY 1, 2, 3`;
const ROLLUP = `SELECT account_id, day::text, type::text, count FROM subscription_event_daily ORDER BY 1, 2, 3`;

async function expectRollupEqualsRecount(sql: SqlClient) {
  const [rollup, recount] = await Promise.all([sql.query(ROLLUP), sql.query(RECOUNT)]);
  expect(rollup.length).toBeGreaterThan(0);
  expect(rollup).toEqual(recount);
}

/** Events of two accounts across days, in one statement, around São Paulo's midnight. */
const BULK_INSERT = `
INSERT INTO subscription_events (subscription_id, account_id, actor_kind, type, created_at)
SELECT s.id, s.manufacturer_id, 'SYSTEM', (ARRAY['RENEWED','CREATED','SUSPENDED']::"EventType"[])[1 + g % 3],
       timestamptz '2026-11-01 02:30Z' + g * interval '7 hours'
  FROM subscriptions s CROSS JOIN generate_series(0, 40) g
 WHERE s.id = ANY($1::uuid[])`;

let db: Database;

beforeAll(async () => {
  db = await testDatabase();
});

describe("the events rollup on PostgreSQL", () => {
  it("equals a full recount after a mixed workload", async () => {
    const a = await createManufacturerWithStaff(db);
    const b = await createManufacturerWithStaff(db);
    const reason = await createReason(db, a.account.id);
    const cancelReason = await createReason(db, a.account.id, { kind: "CANCELAMENTO" });
    const customer = await createCustomer(db, a.account.id);
    const serials = await Promise.all(Array.from({ length: 12 }, () => createSubscription(db, customer)));
    const other = await createSubscription(db, await createCustomer(db, b.account.id));
    const actor = { kind: "USER" as const, userId: a.fabricante.id, accountId: a.account.id };

    // Actions at once, then the releases and cancellations that follow.
    await Promise.all(
      serials.map((s) => transitionSubscription(a.account.id, s.serialNumber, "SUSPEND", { reasonId: reason.id }, actor)),
    );
    await Promise.all(
      serials
        .slice(0, 6)
        .map((s, i) =>
          transitionSubscription(
            a.account.id,
            s.serialNumber,
            i % 2 ? "RELEASE" : "CANCEL",
            i % 2 ? {} : { reasonId: cancelReason.id },
            actor,
          ),
        ),
    );
    // The sweep releases a suspension whose date has passed.
    await db.sql.query(`UPDATE subscriptions SET suspended_until = now() - interval '1 hour' WHERE id = $1`, [serials[7]!.id]);
    expect((await releaseExpiredSuspensions()).map((r) => r.serialNumber)).toContain(serials[7]!.serialNumber);

    // The desktop license API: activations, a swap, a release, at once on several serials.
    const api = createLicenseApi({ db: licenseDbFromSqlClient(db.sql), key: testSigningKey(), limits: GENEROUS_LIMITS });
    const post = (path: string, body: unknown) =>
      api({
        method: "POST",
        path: `/api/v1/licenses/${path}`,
        contentType: "application/json",
        body: JSON.stringify(body),
        bodyTooLarge: false,
        ip: "127.0.0.1",
      });
    const fresh = [other, ...(await Promise.all(Array.from({ length: 4 }, () => createSubscription(db, customer))))];
    await Promise.all(fresh.map((s) => post("activate", { serialNumber: s.serialNumber, machine: machine(), nonce: nonce() })));
    const second = machine();
    await post("activate", { serialNumber: fresh[1]!.serialNumber, machine: second, nonce: nonce() });
    await post("deactivate", { serialNumber: fresh[1]!.serialNumber, machineId: second.id, nonce: nonce() });
    // The manufacturer frees a computer.
    const [active] = await db.sql.query<{ id: string }>(
      `SELECT id FROM activations WHERE subscription_id = $1 AND deactivated_at IS NULL`,
      [fresh[2]!.id],
    );
    await deactivateMachineByManufacturer({
      manufacturerId: a.account.id,
      userId: a.fabricante.id,
      serialNumber: fresh[2]!.serialNumber,
      activationId: active!.id,
      note: "Computador devolvido",
    });

    // A bulk load across days and both accounts, and a transaction that rolls back.
    await db.sql.query(BULK_INSERT, [[serials[11]!.id, other.id]]);
    await db.sql
      .transaction(async (tx) => {
        await tx.query(BULK_INSERT, [[serials[10]!.id]]);
        throw new Error("rolled back on purpose");
      })
      .catch(() => undefined);

    const [{ n }] = (await db.sql.query<{ n: number }>(`SELECT count(*)::int AS n FROM subscription_events`)) as [{ n: number }];
    expect(n).toBeGreaterThan(100);
    await expectRollupEqualsRecount(db.sql);
    // São Paulo days: 02:30 UTC on 1 Nov is still 31 Oct there.
    const [day] = await db.sql.query<{ count: number }>(
      `SELECT count FROM subscription_event_daily WHERE account_id = $1 AND day = '2026-10-31' AND type = 'RENEWED'`,
      [b.account.id],
    );
    expect(day?.count).toBe(1);
  });
});

describe("the events rollup on PGlite", () => {
  const DATA_DIR = "memory://event-rollup";
  let lite: Database;
  beforeAll(async () => {
    lite = await openDatabase({ kind: "pglite", dataDir: DATA_DIR });
    await migrate(lite.sql);
  });
  afterAll(async () => {
    await lite.close();
    await closePglite(DATA_DIR);
  });

  it("is kept by the same trigger", async () => {
    const account = await createManufacturerWithStaff(lite);
    const customer = await createCustomer(lite, account.account.id);
    const subscription = await createSubscription(lite, customer);
    await lite.sql.query(BULK_INSERT, [[subscription.id]]);
    await lite.sql.query(BULK_INSERT, [[subscription.id]]);
    await expectRollupEqualsRecount(lite.sql);
  });
});
