// The integration API driven over HTTP with real keys: authentication, scopes, revocation, tenancy,
// the portal's state machine, bad input, idempotency under concurrency, cursors under concurrent
// inserts, and the per-key rate limit.
import { request as httpRequest } from "node:http";
import { afterAll, beforeAll, describe, expect, it } from "vitest";
import { createApiKey, revokeApiKey } from "@/lib/data/api-keys";
import type { Database } from "@/lib/db/connection";
import * as factories from "../support/factories";
import { startManufacturerApi } from "../support/manufacturer-api-client";
import { testDatabase } from "../support/test-database";

let db: Database;
let api: Awaited<ReturnType<typeof startManufacturerApi>>;
let limited: Awaited<ReturnType<typeof startManufacturerApi>>;
let account: { id: string };
let userId: string;
let writeKey: string;
let readKey: string;
let foreignKey: string;
let foreignCustomerId: string;
let foreignSerial: string;
let suspensionReason: string;
let cancellationReason: string;
let customerId: string;

async function count(table: string, where = "true", params: unknown[] = []): Promise<number> {
  const [row] = await db.sql.query<{ n: number }>(`SELECT count(*)::int AS n FROM ${table} WHERE ${where}`, params);
  return row!.n;
}

beforeAll(async () => {
  db = await testDatabase();
  const staff = await factories.createManufacturerWithStaff(db);
  account = staff.account;
  userId = staff.responsavel.id;
  const foreign = await factories.createManufacturerWithStaff(db);
  writeKey = (await createApiKey(account.id, { userId }, { name: "ERP Aurora", scopes: ["read", "write"] })).key;
  readKey = (await createApiKey(account.id, { userId }, { name: "BI somente leitura", scopes: ["read"] })).key;
  foreignKey = (await createApiKey(foreign.account.id, null, { name: "Outro", scopes: ["read", "write"] })).key;
  const foreignCustomer = await factories.createCustomer(db, foreign.account.id);
  foreignCustomerId = foreignCustomer.id;
  foreignSerial = (await factories.createSubscription(db, foreignCustomer)).serialNumber;
  const existing = await factories.createCustomer(db, account.id);
  await factories.createSubscription(db, existing, { product: "Projetista 3D Pro" });
  suspensionReason = (await factories.createReason(db, account.id, { kind: "SUSPENSAO" })).id;
  cancellationReason = (await factories.createReason(db, account.id, { kind: "CANCELAMENTO" })).id;
  api = await startManufacturerApi({ limits: { perKey: 100_000, windowMs: 60_000, bucketMs: 6_000 } });
  limited = await startManufacturerApi({ limits: { perKey: 3, windowMs: 60_000, bucketMs: 6_000 } });
});

afterAll(async () => {
  await api?.close();
  await limited?.close();
});

const customerBody = (document: string, name = "Marcenaria Ipê") => ({
  name,
  document,
  type: "LOJISTA",
  city: "Curitiba",
  state: "PR",
  email: "compras@ipe.com.br",
});

