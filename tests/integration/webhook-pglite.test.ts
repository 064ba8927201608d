// The embedded default (no DATABASE_URL, `npm run demo`): the outbox triggers, NOTIFY wake-up and
// the worker run on PGlite as they do on PostgreSQL.
import { describe, expect, it } from "vitest";
import { webhookWorkerConfig } from "@/lib/webhooks/config";
import { listenForDeliveries } from "@/lib/webhooks/notifications";
import { startWebhookWorker } from "@/lib/webhooks/worker";
import { verifyWebhook } from "@/examples/verify-webhook.mjs";
import { createAccount, createCustomer, createSubscription } from "../support/factories";
import { startWebhookReceiver } from "../support/webhook-receiver";
import { pgliteTestDatabase } from "../support/pglite-database";

const DATA_DIR = "memory://webhooks-pglite";
const database = pgliteTestDatabase(DATA_DIR);

describe("webhooks on embedded PGlite", () => {
  it("an event committed in a transaction wakes the worker, which delivers it signed", async () => {
    const db = database();
    const hook = await startWebhookReceiver();
    const account = await createAccount(db);
    const subscription = await createSubscription(db, await createCustomer(db, account.id));
    const [endpoint] = await db.sql.query<{ id: string; secret: string }>(
      `INSERT INTO webhook_endpoints (account_id, url, event_types, secret) VALUES ($1, $2, $3, 'whsec_pglite') RETURNING id, secret`,
      [account.id, hook.url, ["serial.renewed"]],
    );
    // A long poll: only the NOTIFY can make the delivery leave quickly.
    const config = { ...webhookWorkerConfig("pglite", { NODE_ENV: "test" }), pollMs: 60_000 };
    const worker = startWebhookWorker(db.sql, config);
    const unlisten = await listenForDeliveries({ kind: "pglite", dataDir: DATA_DIR }, worker.wake);
    try {
      await db.sql.transaction(async (tx) => {
        await tx.query(
          `INSERT INTO subscription_events (subscription_id, account_id, actor_kind, type) VALUES ($1, $2, 'SYSTEM', 'RENEWED')`,
          [subscription.id, account.id],
        );
      });
      const deadline = Date.now() + 10_000;
      while (hook.received.length === 0 && Date.now() < deadline) await new Promise((resolve) => setTimeout(resolve, 20));
    } finally {
      await unlisten();
      await worker.stop();
      await hook.close();
    }
    expect(hook.received).toHaveLength(1);
    const [request] = hook.received;
    expect(verifyWebhook(endpoint!.secret, String(request!.headers["portal-signature"]), request!.body)).toBe(true);
    expect(JSON.parse(request!.body)).toMatchObject({
      type: "serial.renewed",
      data: { serialNumber: subscription.serialNumber },
    });
    const [row] = await db.sql.query(`SELECT state FROM webhook_deliveries WHERE endpoint_id = $1`, [endpoint!.id]);
    expect(row).toEqual({ state: "DELIVERED" });
  });
});
