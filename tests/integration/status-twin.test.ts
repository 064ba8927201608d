// The SQL twin of the status rule (lib/data/status-sql.ts) gives the same answer as
// deriveDisplayStatus at every boundary — the last instant of the paid period, the last instant of
// the tolerance — for several grace periods, even in a session whose time zone changes its clocks.
import { describe, expect, it } from "vitest";
import { badgePredicate, situationCase, situationPredicate } from "@/lib/data/status-sql";
import { BADGES, deriveDisplayStatus, SITUATIONS, type StoredStatus } from "@/lib/domain/subscription-status";
import { createAccount, createCustomer, createSubscription } from "../support/factories";
import { testDatabase } from "../support/test-database";

const HOUR = 60 * 60 * 1000;
const DAY = 24 * HOUR;

describe("status rule: TypeScript and SQL agree", () => {
  it.each(["UTC", "America/New_York", "America/Sao_Paulo"])("at every boundary, in a session on %s", async (timeZone) => {
    const db = await testDatabase();
    // Ten days after the USA moved its clocks (8 March 2026): a days-based interval would be off by an hour.
    const now = new Date("2026-03-18T12:00:00.000Z");
    const rows: { id: string; status: StoredStatus; expiresAt: Date; graceDays: number }[] = [];
    for (const graceDays of [0, 10, 15]) {
      const account = await createAccount(db, { graceDays });
      const customer = await createCustomer(db, account.id);
      const edges = [
        0,
        -1,
        1,
        -graceDays * DAY,
        -graceDays * DAY - 1,
        -graceDays * DAY + 1,
        -graceDays * DAY - HOUR,
        -graceDays * DAY + HOUR,
        5 * DAY,
        -40 * DAY,
      ];
      for (const offset of edges) {
        for (const status of ["ATIVA", "PENDENTE", "SUSPENSA", "CANCELADA"] as const) {
          const expiresAt = new Date(now.getTime() + offset);
          const subscription = await createSubscription(db, customer, {
            status,
            expiresAt,
            startedAt: new Date(expiresAt.getTime() - 400 * DAY),
          });
          rows.push({ id: subscription.id, status, expiresAt, graceDays });
        }
      }
    }

    await db.sql.transaction(async (conn) => {
      // Only for this transaction: the pool's sessions stay in UTC.
      await conn.query(`SELECT set_config('TimeZone', $1, true)`, [timeZone]);
      const predicates = [
        ...SITUATIONS.map((situation) => `${situationPredicate(situation, "$1::timestamptz", "s")} AS "s_${situation}"`),
        ...BADGES.map((badge) => `${badgePredicate(badge, "$1::timestamptz", "s")} AS "b_${badge}"`),
      ];
      const result = await conn.query<Record<string, unknown> & { id: string; situation: string }>(
        `SELECT s.id, ${situationCase("$1::timestamptz")} AS situation, ${predicates.join(", ")}
           FROM subscriptions s JOIN accounts m ON m.id = s.manufacturer_id WHERE s.id = ANY($2::uuid[])`,
        [now, rows.map((row) => row.id)],
      );
      expect(result).toHaveLength(rows.length);
      for (const sqlRow of result) {
        const row = rows.find((candidate) => candidate.id === sqlRow.id)!;
        const expected = deriveDisplayStatus(row, row.graceDays, now);
        const label = `${row.status} grace=${row.graceDays} expires=${row.expiresAt.toISOString()}`;
        expect(sqlRow.situation, label).toBe(expected.situation);
        for (const situation of SITUATIONS)
          expect(sqlRow[`s_${situation}`], `${label} ${situation}`).toBe(situation === expected.situation);
        for (const badge of BADGES) expect(sqlRow[`b_${badge}`], `${label} ${badge}`).toBe(badge === expected.badge);
      }
    });
  });
});