describe("authentication and scopes", () => {
  it("refuses a missing, malformed or unknown key with 401", async () => {
    for (const key of [undefined, "nope", `pak_${"x".repeat(43)}`]) {
      const answer = await api.call("GET", "/customers", { key });
      expect(answer.status).toBe(401);
      expect(answer.body.error?.code).toBe("UNAUTHENTICATED");
    }
  });

  it("lets a read key read but not write (403), writing nothing", async () => {
    expect((await api.call("GET", "/customers", { key: readKey })).status).toBe(200);
    const before = await count("customers");
    const answer = await api.call("POST", "/customers", { key: readKey, body: customerBody("11222333000181") });
    expect(answer.status).toBe(403);
    expect(answer.body.error?.code).toBe("FORBIDDEN");
    expect(await count("customers")).toBe(before);
  });

  it("refuses a revoked key at once, and records last use and revocation", async () => {
    const created = await createApiKey(account.id, { userId }, { name: "Temporária", scopes: ["read"] });
    expect((await api.call("GET", "/customers", { key: created.key })).status).toBe(200);
    const [used] = await db.sql.query<{ last_used_at: Date | null; key_hash: string }>(
      `SELECT last_used_at, key_hash FROM api_keys WHERE id = $1`,
      [created.id],
    );
    expect(used!.last_used_at).not.toBeNull();
    expect(used!.key_hash).not.toContain(created.key);
    await revokeApiKey(account.id, { userId }, created.id);
    expect((await api.call("GET", "/customers", { key: created.key })).status).toBe(401);
    expect(await count("account_events", "target_id = $1 AND type IN ('api_key.created','api_key.revoked')", [created.id])).toBe(
      2,
    );
  });

  it("answers 404 for another account's customer and serial, reads and writes alike", async () => {
    expect((await api.call("GET", `/customers/${foreignCustomerId}`, { key: writeKey })).status).toBe(404);
    expect((await api.call("PATCH", `/customers/${foreignCustomerId}`, { key: writeKey, body: { city: "Natal" } })).status).toBe(
      404,
    );
    expect((await api.call("GET", `/subscriptions/${foreignSerial}`, { key: writeKey })).status).toBe(404);
    const renew = await api.call("POST", `/subscriptions/${foreignSerial}/renew`, { key: writeKey, body: { periods: 1 } });
    expect(renew.status).toBe(404);
    expect((await api.call("GET", `/subscriptions/${foreignSerial}`, { key: foreignKey })).status).toBe(200);
    // A customer of another account is as unknown as a missing one when selling a subscription.
    const sale = await api.call("POST", "/subscriptions", {
      key: writeKey,
      body: { customerId: foreignCustomerId, product: "Projetista 3D Pro", plan: "ANUAL" },
    });
    expect(sale.status).toBe(400);
    expect(sale.body.error?.fields.customerId).toHaveLength(1);
  });
});

