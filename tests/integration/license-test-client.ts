// Test helpers for the license API: a real node:http server running the same handler server.ts
// mounts (so body limits, content types and headers are exercised for real), a controllable clock,
// and a serial with its manufacturer ready to activate.
import { generateKeyPairSync, randomBytes } from "node:crypto";
import { createServer, type Server } from "node:http";
import type { AddressInfo } from "node:net";
import { afterAll, beforeAll } from "vitest";
import { createLicensePool, licenseDbFromPool, type LicenseDb } from "@/lib/data/license-db";
import type { Database } from "@/lib/db/connection";
import { createLicenseApi, type LicenseApiOptions } from "@/lib/license/api";
import { createLicenseNodeHandler } from "@/lib/license/node-handler";
import { loadSigningKey, type LicenseSigningKey } from "@/lib/license/signing-key";
import type { Prisma } from "@/lib/db/generated/client";
import type { License } from "@/lib/validation/license-responses";
import { createAccount, createCustomer, createSubscription } from "../support/factories";

export const GENEROUS_LIMITS = { perSerial: 10_000, perMachine: 10_000, perIp: 10_000, windowMs: 600_000, bucketMs: 60_000 };

/** A fresh signing key, as an operator would configure it, so tests never touch .data/. */
export function testSigningKey(): LicenseSigningKey {
  const pem = generateKeyPairSync("ed25519").privateKey.export({ type: "pkcs8", format: "pem" }).toString();
  return loadSigningKey({ env: { LICENSE_SIGNING_KEY: pem } });
}

export type Clock = { now: Date; advance(ms: number): void };

export function testClock(start = new Date()): Clock {
  const clock: Clock = {
    now: start,
    advance(ms) {
      clock.now = new Date(clock.now.getTime() + ms);
    },
  };
  return clock;
}

export type ApiBody = {
  license?: License;
  token?: string;
  valid?: boolean;
  error?: {
    code: string;
    message: string;
    fieldErrors?: Record<string, string[]>;
    retryAfterSeconds?: number;
    retryAt?: string;
    requestId?: string;
  };
};
export type ApiAnswer = { status: number; headers: Headers; body: ApiBody };

/** Starts one license API server for the test file; `call` posts JSON to it. */
export function licenseServer(options: LicenseApiOptions & { clock?: Clock } = {}) {
  let server: Server;
  let base = "";
  const clock = options.clock;
  const key = options.key ?? testSigningKey();
  // The production path: the license API's own pool with prepared statements.
  let db: LicenseDb;
  beforeAll(async () => {
    db = options.db ?? licenseDbFromPool(createLicensePool(process.env.DATABASE_URL!, 4));
    const now = options.now ?? (clock ? () => clock.now : undefined);
    const api = createLicenseApi({ limits: GENEROUS_LIMITS, key, ...options, db, now });
    server = createServer(createLicenseNodeHandler(api));
    await new Promise<void>((resolve) => server.listen(0, "127.0.0.1", resolve));
    base = `http://127.0.0.1:${(server.address() as AddressInfo).port}`;
  });
  afterAll(async () => {
    await new Promise((resolve) => server.close(resolve));
    if (!options.db) await db.close();
  });

  async function raw(path: string, init: RequestInit & { ip?: string } = {}): Promise<ApiAnswer> {
    const headers = new Headers(init.headers);
    headers.set("x-forwarded-for", init.ip ?? "10.9.9.9");
    const response = await fetch(`${base}/api/v1/licenses/${path}`, { ...init, headers });
    const text = await response.text();
    return { status: response.status, headers: response.headers, body: text ? (JSON.parse(text) as ApiBody) : {} };
  }

  function call(path: string, body: unknown, ip?: string): Promise<ApiAnswer> {
    return raw(path, { method: "POST", headers: { "content-type": "application/json" }, body: JSON.stringify(body), ip });
  }
  return { raw, call, key, db: () => db, url: () => base };
}

export const nonce = () => randomBytes(16).toString("base64url");

export function machine(name = `MAQ-${randomBytes(3).toString("hex").toUpperCase()}`) {
  return { id: randomBytes(16).toString("hex"), name, os: "Windows 11 Pro", appVersion: "5.4.2" };
}

/** A manufacturer with one customer and one serial (ATIVA, paid for months ahead unless told). */
export async function serialFixture(
  db: Database,
  data: Partial<Prisma.SubscriptionUncheckedCreateInput> = {},
  account: Partial<Prisma.AccountUncheckedCreateInput> = {},
) {
  const manufacturer = await createAccount(db, account);
  const customer = await createCustomer(db, manufacturer.id);
  const subscription = await createSubscription(db, customer, data);
  return { manufacturer, customer, subscription, serial: subscription.serialNumber };
}

export async function activationsOf(db: Database, subscriptionId: string) {
  return db.prisma.activation.findMany({ where: { subscriptionId }, orderBy: { activatedAt: "asc" } });
}

export async function eventsOf(db: Database, subscriptionId: string) {
  return db.prisma.subscriptionEvent.findMany({ where: { subscriptionId }, orderBy: { createdAt: "asc" } });
}
