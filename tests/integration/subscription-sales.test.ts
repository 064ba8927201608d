// Novo cliente, Nova assinatura and Registrar renovação in lib/data: effects, the event written in the
// same transaction (with its webhook delivery and rollup), every refusal writing nothing, and tenancy.
import { beforeAll, describe, expect, it } from "vitest";
import { createCustomer, updateCustomer } from "@/lib/data/customers";
import { createSubscription } from "@/lib/data/subscription-sales";
import { renewSubscription } from "@/lib/data/subscription-renewal";
import type { SubscriptionScope } from "@/lib/data/subscription-scope";
import type { Database } from "@/lib/db/connection";
import type { Actor } from "@/lib/domain/actor";
import { addPlanPeriods } from "@/lib/domain/renewal";
import { AppError } from "@/lib/errors";
import { customerInputSchema } from "@/lib/validation/customer";
import * as factories from "../support/factories";
import { testDatabase } from "../support/test-database";

const DAY = 24 * 60 * 60 * 1000;
let db: Database;
let scope: SubscriptionScope;
let foreignScope: SubscriptionScope;
let user: Actor;
let apiKey: Actor;
let existing: { id: string; manufacturerId: string };

function customerInput(document: string, name = "Móveis Aurora Ltda") {
  return customerInputSchema.parse({ name, document, type: "LOJISTA", city: "Campinas", state: "SP", email: "a@aurora.com.br" });
}

async function refusal(promise: Promise<unknown>): Promise<AppError> {
  const error = await promise.then(
    () => null,
    (caught: unknown) => caught,
  );
  expect(error).toBeInstanceOf(AppError);
  return error as AppError;
}

async function counts() {
  const [row] = await db.sql.query<{ customers: number; subscriptions: number; events: number; deliveries: number }>(
    `SELECT (SELECT count(*)::int FROM customers) AS customers, (SELECT count(*)::int FROM subscriptions) AS subscriptions,
            (SELECT count(*)::int FROM subscription_events) AS events, (SELECT count(*)::int FROM webhook_deliveries) AS deliveries`,
  );
  return row!;
}

beforeAll(async () => {
  db = await testDatabase();
  const staff = await factories.createManufacturerWithStaff(db);
  const foreign = await factories.createManufacturerWithStaff(db);
  scope = { kind: "manufacturer", accountId: staff.account.id, graceDays: 15 };
  foreignScope = { kind: "manufacturer", accountId: foreign.account.id, graceDays: 15 };
  user = { kind: "USER", userId: staff.fabricante.id, accountId: staff.account.id };
  apiKey = { kind: "API_KEY", accountId: staff.account.id, apiKeyId: "00000000-0000-4000-8000-000000000001", label: "ERP Aurora" };
  // The manufacturer's catalog: the products it already sells.
  existing = await factories.createCustomer(db, staff.account.id);
  await factories.createSubscription(db, existing, { product: "Projetista 3D Pro" });
  await factories.createSubscription(db, existing, { product: "Render Studio" });
  await db.sql.query(
    `INSERT INTO webhook_endpoints (account_id, url, event_types, secret) VALUES ($1, 'https://erp.example.com/hook', $2, 'whsec_x')`,
    [staff.account.id, ["serial.created", "serial.renewed", "account.changed"]],
  );
});