describe("customers and subscriptions", () => {
  it("creates, reads, updates and refuses a duplicate document (409, field error)", async () => {
    const created = await api.call("POST", "/customers", { key: writeKey, body: customerBody("45.723.174/0001-10") });
    expect(created.status).toBe(201);
    expect(created.body).toMatchObject({ document: "45723174000110", state: "PR" });
    customerId = created.body.id as string;
    const duplicate = await api.call("POST", "/customers", { key: writeKey, body: customerBody("45723174000110", "Outra") });
    expect(duplicate.status).toBe(409);
    expect(duplicate.body.error?.fields.document).toHaveLength(1);
    const updated = await api.call("PATCH", `/customers/${customerId}`, { key: writeKey, body: { city: "Londrina" } });
    expect(updated.status).toBe(200);
    expect(updated.body).toMatchObject({ city: "Londrina", name: "Marcenaria Ipê" });
    expect((await api.call("GET", `/customers/${customerId}`, { key: readKey })).body).toMatchObject({ city: "Londrina" });
  });

  it("sells, renews, suspends, releases and cancels with the portal's rules, recording the key as actor", async () => {
    const sale = await api.call("POST", "/subscriptions", {
      key: writeKey,
      body: { customerId, product: "projetista 3d pro", plan: "mensal", startedAt: "2026-01-10" },
    });
    expect(sale.status).toBe(201);
    const serial = sale.body.serialNumber as string;
    expect(serial).toMatch(/^[A-Z0-9]{4}(-[A-Z0-9]{4}){3}$/);
    expect(sale.body).toMatchObject({ product: "Projetista 3D Pro", plan: "MENSAL", status: "ATIVA" });

    const renewed = await api.call("POST", `/subscriptions/${serial}/renew`, { key: writeKey, body: { periods: 2 } });
    expect(renewed.status).toBe(200);
    expect(new Date(renewed.body.expiresAt as string).getTime()).toBeGreaterThan(
      new Date(sale.body.expiresAt as string).getTime(),
    );

    const release = await api.call("POST", `/subscriptions/${serial}/release`, { key: writeKey });
    expect(release.status).toBe(409);
    expect(release.body.error?.code).toBe("CONFLICT");

    const noReason = await api.call("POST", `/subscriptions/${serial}/suspend`, { key: writeKey, body: {} });
    expect(noReason.status).toBe(400);
    expect(Object.keys(noReason.body.error!.fields)).toEqual(["reasonId"]);

    const suspended = await api.call("POST", `/subscriptions/${serial}/suspend`, {
      key: writeKey,
      body: { reasonId: suspensionReason },
    });
    expect(suspended.status).toBe(200);
    expect(suspended.body).toMatchObject({ status: "SUSPENSA", badge: "EXPIRADA", situation: "SUSPENSA" });
    expect((await api.call("POST", `/subscriptions/${serial}/release`, { key: writeKey, body: {} })).body).toMatchObject({
      status: "ATIVA",
    });
    const cancelled = await api.call("POST", `/subscriptions/${serial}/cancel`, {
      key: writeKey,
      body: { reasonId: cancellationReason },
    });
    expect(cancelled.body).toMatchObject({ status: "CANCELADA" });

    const events = await count("subscription_events e JOIN subscriptions s ON s.id = e.subscription_id", "s.serial_number = $1", [
      serial,
    ]);
    // Suspending or renewing a Cancelada is refused and writes nothing.
    const suspendCancelled = await api.call("POST", `/subscriptions/${serial}/suspend`, {
      key: writeKey,
      body: { reasonId: suspensionReason },
    });
    expect(suspendCancelled.status).toBe(409);
    const renewCancelled = await api.call("POST", `/subscriptions/${serial}/renew`, { key: writeKey, body: { periods: 1 } });
    expect(renewCancelled.status).toBe(409);
    expect(renewCancelled.body.error?.message).toContain(serial);
    expect(
      await count("subscription_events e JOIN subscriptions s ON s.id = e.subscription_id", "s.serial_number = $1", [serial]),
    ).toBe(events);
    const actors = await db.sql.query<{ actor_kind: string; actor_label: string | null; type: string }>(
      `SELECT e.actor_kind, e.actor_label, e.type FROM subscription_events e JOIN subscriptions s ON s.id = e.subscription_id
        WHERE s.serial_number = $1 ORDER BY e.seq`,
      [serial],
    );
    expect(actors.map((row) => row.type)).toEqual(["CREATED", "RENEWED", "SUSPENDED", "RELEASED", "CANCELLED"]);
    expect(new Set(actors.map((row) => `${row.actor_kind}:${row.actor_label}`))).toEqual(new Set(["API_KEY:ERP Aurora"]));
  });

  it("lists subscriptions with the list page's filters", async () => {
    const all = await api.call("GET", "/subscriptions?limit=100", { key: readKey });
    expect(all.status).toBe(200);
    const cancelled = await api.call("GET", "/subscriptions?situacao=CANCELADA&produto=Projetista%203D%20Pro", { key: readKey });
    const rows = cancelled.body.data as { situation: string }[];
    expect(rows.length).toBeGreaterThan(0);
    expect(rows.every((row) => row.situation === "CANCELADA")).toBe(true);
    expect(rows.length).toBeLessThan((all.body.data as unknown[]).length);
    // A narrow filter (customer search) takes the other plan, with the same order and cursors.
    const owner = await factories.createCustomer(db, account.id, { name: "Planejados Jatobá" });
    for (let i = 0; i < 3; i++) await factories.createSubscription(db, owner);
    const customer = "Jatobá";
    const narrow: string[] = [];
    let cursor: string | null = null;
    do {
      const page = await api.call(
        "GET",
        `/subscriptions?limit=1&cliente=${encodeURIComponent(customer)}${cursor ? `&cursor=${cursor}` : ""}`,
        {
          key: readKey,
        },
      );
      expect(page.status, JSON.stringify(page.body)).toBe(200);
      narrow.push(...(page.body.data as { serialNumber: string }[]).map((row) => row.serialNumber));
      cursor = page.body.nextCursor as string | null;
    } while (cursor);
    expect(narrow).toHaveLength(3);
    expect(narrow).toEqual([...narrow].sort());
    const bad = await api.call("GET", "/subscriptions?status=VERDE&cliente=ab", { key: readKey });
    expect(bad.status).toBe(400);
    expect(Object.keys(bad.body.error!.fields).sort()).toEqual(["cliente", "status"]);
  });
});

