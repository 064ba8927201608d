// The demo data covers every situation of the status table, and the SQL twin of the status rule
// agrees with deriveDisplayStatus on every seeded serial.
import { beforeAll, describe, expect, it } from "vitest";
import { dashboardNumbers } from "@/lib/data/dashboard";
import { situationCase } from "@/lib/data/status-sql";
import type { Database } from "@/lib/db/connection";
import { deriveDisplayStatus, SITUATIONS, type Situation, type StoredStatus } from "@/lib/domain/subscription-status";
import { seedDemo } from "@/prisma/seed/demo";
import { DEMO_LOGINS } from "@/prisma/seed/demo-logins";
import { testDatabase } from "../support/test-database";

const now = new Date();
let db: Database;

beforeAll(async () => {
  db = await testDatabase();
  await seedDemo(db, now);
});

describe("demo seed", () => {
  it("creates every demo login, with the Fabricante in two manufacturer accounts", async () => {
    const users = await db.prisma.user.findMany({ include: { memberships: { include: { account: true } } } });
    for (const login of DEMO_LOGINS) expect(users.map((user) => user.email)).toContain(login.email);
    const fabricante = users.find((user) => user.email === "fabricante@demo.test")!;
    const manufacturerMemberships = fabricante.memberships.filter(
      (m) => m.account.kind === "FABRICANTE" && m.profiles.includes("FABRICANTE"),
    );
    expect(manufacturerMemberships).toHaveLength(2);
    const admin = users.find((user) => user.email === "admin@demo.test")!;
    expect(admin.memberships.flatMap((m) => m.profiles)).toEqual(["ADMINISTRADOR"]);
    const lojista = users.find((user) => user.email === "lojista@demo.test")!;
    expect(lojista.memberships[0]?.account.kind).toBe("LOJISTA");
  });

  it("covers every precise situation in the first manufacturer and in the lojista's own serials", async () => {
    const rows = await db.sql.query<{ scope: string; situation: Situation; n: number }>(
      `SELECT CASE WHEN c.account_id IS NOT NULL THEN 'lojista' ELSE m.name END AS scope,
              ${situationCase("$1")} AS situation, count(*)::int AS n
         FROM subscriptions s JOIN customers c ON c.id = s.customer_id JOIN accounts m ON m.id = s.manufacturer_id
        GROUP BY 1, 2`,
      [now],
    );
    for (const scope of ["Móveis Aurora Indústria", "lojista"]) {
      const present = rows.filter((row) => row.scope === scope && row.n > 0).map((row) => row.situation);
      expect(present.sort(), scope).toEqual([...SITUATIONS].sort());
    }
  });

  it("gives blocked serials a reason of the right kind and recent swaps a history", async () => {
    const blocked = await db.sql.query<{ status: string; kind: string | null }>(
      `SELECT s.status, r.kind FROM subscriptions s LEFT JOIN reasons r ON r.id = s.block_reason_id WHERE s.status IN ('SUSPENSA', 'CANCELADA')`,
    );
    expect(blocked.length).toBeGreaterThan(10);
    for (const row of blocked) expect(row.kind).toBe(row.status === "SUSPENSA" ? "SUSPENSAO" : "CANCELAMENTO");
    const [swaps] = await db.sql.query<{ n: number }>(
      `SELECT count(*)::int AS n FROM activations WHERE deactivation_cause = 'SWAP' AND deactivated_at >= $1::timestamptz - interval '30 days'`,
      [now],
    );
    expect(swaps?.n).toBeGreaterThan(5);
  });

  it("agrees with the SQL twin of the status rule on every serial", async () => {
    const rows = await db.sql.query<{ status: StoredStatus; expires_at: Date; grace_days: number; situation: Situation }>(
      `SELECT s.status, s.expires_at, m.grace_days, ${situationCase("$1")} AS situation
         FROM subscriptions s JOIN accounts m ON m.id = s.manufacturer_id`,
      [now],
    );
    expect(rows.length).toBeGreaterThanOrEqual(300);
    for (const row of rows) {
      expect(row.situation).toBe(
        deriveDisplayStatus({ status: row.status, expiresAt: new Date(row.expires_at) }, row.grace_days, now).situation,
      );
    }
  });
});

describe("home numbers", () => {
  it("count the manufacturer's serials and customers, and a lojista's manufacturers", async () => {
    const manufacturer = await db.prisma.account.findFirstOrThrow({ where: { name: "Móveis Aurora Indústria" } });
    const numbers = await dashboardNumbers(
      { kind: "manufacturer", accountId: manufacturer.id, graceDays: manufacturer.graceDays },
      now,
    );
    expect(numbers.total).toBe(await db.prisma.subscription.count({ where: { manufacturerId: manufacturer.id } }));
    expect(numbers.counterparts).toBe(
      (await db.prisma.subscription.groupBy({ by: ["customerId"], where: { manufacturerId: manufacturer.id } })).length,
    );
    // Each situation's count is the domain rule applied to every serial, one by one.
    const serials = await db.prisma.subscription.findMany({
      where: { manufacturerId: manufacturer.id },
      select: { status: true, expiresAt: true, lastSwapAt: true },
    });
    const expected = Object.fromEntries(SITUATIONS.map((situation) => [situation, 0]));
    for (const serial of serials) expected[deriveDisplayStatus(serial, manufacturer.graceDays, now).situation]! += 1;
    expect(numbers.bySituation).toEqual(expected);
    expect(
      new Set(serials.map((serial) => deriveDisplayStatus(serial, manufacturer.graceDays, now).situation)).size,
    ).toBeGreaterThan(3);
    const monthAgo = now.getTime() - 30 * 24 * 60 * 60 * 1000;
    expect(numbers.recentSwaps).toBe(
      serials.filter((serial) => serial.lastSwapAt && serial.lastSwapAt.getTime() >= monthAgo).length,
    );
    expect(numbers.recentSwaps).toBeGreaterThan(0);
    const lojista = await db.prisma.account.findFirstOrThrow({ where: { kind: "LOJISTA" } });
    const own = await dashboardNumbers({ kind: "customer", accountId: lojista.id }, now);
    expect(own.counterparts).toBe(2);
    expect(own.total).toBe(await db.prisma.subscription.count({ where: { customer: { accountId: lojista.id } } }));
  });
});