describe("createCustomer / updateCustomer", () => {
  it("creates a customer and records who did it in the account's log", async () => {
    const customer = await createCustomer(scope, customerInput("11.222.333/0001-81"), user);
    expect(customer).toMatchObject({ name: "Móveis Aurora Ltda", document: "11222333000181", state: "SP" });
    const [event] = await db.sql.query(
      `SELECT type, actor_kind, actor_user_id, target_id FROM account_events WHERE target_id = $1`,
      [customer.id],
    );
    expect(event).toEqual({ type: "customer.created", actor_kind: "USER", actor_user_id: user.kind === "USER" ? user.userId : null, target_id: customer.id });
  });

  it("a duplicate document in the same manufacturer is a field error and writes nothing; another manufacturer may have it", async () => {
    await createCustomer(scope, customerInput("52998224725", "Ana Projetos"), user);
    const before = await counts();
    const error = await refusal(createCustomer(scope, customerInput("529.982.247-25", "Outra Ana"), apiKey));
    expect(error.status).toBe(409);
    expect(error.fieldErrors).toEqual({ document: ["documentTaken"] });
    expect(await counts()).toEqual(before);
    await expect(createCustomer(foreignScope, customerInput("52998224725"), user)).resolves.toMatchObject({ document: "52998224725" });
  });

  it("updates a customer, refuses another's document and hides a foreign customer", async () => {
    const customer = await createCustomer(scope, customerInput("45.723.174/0001-10", "Estúdio Norte"), user);
    const updated = await updateCustomer(scope, customer.id, { ...customerInput("45723174000110", "Estúdio Norte Ltda"), city: "Santos" }, apiKey);
    expect(updated).toMatchObject({ name: "Estúdio Norte Ltda", city: "Santos" });
    const [log] = await db.sql.query<{ actor_label: string; before: unknown; after: unknown }>(
      `SELECT actor_label, before, after FROM account_events WHERE target_id = $1 AND type = 'customer.updated'`,
      [customer.id],
    );
    expect(log).toEqual({
      actor_label: "ERP Aurora",
      before: { name: "Estúdio Norte", city: "Campinas" },
      after: { name: "Estúdio Norte Ltda", city: "Santos" },
    });
    const taken = await refusal(updateCustomer(scope, customer.id, customerInput("11222333000181"), user));
    expect(taken.fieldErrors).toEqual({ document: ["documentTaken"] });
    expect((await refusal(updateCustomer(foreignScope, customer.id, customerInput("45723174000110"), user))).status).toBe(404);
  });

  it("a lojista's scope can't create customers", async () => {
    const error = await refusal(createCustomer({ kind: "customer", accountId: scope.accountId }, customerInput("06990590000123"), user));
    expect(error.status).toBe(403);
  });
});

describe("createSubscription", () => {
  it("creates an Ativa serial in the portal's format with its first period, a CREATED event and its webhook", async () => {
    const customer = await createCustomer(scope, customerInput("06.990.590/0001-23", "Loja Sul"), user);
    const before = await counts();
    const created = await createSubscription(
      scope,
      { customerId: customer.id, product: "  render   studio ", plan: "MENSAL", startedAt: "2026-12-08" },
      apiKey,
    );
    expect(created).toMatchObject({ product: "Render Studio", plan: "MENSAL", status: "ATIVA" });
    expect(created.serialNumber).toMatch(/^[A-HJ-NP-Z2-9]{4}(-[A-HJ-NP-Z2-9]{4}){3}$/);
    expect(created.startedAt).toEqual(new Date("2026-12-08T00:00:00-03:00"));
    expect(created.expiresAt).toEqual(new Date("2027-01-08T23:59:59.999-03:00"));
    const [event] = await db.sql.query(
      `SELECT type, actor_kind, actor_label, to_status, expires_to FROM subscription_events WHERE subscription_id = $1`,
      [created.id],
    );
    expect(event).toEqual({ type: "CREATED", actor_kind: "API_KEY", actor_label: "ERP Aurora", to_status: "ATIVA", expires_to: created.expiresAt });
    const [delivery] = await db.sql.query<{ event_type: string; payload: { data: { serialNumber: string; actor: unknown } } }>(
      `SELECT event_type, payload FROM webhook_deliveries WHERE serial_number = $1`,
      [created.serialNumber],
    );
    expect(delivery!.event_type).toBe("serial.created");
    expect(delivery!.payload.data).toMatchObject({ serialNumber: created.serialNumber, actor: { kind: "API_KEY", name: "ERP Aurora" } });
    const after = await counts();
    expect(after).toEqual({ ...before, subscriptions: before.subscriptions + 1, events: before.events + 1, deliveries: before.deliveries + 1 });
    const [rollup] = await db.sql.query<{ count: number }>(
      `SELECT count FROM subscription_event_daily WHERE account_id = $1 AND type = 'CREATED'`,
      [scope.accountId],
    );
    expect(rollup!.count).toBeGreaterThanOrEqual(1);
  });

  it("refuses an unknown product, an unknown or foreign customer, writing nothing", async () => {
    const customer = await createCustomer(scope, customerInput("33.000.167/0001-01", "Loja Leste"), user);
    const foreignCustomer = await createCustomer(foreignScope, customerInput("33000167000101"), user);
    const before = await counts();
    const unknownProduct = await refusal(createSubscription(scope, { customerId: customer.id, product: "Planilha Mágica", plan: "ANUAL" }, user));
    expect(unknownProduct.fieldErrors).toEqual({ product: ["productUnknown"] });
    expect(unknownProduct.status).toBe(400);
    const foreign = await refusal(createSubscription(scope, { customerId: foreignCustomer.id, product: "Render Studio", plan: "ANUAL" }, user));
    expect(foreign.fieldErrors).toEqual({ customerId: ["customerUnknown"] });
    expect(await counts()).toEqual(before);
  });
});