describe("bad input is a precise 4xx", () => {
  it.each([
    ["malformed JSON", "POST", "/customers", "{nope", 400, "INVALID_JSON"],
    ["wrong types", "POST", "/customers", JSON.stringify({ ...customerBody("11222333000181"), name: 42 }), 400, "VALIDATION"],
    [
      "unknown fields",
      "POST",
      "/customers",
      JSON.stringify({ ...customerBody("11222333000181"), admin: true }),
      400,
      "VALIDATION",
    ],
    ["a JSON array", "POST", "/customers", "[]", 400, "VALIDATION"],
    ["a huge body", "POST", "/customers", JSON.stringify({ name: "x".repeat(40_000) }), 413, "PAYLOAD_TOO_LARGE"],
  ])("%s", async (_label, method, path, body, status, code) => {
    const before = await count("customers");
    const answer = await api.call(method, path, { key: writeKey, body });
    expect(answer.status).toBe(status);
    expect(answer.body.error?.code).toBe(code);
    expect(answer.body.error?.message).toBeTruthy();
    expect(await count("customers")).toBe(before);
  });

  it("answers a 50 MB body with 413 without reading it", async () => {
    const url = new URL(`${api.base}/customers`);
    const status = await new Promise<number>((resolve, reject) => {
      const request = httpRequest(
        {
          host: url.hostname,
          port: url.port,
          path: url.pathname,
          method: "POST",
          headers: {
            authorization: `Bearer ${writeKey}`,
            "content-type": "application/json",
            "content-length": 50 * 1024 * 1024,
          },
        },
        (response) => {
          response.resume();
          resolve(response.statusCode!);
        },
      );
      request.on("error", reject);
      request.write("{");
    });
    expect(status).toBe(413);
  });

  it("names the unknown field", async () => {
    const answer = await api.call("POST", "/customers", {
      key: writeKey,
      body: { ...customerBody("11222333000181"), admin: true },
    });
    expect(Object.keys(answer.body.error!.fields)).toEqual(["admin"]);
  });

  it.each([
    ["a cursor that isn't one", "/customers?cursor=abc", "INVALID_CURSOR"],
    ["another list's cursor", `/customers?cursor=${Buffer.from('["events","5"]').toString("base64url")}`, "INVALID_CURSOR"],
    ["a page over the cap", "/subscriptions?limit=1000", "VALIDATION"],
    ["an unknown parameter", "/customers?sort=name", "VALIDATION"],
  ])("%s", async (_label, path, code) => {
    const answer = await api.call("GET", path, { key: readKey });
    expect(answer.status).toBe(400);
    expect(answer.body.error?.code).toBe(code);
  });

  it("answers the wrong content type, path and method", async () => {
    const text = await api.call("POST", "/customers", { key: writeKey, body: "a=b", headers: { "content-type": "text/plain" } });
    expect(text.status).toBe(415);
    expect((await api.call("GET", "/nothing", { key: readKey })).status).toBe(404);
    const method = await api.call("DELETE", "/customers", { key: writeKey });
    expect(method.status).toBe(405);
    expect(method.headers.get("allow")).toBe("GET, POST");
  });
});

describe("Idempotency-Key", () => {
  it("gives a retry the first answer and writes once, also for two copies at once", async () => {
    const before = await count("customers");
    const body = customerBody("33.000.167/0001-01", "Loja Simultânea");
    const send = () => api.call("POST", "/customers", { key: writeKey, body, headers: { "idempotency-key": "pedido-123" } });
    const answers = await Promise.all([send(), send(), send()]);
    expect(await count("customers")).toBe(before + 1);
    const created = answers.filter((answer) => answer.status === 201);
    expect(created.length).toBeGreaterThanOrEqual(1);
    // A copy that arrived while the first ran is told so (409 + Retry-After), never written twice.
    for (const answer of answers.filter((a) => a.status !== 201)) {
      expect(answer.status).toBe(409);
      expect(answer.body.error?.code).toBe("IDEMPOTENCY_IN_PROGRESS");
      expect(answer.headers.get("retry-after")).toBe("1");
    }
    const retry = await send();
    expect(retry.status).toBe(201);
    expect(retry.body).toEqual(created[0]!.body);
    expect(retry.headers.get("idempotent-replayed")).toBe("true");
    expect(await count("customers")).toBe(before + 1);
  });

  it("keeps a refusal as the answer too, and refuses the key with another body (422)", async () => {
    const first = await api.call("POST", `/subscriptions/${foreignSerial}/renew`, {
      key: writeKey,
      body: { periods: 1 },
      headers: { "idempotency-key": "renov-1" },
    });
    expect(first.status).toBe(404);
    const other = await api.call("POST", `/subscriptions/${foreignSerial}/renew`, {
      key: writeKey,
      body: { periods: 2 },
      headers: { "idempotency-key": "renov-1" },
    });
    expect(other.status).toBe(422);
    expect(other.body.error?.code).toBe("IDEMPOTENCY_MISMATCH");
  });

  it("renews once for two concurrent copies of one renewal", async () => {
    const customer = await factories.createCustomer(db, account.id);
    const subscription = await factories.createSubscription(db, customer);
    const send = () =>
      api.call("POST", `/subscriptions/${subscription.serialNumber}/renew`, {
        key: writeKey,
        body: { periods: 1 },
        headers: { "idempotency-key": `renew-${subscription.serialNumber}` },
      });
    await Promise.all([send(), send()]);
    const final = await send();
    expect(final.status).toBe(200);
    expect(await count("subscription_events", "subscription_id = $1 AND type = 'RENEWED'", [subscription.id])).toBe(1);
  });
});

