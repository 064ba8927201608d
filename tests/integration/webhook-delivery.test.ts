// Webhook delivery against a real HTTP receiver: the documented signature check, retries with
// backoff, order per serial, two workers never sending one delivery at once, "Reenviar", secret
// rotation, receivers that misbehave, and an endpoint turned off after a failing streak.
import { afterEach, beforeAll, describe, expect, it } from "vitest";
import { verifyWebhook } from "@/examples/verify-webhook.mjs";
import { transitionSubscription } from "@/lib/data/subscription-transitions";
import { redeliverFailedWebhooks, redeliverWebhook, listWebhookDeliveries } from "@/lib/data/webhook-deliveries";
import { createWebhookEndpoint, getWebhookEndpoint, rotateWebhookSecret, sendWebhookPing } from "@/lib/data/webhook-endpoints";
import { createPgPool, type Database } from "@/lib/db/connection";
import { pgSqlClient } from "@/lib/db/sql-client";
import { WEBHOOK_EVENT_TYPES } from "@/lib/domain/webhook-events";
import { webhookWorkerConfig, type WebhookWorkerConfig } from "@/lib/webhooks/config";
import { deliverBatch, startWebhookWorker } from "@/lib/webhooks/worker";
import { createCustomer, createManufacturerWithStaff, createReason, createSubscription } from "../support/factories";
import { startSmtpTestServer } from "../support/smtp-test-server";
import { testDatabase } from "../support/test-database";
import { answerOk, startWebhookReceiver } from "../support/webhook-receiver";

let db: Database;
let staff: Awaited<ReturnType<typeof createManufacturerWithStaff>>;
let customer: { id: string; manufacturerId: string };
let reasonId: string;
const receivers: { close(): Promise<void> }[] = [];
const errors: string[] = [];
const quiet = { info: () => undefined, error: (line: string) => errors.push(line) };

beforeAll(async () => {
  db = await testDatabase();
  staff = await createManufacturerWithStaff(db);
  customer = await createCustomer(db, staff.account.id);
  reasonId = (await createReason(db, staff.account.id)).id;
});

afterEach(async () => {
  await db.sql.query(`DELETE FROM webhook_endpoints`);
  for (const receiver of receivers.splice(0)) await receiver.close();
});

function testConfig(overrides: Partial<WebhookWorkerConfig> = {}): WebhookWorkerConfig {
  return {
    ...webhookWorkerConfig("postgres", { NODE_ENV: "test" }),
    pollMs: 20,
    timeoutMs: 2000,
    leaseMs: 10_000,
    retry: { baseMs: 100, maxMs: 400, windowMs: 60_000 },
    ...overrides,
  };
}

async function receiver(...args: Parameters<typeof startWebhookReceiver>) {
  const started = await startWebhookReceiver(...args);
  receivers.push(started);
  return started;
}

async function endpointFor(url: string, eventTypes: string[] = [...WEBHOOK_EVENT_TYPES].filter((t) => t !== "account.changed")) {
  return createWebhookEndpoint(staff.account.id, { userId: staff.responsavel.id }, { url, eventTypes, enabled: true });
}

/** Runs worker rounds until `done()` holds (or fails after `ms`). */
async function drain(done: () => boolean | Promise<boolean>, config = testConfig(), ms = 20_000) {
  const deadline = Date.now() + ms;
  while (!(await done())) {
    if (Date.now() > deadline) throw new Error("deliveries did not finish in time");
    const claimed = await deliverBatch(db.sql, config, quiet);
    if (claimed === 0) await new Promise((resolve) => setTimeout(resolve, 20));
  }
}

/** Waits (without sending anything itself) until `done()` holds. */
async function waitUntil(done: () => Promise<boolean>, ms = 30_000) {
  const deadline = Date.now() + ms;
  while (!(await done())) {
    if (Date.now() > deadline) throw new Error("condition not met in time");
    await new Promise((resolve) => setTimeout(resolve, 50));
  }
}