describe("renewSubscription", () => {
  it("counts from the old expiry (retroactive), keeps the status and writes RENEWED with expiry from → to", async () => {
    const expiresAt = new Date(Date.now() - 40 * DAY);
    const serial = await factories.createSubscription(db, existing, { plan: "MENSAL", expiresAt });
    const result = await renewSubscription(scope, serial.serialNumber.toLowerCase(), 2, user);
    const expected = addPlanPeriods(expiresAt, "MENSAL", 2);
    expect(result).toEqual({ serialNumber: serial.serialNumber, periods: 2, from: "ATIVA", to: "ATIVA", expiresFrom: expiresAt, expiresTo: expected });
    const row = await db.prisma.subscription.findUniqueOrThrow({ where: { id: serial.id } });
    expect(row.expiresAt).toEqual(expected);
    const [event] = await db.sql.query(
      `SELECT type, from_status, to_status, expires_from, expires_to FROM subscription_events WHERE subscription_id = $1`,
      [serial.id],
    );
    expect(event).toEqual({ type: "RENEWED", from_status: "ATIVA", to_status: "ATIVA", expires_from: expiresAt, expires_to: expected });
    const [delivery] = await db.sql.query(`SELECT event_type FROM webhook_deliveries WHERE serial_number = $1`, [serial.serialNumber]);
    expect(delivery).toEqual({ event_type: "serial.renewed" });
  });

  it("activates a PENDENTE serial, keeps a SUSPENSA one suspended", async () => {
    const pending = await factories.createSubscription(db, existing, { status: "PENDENTE", billingState: "PAUSADA" });
    expect(await renewSubscription(scope, pending.serialNumber, 1, user)).toMatchObject({ from: "PENDENTE", to: "ATIVA" });
    expect(await db.prisma.subscription.findUniqueOrThrow({ where: { id: pending.id } })).toMatchObject({ status: "ATIVA", billingState: "ATIVA" });
    const suspended = await factories.createSubscription(db, existing, { status: "SUSPENSA", billingState: "PAUSADA" });
    expect(await renewSubscription(scope, suspended.serialNumber, 1, user)).toMatchObject({ from: "SUSPENSA", to: "SUSPENSA" });
    expect(await db.prisma.subscription.findUniqueOrThrow({ where: { id: suspended.id } })).toMatchObject({ status: "SUSPENSA", billingState: "PAUSADA" });
  });

  it("refuses a cancelled serial (409), a foreign one (404) and zero periods, writing nothing", async () => {
    const cancelled = await factories.createSubscription(db, existing, { status: "CANCELADA", billingState: "ENCERRADA" });
    const before = await counts();
    const conflict = await refusal(renewSubscription(scope, cancelled.serialNumber, 1, user));
    expect(conflict.status).toBe(409);
    expect(conflict.messageRef).toEqual({ key: "actions.conflict.RENEW", values: { serial: cancelled.serialNumber, status: "CANCELADA" } });
    expect((await refusal(renewSubscription(foreignScope, cancelled.serialNumber, 1, user))).status).toBe(404);
    expect((await refusal(renewSubscription(scope, cancelled.serialNumber, 0, user))).status).toBe(400);
    expect(await counts()).toEqual(before);
    const row = await db.prisma.subscription.findUniqueOrThrow({ where: { id: cancelled.id } });
    expect(row.expiresAt).toEqual(cancelled.expiresAt);
  });

  it("concurrent renewals of one serial both count: no lost period, one event each", async () => {
    const serial = await factories.createSubscription(db, existing, { plan: "MENSAL" });
    await Promise.all(Array.from({ length: 4 }, () => renewSubscription(scope, serial.serialNumber, 1, user)));
    const row = await db.prisma.subscription.findUniqueOrThrow({ where: { id: serial.id } });
    expect(row.expiresAt).toEqual(addPlanPeriods(serial.expiresAt, "MENSAL", 4));
    expect(await db.prisma.subscriptionEvent.count({ where: { subscriptionId: serial.id, type: "RENEWED" } })).toBe(4);
  });
});
