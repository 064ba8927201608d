import { NextRequest } from "next/server";
import { describe, expect, it } from "vitest";
import { POST } from "@/app/api/auth/[...nextauth]/route";
import { authOptions } from "@/lib/auth/options";
import {
  LOGIN_MAX_FAILURES,
  LOGIN_MAX_FAILURES_PER_IP,
  loginDelayMs,
  loginLockSeconds,
  recordLoginFailure,
} from "@/lib/data/login-throttle";
import { createUser, TEST_PASSWORD } from "../support/factories";
import { testDatabase } from "../support/test-database";

type Authorize = (credentials: Record<string, string> | undefined, req: { headers: Record<string, string> }) => Promise<unknown>;
const authorize = (authOptions.providers[0] as unknown as { options: { authorize: Authorize } }).options.authorize;
const fromIp = (ip: string) => ({ headers: { "x-forwarded-for": ip } });

describe("login", () => {
  it("accepts the right password, case-insensitively on the e-mail, and returns only public fields", async () => {
    const db = await testDatabase();
    const user = await createUser(db, { email: "ana@fabrica.test", name: "Ana" });
    const result = await authorize({ email: "  ANA@fabrica.test", password: TEST_PASSWORD }, fromIp("10.0.0.1"));
    expect(result).toEqual({ id: user.id, email: "ana@fabrica.test", name: "Ana" });
  });

  it("refuses a wrong password or unknown e-mail the same way", async () => {
    const db = await testDatabase();
    await createUser(db, { email: "bia@fabrica.test" });
    expect(await authorize({ email: "bia@fabrica.test", password: "errada" }, fromIp("10.0.0.2"))).toBeNull();
    expect(await authorize({ email: "ninguem@fabrica.test", password: "errada" }, fromIp("10.0.0.2"))).toBeNull();
  });

  it("rejects malformed input before touching the database", async () => {
    await expect(authorize({ email: "", password: "" }, fromIp("10.0.0.3"))).rejects.toThrow("INVALID_INPUT");
    await expect(authorize(undefined, fromIp("10.0.0.3"))).rejects.toThrow("INVALID_INPUT");
    await expect(authorize({ email: "a\u0000@b.co", password: "x" }, fromIp("10.0.0.3"))).rejects.toThrow("INVALID_INPUT");
  });
});