async function states(endpointId: string) {
  return db.sql.query<{ state: string; attempts: number; last_status_code: number | null }>(
    `SELECT state, attempts, last_status_code FROM webhook_deliveries WHERE endpoint_id = $1 ORDER BY seq`,
    [endpointId],
  );
}

const suspend = (serialNumber: string) =>
  transitionSubscription(
    staff.account.id,
    serialNumber,
    "SUSPEND",
    { reasonId },
    { kind: "SYSTEM", accountId: staff.account.id },
  );
const release = (serialNumber: string) =>
  transitionSubscription(staff.account.id, serialNumber, "RELEASE", {}, { kind: "SYSTEM", accountId: staff.account.id });

describe("webhook delivery", () => {
  it("POSTs { id, type, createdAt, account, data } signed so that the README's example verifies it", async () => {
    const hook = await receiver();
    const endpoint = await endpointFor(hook.url);
    const subscription = await createSubscription(db, customer);
    await suspend(subscription.serialNumber);

    await drain(() => hook.received.length === 1);

    const [request] = hook.received;
    const body = JSON.parse(request!.body);
    expect(Object.keys(body)).toEqual(["id", "type", "createdAt", "account", "data"]);
    expect(body).toMatchObject({ type: "serial.suspended", data: { serialNumber: subscription.serialNumber } });
    expect(request!.headers["portal-event-id"]).toBe(body.id);
    expect(request!.headers["content-type"]).toBe("application/json");
    const signature = String(request!.headers["portal-signature"]);
    expect(signature).toMatch(new RegExp(`^t=${request!.headers["portal-timestamp"]},v1=[0-9a-f]{64}$`));
    expect(verifyWebhook(endpoint.secret, signature, request!.body)).toBe(true);
    // Tampered body, wrong secret, or a replay older than 5 minutes: refused.
    expect(verifyWebhook(endpoint.secret, signature, request!.body.replace("serial", "Serial"))).toBe(false);
    expect(verifyWebhook("whsec_other", signature, request!.body)).toBe(false);
    expect(verifyWebhook(endpoint.secret, signature, request!.body, Date.now() + 301_000)).toBe(false);
    expect(await states(endpoint.id)).toEqual([{ state: "DELIVERED", attempts: 1, last_status_code: 200 }]);
  });

  it("retries failures with growing, jittered delays, then marks the delivery failed when the window ends", async () => {
    let calls = 0;
    const hook = await receiver((_request, res) => {
      calls++;
      res.writeHead(calls <= 3 ? 500 : 200).end(calls <= 3 ? "fora do ar" : "ok");
    });
    const endpoint = await endpointFor(hook.url);
    await suspend((await createSubscription(db, customer)).serialNumber);
    const config = testConfig({ retry: { baseMs: 100, maxMs: 1000, windowMs: 60_000 } });

    await drain(async () => (await states(endpoint.id))[0]?.state === "DELIVERED", config);

    const gaps = hook.received.slice(1).map((request, i) => request.receivedAt - hook.received[i]!.receivedAt);
    expect(gaps).toHaveLength(3);
    // 100, 200, 400 ms ±20 %.
    expect(gaps[0]).toBeGreaterThanOrEqual(80);
    expect(gaps[1]).toBeGreaterThanOrEqual(160);
    expect(gaps[2]).toBeGreaterThanOrEqual(320);
    expect(new Set(hook.received.map((request) => request.eventId)).size).toBe(1);
    const { rows } = await listWebhookDeliveries(staff.account.id, endpoint.id);
    expect(rows[0]!.recentAttempts.map((attempt) => attempt.statusCode)).toEqual([200, 500, 500, 500]);
    expect(rows[0]!.recentAttempts[1]!.responseBody).toBe("fora do ar");
    // The success ended the failing streak the 500s had started.
    expect((await getWebhookEndpoint(staff.account.id, endpoint.id))!.failingSince).toBeNull();

    // A receiver that never recovers: failed once the retry window is over.
    hook.answerWith((_request, res) => res.writeHead(503).end());
    await suspend((await createSubscription(db, customer)).serialNumber);
    await drain(
      async () => (await states(endpoint.id))[1]?.state === "FAILED",
      testConfig({ retry: { baseMs: 50, maxMs: 100, windowMs: 400 } }),
    );
    // How many attempts fit in the window depends on how busy the machine is; at least one was made.
    expect((await states(endpoint.id))[1]!.attempts).toBeGreaterThanOrEqual(1);
  });

  it("keeps each serial's order: a later event waits while an earlier one is being retried", async () => {
    const failedOnce = new Set<string>();
    const hook = await receiver((request, res) => {
      // Every event fails its first attempt, so out-of-order sending would show.
      if (!failedOnce.has(request.eventId)) {
        failedOnce.add(request.eventId);
        return res.writeHead(500).end();
      }
      res.writeHead(200).end();
    });
    await endpointFor(hook.url);
    const serials = await Promise.all([1, 2, 3].map(() => createSubscription(db, customer)));
    for (let round = 0; round < 2; round++) {
      for (const subscription of serials) {
        await suspend(subscription.serialNumber);
        await release(subscription.serialNumber);
      }
    }

    await drain(
      () => hook.received.filter((r) => failedOnce.has(r.eventId)).length === 24 && hook.received.length === 24,
      testConfig({ retry: { baseMs: 30, maxMs: 60, windowMs: 60_000 } }),
    );

    for (const subscription of serials) {
      const delivered = hook.received
        .map((request) => JSON.parse(request.body))
        .filter((body) => body.data.serialNumber === subscription.serialNumber);
      // Each event twice (fail, then success), and never one event before an earlier one's success.
      expect(delivered.map((body) => body.type)).toEqual([
        "serial.suspended",
        "serial.suspended",
        "serial.released",
        "serial.released",
        "serial.suspended",
        "serial.suspended",
        "serial.released",
        "serial.released",
      ]);
    }
  });

  it("two workers on separate connections never send one delivery twice at the same time", async () => {
    const hook = await receiver((_request, res) => setTimeout(() => res.writeHead(200).end(), 5));
    const endpoint = await endpointFor(hook.url);
    const serials = await Promise.all(Array.from({ length: 60 }, () => createSubscription(db, customer)));
    for (const subscription of serials) await suspend(subscription.serialNumber);

    const pools = [createPgPool(process.env.DATABASE_URL!, 3), createPgPool(process.env.DATABASE_URL!, 3)];
    // A lease far longer than any batch, so only the claim itself keeps the workers apart.
    // (and a timeout no busy machine reaches, so a slow answer is not retried: that would be a second
    // request for the same event by design, not two workers holding it).
    const config = testConfig({ batchSize: 7, lanes: 3, timeoutMs: 50_000, leaseMs: 120_000 });
    const workers = pools.map((pool) => startWebhookWorker(pgSqlClient(pool), config, quiet));
    try {
      await waitUntil(async () => (await states(endpoint.id)).every((row) => row.state === "DELIVERED"));
    } finally {
      await Promise.all(workers.map((worker) => worker.stop()));
      await Promise.all(pools.map((pool) => pool.end()));
    }
    expect(hook.overlaps()).toBe(0);
    expect(hook.received).toHaveLength(60);
    expect(new Set(hook.received.map((request) => request.eventId)).size).toBe(60);
  });

  it("Reenviar sends one delivery again, or every failed one of a time range, with the same event id", async () => {
    const hook = await receiver((_request, res) => res.writeHead(500).end());
    const endpoint = await endpointFor(hook.url);
    for (let i = 0; i < 3; i++) await suspend((await createSubscription(db, customer)).serialNumber);
    const failing = testConfig({ retry: { baseMs: 20, maxMs: 40, windowMs: 100 } });
    await drain(async () => (await states(endpoint.id)).every((row) => row.state === "FAILED"), failing);
    const sentBefore = hook.received.length;
    hook.answerWith(answerOk);

    const { rows } = await listWebhookDeliveries(staff.account.id, endpoint.id, { state: "FAILED" });
    expect(rows).toHaveLength(3);
    await redeliverWebhook(staff.account.id, endpoint.id, rows[0]!.id);
    await drain(async () => (await states(endpoint.id)).filter((row) => row.state === "DELIVERED").length === 1);
    expect(hook.received.at(-1)!.eventId).toBe(rows[0]!.eventId);

    // A range that ended before the deliveries were created resends nothing; one that holds them, the rest.
    expect(await redeliverFailedWebhooks(staff.account.id, endpoint.id, new Date(0), new Date(Date.now() - 3_600_000))).toBe(0);
    expect(await redeliverFailedWebhooks(staff.account.id, endpoint.id, new Date(Date.now() - 3_600_000), new Date())).toBe(2);
    await drain(async () => (await states(endpoint.id)).every((row) => row.state === "DELIVERED"));
    expect(hook.received.length).toBe(sentBefore + 3);

    // Another account's manufacturer can't touch them.
    const other = await createManufacturerWithStaff(db);
    await expect(redeliverWebhook(other.account.id, endpoint.id, rows[0]!.id)).rejects.toMatchObject({ code: "NOT_FOUND" });
    expect(await redeliverFailedWebhooks(other.account.id, endpoint.id, new Date(0), new Date())).toBe(0);
  });

  it("after a rotation both secrets sign for 24 h, then only the new one", async () => {
    const hook = await receiver();
    const endpoint = await endpointFor(hook.url);
    await sendWebhookPing(staff.account.id, endpoint.id);
    await drain(() => hook.received.length === 1);
    const { secret } = await rotateWebhookSecret(staff.account.id, { userId: staff.responsavel.id }, endpoint.id);
    expect(secret).not.toBe(endpoint.secret);
    await sendWebhookPing(staff.account.id, endpoint.id);
    await drain(() => hook.received.length === 2);

    const [beforeRotation, afterRotation] = hook.received;
    const header = (request: typeof beforeRotation) => String(request!.headers["portal-signature"]);
    expect(header(beforeRotation).match(/v1=/g)).toHaveLength(1);
    expect(header(afterRotation).match(/v1=/g)).toHaveLength(2);
    expect(verifyWebhook(secret, header(afterRotation), afterRotation!.body)).toBe(true);
    expect(verifyWebhook(endpoint.secret, header(afterRotation), afterRotation!.body)).toBe(true);
    expect((await getWebhookEndpoint(staff.account.id, endpoint.id))!.previousSecretExpiresAt!.getTime()).toBeGreaterThan(
      Date.now() + 23 * 3_600_000,
    );

    await db.sql.query(`UPDATE webhook_endpoints SET previous_secret_expires_at = now() - interval '1 second' WHERE id = $1`, [
      endpoint.id,
    ]);
    await sendWebhookPing(staff.account.id, endpoint.id);
    await drain(() => hook.received.length === 3);
    const last = hook.received[2]!;
    expect(JSON.parse(last.body)).toMatchObject({ type: "ping", account: { id: staff.account.id } });
    expect(verifyWebhook(secret, header(last), last.body)).toBe(true);
    expect(verifyWebhook(endpoint.secret, header(last), last.body)).toBe(false);
  });

  it("does not follow redirects, reads at most 2 KB of a huge answer, and gives up on a hanging receiver", async () => {
    const hook = await receiver((_request, res) => {
      res.writeHead(302, { location: "http://169.254.169.254/latest/meta-data" }).end();
    });
    const redirecting = await endpointFor(hook.url);
    await sendWebhookPing(staff.account.id, redirecting.id);
    await drain(async () => (await states(redirecting.id))[0]?.attempts === 1);
    let [row] = (await listWebhookDeliveries(staff.account.id, redirecting.id)).rows;
    expect(row!.recentAttempts[0]).toMatchObject({ statusCode: 302, error: expect.stringContaining("redirect not followed") });
    expect(hook.received).toHaveLength(1);

    // 50 MB offered, in 64 KB chunks: 2 KB kept, the connection dropped.
    let written = 0;
    hook.answerWith((_request, res) => {
      res.writeHead(200, { "content-type": "text/plain" });
      const chunk = Buffer.alloc(65_536, "x");
      const pump = () => {
        while (written < 50 * 1024 * 1024 && res.write(chunk)) written += chunk.length;
        if (written < 50 * 1024 * 1024 && !res.destroyed) res.once("drain", pump);
        else res.end();
      };
      pump();
    });
    const huge = await endpointFor(hook.url);
    await sendWebhookPing(staff.account.id, huge.id);
    await drain(async () => (await states(huge.id))[0]?.state === "DELIVERED");
    [row] = (await listWebhookDeliveries(staff.account.id, huge.id)).rows;
    expect(row!.recentAttempts[0]!.responseBody).toHaveLength(2048);
    expect(written).toBeLessThan(50 * 1024 * 1024);

    hook.answerWith(() => undefined);
    const hanging = await endpointFor(hook.url);
    await sendWebhookPing(staff.account.id, hanging.id);
    await drain(async () => (await states(hanging.id))[0]?.attempts === 1, testConfig({ timeoutMs: 300 }));
    [row] = (await listWebhookDeliveries(staff.account.id, hanging.id)).rows;
    expect(row!.state).toBe("PENDING");
    expect(row!.recentAttempts[0]).toMatchObject({ statusCode: null, error: "timeout after 300 ms" });
    expect(row!.recentAttempts[0]!.latencyMs).toBeGreaterThanOrEqual(290);
  });

  it("refuses private and loopback addresses in production, even when a name resolves to one", async () => {
    const hook = await receiver();
    const production = testConfig({ policy: { allowLocal: false } });
    const byIp = await endpointFor(hook.url);
    const byName = await endpointFor(hook.url.replace("127.0.0.1", "localhost").replace("http:", "https:"));
    await sendWebhookPing(staff.account.id, byIp.id);
    await sendWebhookPing(staff.account.id, byName.id);
    await drain(
      async () => (await states(byIp.id))[0]?.attempts === 1 && (await states(byName.id))[0]?.attempts === 1,
      production,
    );
    expect((await listWebhookDeliveries(staff.account.id, byIp.id)).rows[0]!.recentAttempts[0]!.error).toBe("https required");
    expect((await listWebhookDeliveries(staff.account.id, byName.id)).rows[0]!.recentAttempts[0]!.error).toMatch(
      /refused address/,
    );
    expect(hook.received).toHaveLength(0);
  });

  it("turns an endpoint off after a failing streak and e-mails the account's Responsável", async () => {
    const smtp = await startSmtpTestServer();
    const previous = process.env.SMTP_URL;
    process.env.SMTP_URL = smtp.url;
    try {
      const hook = await receiver((_request, res) => res.writeHead(500).end());
      const endpoint = await endpointFor(hook.url);
      await sendWebhookPing(staff.account.id, endpoint.id);
      const config = testConfig({ disableAfterMs: 300, retry: { baseMs: 50, maxMs: 100, windowMs: 60_000 } });
      await drain(async () => !(await getWebhookEndpoint(staff.account.id, endpoint.id))!.enabled, config);

      expect(await getWebhookEndpoint(staff.account.id, endpoint.id)).toMatchObject({
        enabled: false,
        disabledReason: "FAILING",
      });
      const mail = await smtp.waitFor((message) => message.to.includes(staff.responsavel.email));
      expect(mail.text).toContain(hook.url);
      const [event] = await db.sql.query<{ actor_kind: string }>(
        `SELECT actor_kind FROM account_events WHERE type = 'webhook.disabled_failing' AND target_id = $1`,
        [endpoint.id],
      );
      expect(event).toEqual({ actor_kind: "SYSTEM" });
      // Off means off: nothing more is sent.
      const sent = hook.received.length;
      await deliverBatch(db.sql, config, quiet);
      expect(hook.received).toHaveLength(sent);
    } finally {
      if (previous === undefined) delete process.env.SMTP_URL;
      else process.env.SMTP_URL = previous;
      await smtp.close();
    }
  });
});