describe("cursors", () => {
  it("page through every serial exactly once while others are inserted", async () => {
    const customer = await factories.createCustomer(db, account.id);
    for (let i = 0; i < 12; i++) await factories.createSubscription(db, customer);
    const existing = (
      await db.sql.query<{ serial_number: string }>(`SELECT serial_number FROM subscriptions WHERE manufacturer_id = $1`, [
        account.id,
      ])
    ).map((row) => row.serial_number);
    const seen: string[] = [];
    let cursor: string | null = null;
    do {
      const answer = await api.call("GET", `/subscriptions?limit=4${cursor ? `&cursor=${cursor}` : ""}`, { key: readKey });
      expect(answer.status).toBe(200);
      seen.push(...(answer.body.data as { serialNumber: string }[]).map((row) => row.serialNumber));
      cursor = answer.body.nextCursor as string | null;
      // Inserted between pages, anywhere in the order.
      await factories.createSubscription(db, customer);
    } while (cursor);
    expect(new Set(seen).size).toBe(seen.length);
    for (const serial of existing) expect(seen).toContain(serial);
  });

  it("event feed: an event still being written is never skipped by a reader that moved past a later one", async () => {
    const start = await api.call("GET", "/events?limit=100", { key: readKey });
    let cursor = start.body.nextCursor as string;
    while (((await api.call("GET", `/events?limit=100&cursor=${cursor}`, { key: readKey })).body.data as unknown[]).length) {
      cursor = (await api.call("GET", `/events?limit=100&cursor=${cursor}`, { key: readKey })).body.nextCursor as string;
    }
    const customer = await factories.createCustomer(db, account.id);
    const slow = await factories.createSubscription(db, customer);
    const fast = await factories.createSubscription(db, customer);
    const insert = (sql: typeof db.sql, id: string) =>
      sql.query(
        `INSERT INTO subscription_events (subscription_id, account_id, actor_kind, type) VALUES ($1, $2, 'SYSTEM', 'RENEWED')`,
        [id, account.id],
      );
    let release!: () => void;
    const held = new Promise<void>((resolve) => (release = resolve));
    // A transaction writes an event and stays open; another event is written meanwhile.
    const slowTx = db.sql.transaction(async (tx) => {
      await insert(tx, slow.id);
      await held;
    });
    await new Promise((resolve) => setTimeout(resolve, 50));
    const fastWrite = insert(db.sql, fast.id);
    await new Promise((resolve) => setTimeout(resolve, 50));
    const during = await api.call("GET", `/events?cursor=${cursor}`, { key: readKey });
    expect(during.body.data).toEqual([]);
    release();
    await slowTx;
    await fastWrite;
    const after = await api.call("GET", `/events?cursor=${during.body.nextCursor as string}`, { key: readKey });
    expect((after.body.data as { serialNumber: string }[]).map((event) => event.serialNumber)).toEqual([
      slow.serialNumber,
      fast.serialNumber,
    ]);
  });
});

describe("rate limit", () => {
  it("answers 429 with Retry-After past the key's limit", async () => {
    const key = (await createApiKey(account.id, { userId }, { name: "Limitada", scopes: ["read"] })).key;
    for (let i = 0; i < 3; i++) expect((await limited.call("GET", "/customers", { key })).status).toBe(200);
    const answer = await limited.call("GET", "/customers", { key });
    expect(answer.status).toBe(429);
    expect(Number(answer.headers.get("retry-after"))).toBeGreaterThan(0);
    expect(answer.body.error?.code).toBe("RATE_LIMITED");
  });
});
