import { describe, expect, it } from "vitest";
import { purgeCountersOnce, startCounterPurge } from "@/lib/license/counter-purge";
import { machineRateKey } from "@/lib/license/rate-limit";
import { testDatabase } from "../support/test-database";
import { licenseServer, machine, nonce, serialFixture, testClock, testSigningKey } from "./license-test-client";

const clock = testClock(new Date("2026-12-01T12:00:30Z"));
const limits = { perSerial: 3, perMachine: 3, perIp: 5, windowMs: 10 * 60_000, bucketMs: 60_000 };
const key = testSigningKey();
// Two app servers sharing one database, as behind a load balancer.
const serverA = licenseServer({ clock, limits, key });
const serverB = licenseServer({ clock, limits, key });

async function activatedSerial() {
  const db = await testDatabase();
  const { serial, subscription } = await serialFixture(db);
  const computer = machine();
  const activation = await db.prisma.activation.create({
    data: {
      subscriptionId: subscription.id,
      machineId: computer.id,
      machineName: computer.name,
      os: computer.os,
      appVersion: "1",
    },
  });
  return { db, serial, computer, activation };
}

describe("rate limits of the license API", () => {
  it("limits one serial's computer across servers and IPs: 429 with Retry-After, and nothing recorded for the refused call", async () => {
    const { db, serial, computer, activation } = await activatedSerial();
    const checkIn = (server: typeof serverA, ip: string) =>
      server.call("check-in", { serialNumber: serial, machineId: computer.id, nonce: nonce() }, ip);
    expect((await checkIn(serverA, "10.20.0.1")).status).toBe(200);
    expect((await checkIn(serverB, "10.20.0.2")).status).toBe(200);
    expect((await checkIn(serverA, "10.20.0.3")).status).toBe(200);
    const seen = (await db.prisma.activation.findUniqueOrThrow({ where: { id: activation.id } })).lastSeenAt;

    clock.advance(10_000);
    const refused = await checkIn(serverB, "10.20.0.4");
    expect(refused.status).toBe(429);
    expect(refused.body.error?.code).toBe("RATE_LIMITED");
    const retryAfter = Number(refused.headers.get("retry-after"));
    // The window is 10 minutes; the hits were all in the current minute's bucket.
    expect(retryAfter).toBeGreaterThan(8 * 60);
    expect(retryAfter).toBeLessThanOrEqual(10 * 60);
    expect(refused.body.error?.retryAfterSeconds).toBe(retryAfter);
    expect((await db.prisma.activation.findUniqueOrThrow({ where: { id: activation.id } })).lastSeenAt).toEqual(seen);

    const [row] = await db.sql.query<{ n: number }>(`SELECT sum(count)::int AS n FROM rate_limit_counters WHERE key = $1`, [
      machineRateKey(serial, computer.id),
    ]);
    expect(row?.n).toBe(4);

    // The window slides: once the hits are older than 10 minutes the serial may call again.
    clock.advance(10 * 60_000);
    expect((await checkIn(serverA, "10.20.0.5")).status).toBe(200);
  });

  it("limits one IP across serials, without blocking other IPs", async () => {
    const ip = "10.30.0.1";
    const serials = await Promise.all(Array.from({ length: 6 }, () => activatedSerial()));
    const statuses: number[] = [];
    for (const { serial, computer } of serials) {
      statuses.push(
        (await serverA.call("check-in", { serialNumber: serial, machineId: computer.id, nonce: nonce() }, ip)).status,
      );
    }
    expect(statuses).toEqual([200, 200, 200, 200, 200, 429]);
    const last = serials[5]!;
    const elsewhere = await serverB.call(
      "check-in",
      { serialNumber: last.serial, machineId: last.computer.id, nonce: nonce() },
      "10.30.0.2",
    );
    expect(elsewhere.status).toBe(200);
  });

  it("counts unknown serials too, so an IP can't enumerate serial numbers", async () => {
    const ip = "10.40.0.1";
    const statuses: number[] = [];
    for (let attempt = 0; attempt < 6; attempt++) {
      const serialNumber = `AAAA-BBBB-CCCC-${String(attempt).padStart(4, "X")}`;
      statuses.push((await serverA.call("activate", { serialNumber, machine: machine(), nonce: nonce() }, ip)).status);
    }
    expect(statuses).toEqual([404, 404, 404, 404, 404, 429]);
  });

  it("drops counters no window can read any more, from every server, keeping the live ones", async () => {
    const { sql } = await testDatabase();
    await sql.query(
      `INSERT INTO rate_limit_counters (key, window_start, count, expires_at) VALUES
         ('lic:ip:old', now() - interval '1 hour', 3, now() - interval '1 minute'),
         ('lic:ip:live', now(), 1, now() + interval '10 minutes')`,
    );
    const stop = startCounterPurge(sql, 20);
    try {
      await expect
        .poll(async () =>
          (
            await sql.query<{ key: string }>(`SELECT key FROM rate_limit_counters WHERE key IN ('lic:ip:old', 'lic:ip:live')`)
          ).map((row) => row.key),
        )
        .toEqual(["lic:ip:live"]);
    } finally {
      stop();
    }
  });

  it("lets one server purge at a time: a second one finds the lock taken and skips", async () => {
    const { sql } = await testDatabase();
    await sql.transaction(async (tx) => {
      await tx.query(`SELECT pg_advisory_xact_lock(hashtext('portal-assinaturas.counter-purge'))`);
      expect(await purgeCountersOnce(sql)).toBeNull();
    });
    expect(await purgeCountersOnce(sql)).toEqual(expect.any(Number));
  });
});