describe("failed-login throttling", () => {
  it("locks an e-mail at one address after 5 failures in 15 minutes, even with the right password, and says for how long", async () => {
    const db = await testDatabase();
    await createUser(db, { email: "caio@fabrica.test" });
    for (let attempt = 0; attempt < LOGIN_MAX_FAILURES; attempt++) {
      expect(await authorize({ email: "caio@fabrica.test", password: "errada" }, fromIp("10.1.0.1"))).toBeNull();
    }
    await expect(authorize({ email: "caio@fabrica.test", password: TEST_PASSWORD }, fromIp("10.1.0.1"))).rejects.toThrow(
      /^THROTTLED:1[45]$/,
    );
    expect(await authorize({ email: "caio@fabrica.test", password: TEST_PASSWORD }, fromIp("10.1.0.99"))).not.toBeNull();
  });

  it("locks an IP that fails on many e-mails, without locking those e-mails elsewhere", async () => {
    const db = await testDatabase();
    await createUser(db, { email: "duda@fabrica.test" });
    for (let attempt = 0; attempt < LOGIN_MAX_FAILURES_PER_IP; attempt++) {
      await recordLoginFailure(db.sql, `alvo${attempt}@fabrica.test`, "10.2.0.1");
    }
    await expect(authorize({ email: "duda@fabrica.test", password: TEST_PASSWORD }, fromIp("10.2.0.1"))).rejects.toThrow(
      /^THROTTLED:/,
    );
    expect(await authorize({ email: "duda@fabrica.test", password: TEST_PASSWORD }, fromIp("10.2.0.2"))).not.toBeNull();
  });

  it("holds under 20 concurrent wrong guesses from one address: at most 5 reach the password check", async () => {
    const db = await testDatabase();
    await createUser(db, { email: "gabi@fabrica.test" });
    const results = await Promise.allSettled(
      Array.from({ length: 20 }, (_, n) =>
        authorize({ email: "gabi@fabrica.test", password: `errada-${n}` }, fromIp("10.5.0.1")),
      ),
    );
    const checked = results.filter((result) => result.status === "fulfilled").length;
    const throttled = results.filter(
      (result) => result.status === "rejected" && /^THROTTLED:/.test(String(result.reason?.message)),
    );
    expect(checked).toBe(LOGIN_MAX_FAILURES);
    expect(throttled).toHaveLength(20 - LOGIN_MAX_FAILURES);
    await expect(authorize({ email: "gabi@fabrica.test", password: TEST_PASSWORD }, fromIp("10.5.0.1"))).rejects.toThrow(
      /^THROTTLED:/,
    );
  });

  it("never locks an IP for successful logins", async () => {
    const db = await testDatabase();
    await createUser(db, { email: "hugo@fabrica.test" });
    for (let attempt = 0; attempt < 3 * LOGIN_MAX_FAILURES; attempt++) {
      expect(await authorize({ email: "hugo@fabrica.test", password: TEST_PASSWORD }, fromIp("10.6.0.1"))).not.toBeNull();
    }
  });

  it("unlocks when the oldest failures leave the window and keeps counters in the database", async () => {
    const db = await testDatabase();
    const start = new Date("2026-11-26T10:00:00Z");
    for (let minute = 0; minute < LOGIN_MAX_FAILURES; minute++) {
      await recordLoginFailure(db.sql, "eva@fabrica.test", "10.3.0.1", new Date(start.getTime() + minute * 60_000));
    }
    const at = (minutes: number) => new Date(start.getTime() + minutes * 60_000);
    expect(await loginLockSeconds(db.sql, "eva@fabrica.test", "10.3.0.1", at(5))).toBe(10 * 60);
    expect(await loginLockSeconds(db.sql, "eva@fabrica.test", "10.3.0.9", at(5))).toBeNull();
    expect(await loginLockSeconds(db.sql, "eva@fabrica.test", "10.3.0.1", at(15))).toBeNull();
    const [row] = await db.sql.query<{ n: number }>(
      `SELECT sum(count)::int AS n FROM rate_limit_counters WHERE key = 'login:pair:10.3.0.1|eva@fabrica.test'`,
    );
    expect(row?.n).toBe(LOGIN_MAX_FAILURES);
  });

  it("lets a malformed e-mail through the throttle check to authorize(), never failing on it", async () => {
    await testDatabase();
    const request = new NextRequest("http://localhost:3000/api/auth/callback/credentials", {
      method: "POST",
      headers: { "content-type": "application/x-www-form-urlencoded" },
      body: new URLSearchParams({ email: "x\u0000y", password: "x", csrfToken: "t" }),
    });
    const response = await POST(request, { params: Promise.resolve({ nextauth: ["callback", "credentials"] }) });
    expect(response.status).not.toBe(429);
    expect(response.status).toBeLessThan(500);
  });

  it("answers a locked login with HTTP 429, Retry-After and the error the form shows", async () => {
    const db = await testDatabase();
    for (let attempt = 0; attempt < LOGIN_MAX_FAILURES; attempt++)
      await recordLoginFailure(db.sql, "fabio@fabrica.test", "10.4.0.1");
    const request = new NextRequest("http://localhost:3000/api/auth/callback/credentials", {
      method: "POST",
      headers: { "content-type": "application/x-www-form-urlencoded", "x-forwarded-for": "10.4.0.1" },
      body: new URLSearchParams({ email: "Fabio@fabrica.test", password: "x", csrfToken: "t", json: "true" }),
    });
    const response = await POST(request, { params: Promise.resolve({ nextauth: ["callback", "credentials"] }) });
    expect(response.status).toBe(429);
    expect(Number(response.headers.get("retry-after"))).toBeGreaterThan(14 * 60);
    const body = (await response.json()) as { url: string };
    expect(new URL(body.url).searchParams.get("error")).toMatch(/^THROTTLED:15$/);
  });

  it("slows down only after many failures of one e-mail, doubling up to 8 seconds", () => {
    expect(loginDelayMs(20)).toBe(0);
    expect(loginDelayMs(21)).toBe(1000);
    expect(loginDelayMs(31)).toBe(2000);
    expect(loginDelayMs(41)).toBe(4000);
    expect(loginDelayMs(1000)).toBe(8000);
  });
});
