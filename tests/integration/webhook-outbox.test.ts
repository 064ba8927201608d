// The transactional outbox: every path that writes an event (portal action, sweep, desktop license
// API, account administration) gets its delivery rows in the same transaction — and a rolled-back
// change gets none.
import { afterEach, beforeAll, describe, expect, it } from "vitest";
import { recordAccountEvent } from "@/lib/data/account-events";
import { releaseExpiredSuspensions, transitionSubscription } from "@/lib/data/subscription-transitions";
import { createWebhookEndpoint, updateWebhookEndpoint } from "@/lib/data/webhook-endpoints";
import type { Database } from "@/lib/db/connection";
import { WEBHOOK_EVENT_TYPES } from "@/lib/domain/webhook-events";
import { accountChangedSchema, serialEventSchema } from "@/lib/validation/webhook-payloads";
import { licenseServer, machine, nonce } from "./license-test-client";
import { createCustomer, createManufacturerWithStaff, createReason, createSubscription } from "../support/factories";
import { testDatabase } from "../support/test-database";

let db: Database;
let staff: Awaited<ReturnType<typeof createManufacturerWithStaff>>;
let customer: { id: string; manufacturerId: string };
const api = licenseServer();

beforeAll(async () => {
  db = await testDatabase();
  staff = await createManufacturerWithStaff(db);
  customer = await createCustomer(db, staff.account.id);
});

afterEach(async () => {
  await db.sql.query(`DELETE FROM webhook_endpoints`);
});

const actor = () => ({ userId: staff.responsavel.id });
const allTypes = [...WEBHOOK_EVENT_TYPES];

async function deliveries(endpointId: string) {
  return db.sql.query<{ event_type: string; serial_number: string | null; event_id: string; payload: Record<string, never> }>(
    `SELECT event_type, serial_number, event_id, payload FROM webhook_deliveries WHERE endpoint_id = $1 ORDER BY seq`,
    [endpointId],
  );
}

