// The dashboard's numbers select what the list selects behind each of its links, count events per
// São Paulo day for the weekly charts, and rank customers by computer changes as the list counts them.
import { beforeAll, describe, expect, it } from "vitest";
import {
  activeByProduct,
  eventsPerDay,
  EXPIRY_HORIZONS,
  expiringCounts,
  expiringFilters,
  topSwapCustomers,
} from "@/lib/data/dashboard-trends";
import { listSubscriptions } from "@/lib/data/subscription-list";
import type { SubscriptionScope } from "@/lib/data/subscription-scope";
import type { Database } from "@/lib/db/connection";
import { addDays } from "@/lib/domain/dashboard-weeks";
import { isoDateInSaoPaulo } from "@/lib/format";
import { DEFAULT_FILTERS } from "@/lib/validation/subscription-filters";
import { createAccount, createCustomer, createSubscription } from "../support/factories";
import { testDatabase } from "../support/test-database";

const DAY = 24 * 60 * 60 * 1000;
const now = new Date();
const today = isoDateInSaoPaulo(now);

let db: Database;
let manufacturer: SubscriptionScope;
let lojista: SubscriptionScope;
let busy: { id: string; name: string; manufacturerId: string };
let calm: { id: string; name: string; manufacturerId: string };

/** A closed SWAP activation (and the serial's last swap) `daysAgo` days ago. */
async function swap(subscriptionId: string, daysAgo: number) {
  const at = new Date(now.getTime() - daysAgo * DAY);
  await db.sql.query(
    `INSERT INTO activations (subscription_id, machine_id, machine_name, os, app_version, activated_at, last_seen_at, deactivated_at, deactivation_cause)
     VALUES ($1, md5(random()::text), 'MAQ', 'Windows', '1.0', $2, $2, $2, 'SWAP')`,
    [subscriptionId, at],
  );
  await db.sql.query(`UPDATE subscriptions SET last_swap_at = greatest(coalesce(last_swap_at, $2), $2) WHERE id = $1`, [
    subscriptionId,
    at,
  ]);
}

beforeAll(async () => {
  db = await testDatabase();
  const account = await createAccount(db, { graceDays: 10 });
  const other = await createAccount(db);
  const shop = await createAccount(db, { kind: "LOJISTA" });
  manufacturer = { kind: "manufacturer", accountId: account.id, graceDays: 10 };
  lojista = { kind: "customer", accountId: shop.id };
  busy = await createCustomer(db, account.id, { name: "Loja Movimentada", accountId: shop.id });
  calm = await createCustomer(db, account.id, { name: "Loja Calma" });
  const foreign = await createCustomer(db, other.id);
  // Expiries around each horizon's edges, in both products; some not Ativa.
  for (const [days, product, status] of [
    [-1, "Alfa", "ATIVA"],
    [0.2, "Alfa", "ATIVA"],
    [29, "Alfa", "ATIVA"],
    [30.5, "Beta", "ATIVA"],
    [31.5, "Beta", "ATIVA"],
    [59, "Alfa", "SUSPENSA"],
    [60.2, "Beta", "ATIVA"],
    [89, "Alfa", "ATIVA"],
    [91.5, "Beta", "ATIVA"],
    [200, "Beta", "ATIVA"],
  ] as const) {
    await createSubscription(db, days > 50 ? calm : busy, {
      product,
      status,
      expiresAt: new Date(now.getTime() + days * DAY),
    });
  }
  await createSubscription(db, foreign, { expiresAt: new Date(now.getTime() + 5 * DAY) });
  const [first, second] = await db.prisma.subscription.findMany({ where: { customerId: busy.id }, take: 2 });
  const [third] = await db.prisma.subscription.findMany({ where: { customerId: calm.id }, take: 1 });
  for (const daysAgo of [1, 2, 40]) await swap(first!.id, daysAgo);
  await swap(second!.id, 3);
  await swap(third!.id, 5);
  await swap(third!.id, 45);
});

describe("dashboard numbers", () => {
  it("count the serials expiring in 30 / 60 / 90 days exactly as the list's filter behind each link", async () => {
    const counts = await expiringCounts(manufacturer, today, now);
    for (const days of EXPIRY_HORIZONS) {
      const page = await listSubscriptions(manufacturer, expiringFilters(today, days), now, { withSerials: false });
      expect(counts[days], `${days} days`).toBe(page.serialCount);
    }
    expect(counts[30]).toBeGreaterThanOrEqual(2);
    expect(counts[90]).toBeGreaterThan(counts[30]);
  });

  it("count active serials per product as the list's Ativa + product filter", async () => {
    const products = await activeByProduct(manufacturer, now);
    expect(products.map((p) => p.product).sort()).toEqual(["Alfa", "Beta"]);
    for (const { product, count } of products) {
      const page = await listSubscriptions(
        manufacturer,
        { ...DEFAULT_FILTERS, status: ["ATIVA"], situacao: [], produto: product },
        now,
        {
          withSerials: false,
        },
      );
      expect(count, product).toBe(page.serialCount);
    }
  });

  it("rank customers by computer changes in the last 30 days", async () => {
    expect(await topSwapCustomers(manufacturer, now)).toEqual([
      expect.objectContaining({ id: busy.id, swaps: 3 }),
      expect.objectContaining({ id: calm.id, swaps: 1 }),
    ]);
    expect(await topSwapCustomers(lojista, now)).toEqual([expect.objectContaining({ id: busy.id, swaps: 3 })]);
    const withSwaps = await listSubscriptions(manufacturer, { ...DEFAULT_FILTERS, status: [], situacao: [], trocas: true }, now, {
      withSerials: false,
    });
    expect(withSwaps.serialCount).toBe(3);
  });

  it("count events per São Paulo day from the rollup for a manufacturer, and from the log for a lojista", async () => {
    const [sub] = await db.prisma.subscription.findMany({ where: { customerId: busy.id }, take: 1 });
    const [calmSub] = await db.prisma.subscription.findMany({ where: { customerId: calm.id }, take: 1 });
    const at = (daysAgo: number) => new Date(now.getTime() - daysAgo * DAY);
    for (const [subscriptionId, type, daysAgo] of [
      [sub!.id, "SUSPENDED", 0],
      [sub!.id, "RELEASED", 0],
      [calmSub!.id, "SUSPENDED", 0],
      [calmSub!.id, "SUSPENDED", 9],
    ] as const) {
      await db.sql.query(
        `INSERT INTO subscription_events (subscription_id, account_id, actor_kind, type, created_at)
         VALUES ($1, $2, 'SYSTEM', $3::"EventType", $4)`,
        [subscriptionId, manufacturer.accountId, type, at(daysAgo)],
      );
    }
    const since = addDays(today, -30);
    const byKey = (rows: { day: string; key: string; count: number }[]) =>
      Object.fromEntries(rows.map((row) => [`${row.day} ${row.key}`, row.count]));
    expect(byKey(await eventsPerDay(manufacturer, since, ["SUSPENDED", "RELEASED"]))).toEqual({
      [`${today} SUSPENDED`]: 2,
      [`${today} RELEASED`]: 1,
      [`${isoDateInSaoPaulo(at(9))} SUSPENDED`]: 1,
    });
    expect(byKey(await eventsPerDay(lojista, since, ["SUSPENDED", "RELEASED"]))).toEqual({
      [`${today} SUSPENDED`]: 1,
      [`${today} RELEASED`]: 1,
    });
  });
});
