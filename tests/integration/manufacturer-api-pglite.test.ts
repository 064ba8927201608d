// The integration API on the embedded default (no DATABASE_URL, `npm run demo`): keys, scopes,
// writes with Idempotency-Key, the filtered list with cursors, the event feed and the rate limit.
import { describe, expect, it } from "vitest";
import { createApiKey } from "@/lib/data/api-keys";
import * as factories from "../support/factories";
import { startManufacturerApi } from "../support/manufacturer-api-client";
import { pgliteTestDatabase } from "../support/pglite-database";

const database = pgliteTestDatabase("memory://manufacturer-api-pglite");

describe("the integration API on embedded PGlite", () => {
  it("serves reads and writes as on PostgreSQL", async () => {
    const db = database();
    const account = await factories.createAccount(db);
    const customer = await factories.createCustomer(db, account.id);
    for (let i = 0; i < 5; i++) await factories.createSubscription(db, customer, { product: "Orçamento Plus" });
    const reason = await factories.createReason(db, account.id, { kind: "SUSPENSAO" });
    const { key } = await createApiKey(account.id, null, { name: "ERP", scopes: ["read", "write"] }, { tx: db.sql });
    const { key: readKey } = await createApiKey(account.id, null, { name: "BI", scopes: ["read"] }, { tx: db.sql });
    const api = await startManufacturerApi({ sql: db.sql, limits: { perKey: 40, windowMs: 60_000, bucketMs: 6_000 } });
    try {
      const seen: string[] = [];
      let cursor: string | null = null;
      do {
        const page = await api.call(
          "GET",
          `/subscriptions?limit=2&produto=Or%C3%A7amento%20Plus${cursor ? `&cursor=${cursor}` : ""}`,
          {
            key: readKey,
          },
        );
        expect(page.status).toBe(200);
        seen.push(...(page.body.data as { serialNumber: string }[]).map((row) => row.serialNumber));
        cursor = page.body.nextCursor as string | null;
      } while (cursor);
      expect(new Set(seen).size).toBe(5);

      expect((await api.call("POST", `/subscriptions/${seen[0]}/renew`, { key: readKey, body: { periods: 1 } })).status).toBe(
        403,
      );
      const send = () =>
        api.call("POST", `/subscriptions/${seen[0]}/suspend`, {
          key,
          body: { reasonId: reason.id },
          headers: { "idempotency-key": "suspender-1" },
        });
      const first = await send();
      expect(first.status).toBe(200);
      expect(first.body).toMatchObject({ status: "SUSPENSA" });
      const retry = await send();
      expect(retry.status).toBe(200);
      expect(retry.headers.get("idempotent-replayed")).toBe("true");
      const again = await api.call("POST", `/subscriptions/${seen[0]}/suspend`, { key, body: { reasonId: reason.id } });
      expect(again.status).toBe(409);

      const events = await api.call("GET", "/events", { key: readKey });
      const feed = events.body.data as { type: string; actor: { kind: string; name: string } }[];
      expect(feed.map((event) => event.type)).toEqual(["SUSPENDED"]);
      expect(feed[0]!.actor).toEqual({ kind: "API_KEY", name: "ERP" });
      const nothingNew = await api.call("GET", `/events?cursor=${events.body.nextCursor as string}`, { key: readKey });
      expect(nothingNew.body.data).toEqual([]);
      expect((await api.call("GET", "/events?cursor=%%%", { key: readKey })).status).toBe(400);
    } finally {
      await api.close();
    }
  });
});