describe("webhook outbox", () => {
  it("writes one delivery per subscribed endpoint with the portal action, carrying a snapshot of the serial", async () => {
    const reason = await createReason(db, staff.account.id, { label: "Inadimplência" });
    const subscription = await createSubscription(db, customer);
    const all = await createWebhookEndpoint(staff.account.id, actor(), {
      url: "https://example.com/a",
      eventTypes: allTypes,
      enabled: true,
    });
    const onlyCancel = await createWebhookEndpoint(staff.account.id, actor(), {
      url: "https://example.com/b",
      eventTypes: ["serial.cancelled"],
      enabled: true,
    });
    const off = await createWebhookEndpoint(staff.account.id, actor(), {
      url: "https://example.com/c",
      eventTypes: allTypes,
      enabled: false,
    });
    const other = await createManufacturerWithStaff(db);
    const foreign = await createWebhookEndpoint(
      other.account.id,
      { userId: other.responsavel.id },
      {
        url: "https://example.com/d",
        eventTypes: allTypes,
        enabled: true,
      },
    );
    await db.sql.query(`DELETE FROM webhook_deliveries`);

    await transitionSubscription(
      staff.account.id,
      subscription.serialNumber,
      "SUSPEND",
      { reasonId: reason.id, description: "atraso" },
      {
        kind: "USER",
        userId: staff.fabricante.id,
        accountId: staff.account.id,
      },
    );

    const [event] = await db.sql.query<{ id: string }>(`SELECT id FROM subscription_events WHERE subscription_id = $1`, [
      subscription.id,
    ]);
    const [delivery] = await deliveries(all.id);
    expect(delivery).toMatchObject({
      event_type: "serial.suspended",
      serial_number: subscription.serialNumber,
      event_id: event!.id,
    });
    expect(delivery!.payload).toMatchObject({
      id: event!.id,
      type: "serial.suspended",
      account: { id: staff.account.id, name: staff.account.name },
      data: {
        serialNumber: subscription.serialNumber,
        status: "SUSPENSA",
        previousStatus: "ATIVA",
        reason: { id: reason.id, label: "Inadimplência" },
        description: "atraso",
        customer: { id: customer.id },
        actor: { kind: "USER", name: staff.fabricante.name },
      },
    });
    expect(delivery!.payload.createdAt).toMatch(/^\d{4}-\d\d-\d\dT\d\d:\d\d:\d\d\.\d{3}Z$/);
    expect(await deliveries(onlyCancel.id)).toEqual([]);
    expect(await deliveries(off.id)).toEqual([]);
    expect(await deliveries(foreign.id)).toEqual([]);
  });

  it("a rolled-back change sends nothing", async () => {
    const subscription = await createSubscription(db, customer);
    const endpoint = await createWebhookEndpoint(staff.account.id, actor(), {
      url: "https://example.com/a",
      eventTypes: allTypes,
      enabled: true,
    });
    const before = (await deliveries(endpoint.id)).length;

    await expect(
      db.sql.transaction(async (tx) => {
        await tx.query(
          `INSERT INTO subscription_events (subscription_id, account_id, actor_kind, type) VALUES ($1, $2, 'SYSTEM', 'RENEWED')`,
          [subscription.id, staff.account.id],
        );
        await recordAccountEvent(tx, {
          accountId: staff.account.id,
          actor: { kind: "SYSTEM" },
          type: "x.test",
          target: { type: "x" },
        });
        expect((await tx.query(`SELECT 1 FROM webhook_deliveries WHERE endpoint_id = $1`, [endpoint.id])).length).toBe(
          before + 2,
        );
        throw new Error("abort");
      }),
    ).rejects.toThrow("abort");
    // A refused action (illegal transition) writes no event and so no delivery either.
    await expect(
      transitionSubscription(
        staff.account.id,
        subscription.serialNumber,
        "RELEASE",
        {},
        { kind: "SYSTEM", accountId: staff.account.id },
      ),
    ).rejects.toMatchObject({ code: "CONFLICT" });

    expect(await deliveries(endpoint.id)).toHaveLength(before);
  });

  it("covers the sweep, the desktop license API and the account's administration log", async () => {
    const endpoint = await createWebhookEndpoint(staff.account.id, actor(), {
      url: "https://example.com/a",
      eventTypes: allTypes,
      enabled: true,
    });
    const suspended = await createSubscription(db, customer, { status: "SUSPENSA", suspendedUntil: new Date(Date.now() - 1000) });
    await releaseExpiredSuspensions();

    const fresh = await createSubscription(db, customer);
    const computer = machine();
    const answer = await api.call("activate", { serialNumber: fresh.serialNumber, machine: computer, nonce: nonce() });
    expect(answer.status).toBe(200);
    await api.call("activate", { serialNumber: fresh.serialNumber, machine: machine(), nonce: nonce() });

    await updateWebhookEndpoint(staff.account.id, actor(), endpoint.id, {
      url: "https://example.com/a2",
      eventTypes: allTypes,
      enabled: true,
    });

    const rows = await deliveries(endpoint.id);
    expect(rows.map((row) => [row.event_type, row.serial_number])).toEqual([
      ["account.changed", null],
      ["serial.released", suspended.serialNumber],
      ["serial.activated", fresh.serialNumber],
      ["serial.swapped", fresh.serialNumber],
      ["account.changed", null],
    ]);
    expect(rows[0]!.payload).toMatchObject({ data: { change: "webhook.created", target: { type: "webhook", id: endpoint.id } } });
    expect(rows[1]!.payload).toMatchObject({ data: { actor: { kind: "SYSTEM" }, status: "ATIVA" } });
    expect(rows[2]!.payload).toMatchObject({
      data: { actor: { kind: "DESKTOP" }, machine: { machineId: computer.id, machineName: computer.name } },
    });
    expect(rows[4]!.payload).toMatchObject({
      data: { change: "webhook.updated", before: { url: "https://example.com/a" }, after: { url: "https://example.com/a2" } },
    });
    // What the OpenAPI document promises is what the triggers build.
    for (const row of rows) {
      const schema = row.event_type === "account.changed" ? accountChangedSchema : serialEventSchema;
      expect(schema.safeParse(row.payload).error).toBeUndefined();
    }
    // No secret ever goes into the log.
    expect(JSON.stringify(rows)).not.toContain("whsec_");
  });
});
