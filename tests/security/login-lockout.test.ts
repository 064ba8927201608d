// Finding: anyone could lock any user out — 5 wrong passwords for an e-mail, from any address, with
// the e-mail in upper case or padded, made the right password answer 429 for 15 minutes.
// Replayed here through the login route and authorize(), with addresses as server.ts resolves them.
import { NextRequest } from "next/server";
import { afterAll, beforeAll, describe, expect, it } from "vitest";
import { POST } from "@/app/api/auth/[...nextauth]/route";
import { authOptions } from "@/lib/auth/options";
import {
  beginLoginAttempt,
  LOGIN_EMAIL_SLOWDOWN_AFTER,
  LOGIN_MAX_FAILURES,
  LOGIN_MAX_FAILURES_PER_IP,
  recordLoginFailure,
} from "@/lib/data/login-throttle";
import { resolveClientIp } from "@/lib/http/client-ip";
import { createUser, TEST_PASSWORD } from "../support/factories";
import { startSmtpTestServer, type SmtpTestServer } from "../support/smtp-test-server";
import { testDatabase } from "../support/test-database";

type Authorize = (credentials: Record<string, string> | undefined, req: { headers: Record<string, string> }) => Promise<unknown>;
const authorize = (authOptions.providers[0] as unknown as { options: { authorize: Authorize } }).options.authorize;
const fromIp = (ip: string) => ({ headers: { "x-forwarded-for": ip } });

let smtp: SmtpTestServer;
beforeAll(async () => {
  smtp = await startSmtpTestServer();
  process.env.SMTP_URL = smtp.url;
});
afterAll(async () => {
  delete process.env.SMTP_URL;
  await smtp.close();
});

function loginRequest(email: string, password: string, headers: Record<string, string>) {
  return new NextRequest("http://localhost:3000/api/auth/callback/credentials", {
    method: "POST",
    headers: { "content-type": "application/x-www-form-urlencoded", ...headers },
    body: new URLSearchParams({ email, password, csrfToken: "t", json: "true" }),
  });
}
const credentialsRoute = { params: Promise.resolve({ nextauth: ["callback", "credentials"] }) };

describe("login lockout by a stranger", () => {
  it("35 wrong passwords from one address, in any spelling of the e-mail, don't keep the user out", async () => {
    const db = await testDatabase();
    const user = await createUser(db, { email: "vitima@fabrica.test", name: "Vítima" });
    const spellings = ["vitima@fabrica.test", "VITIMA@FABRICA.TEST", "  Vitima@Fabrica.test  "];
    for (let attempt = 0; attempt < 35; attempt++) {
      await authorize({ email: spellings[attempt % 3]!, password: `errada-${attempt}` }, fromIp("203.0.113.66")).catch(
        () => null,
      );
    }
    // The attacker's address is refused for this e-mail, in every spelling…
    await expect(authorize({ email: " VITIMA@fabrica.test", password: TEST_PASSWORD }, fromIp("203.0.113.66"))).rejects.toThrow(
      /^THROTTLED:/,
    );
    // …the user's own address still gets in, without waiting, and the route does not answer 429.
    expect(await beginLoginAttempt(db.sql, "vitima@fabrica.test", "198.51.100.9")).toMatchObject({ kind: "go", delayMs: 0 });
    expect(await authorize({ email: "vitima@fabrica.test", password: TEST_PASSWORD }, fromIp("198.51.100.7"))).toMatchObject({
      id: user.id,
    });
    const response = await POST(
      loginRequest("vitima@fabrica.test", "errada", { "x-forwarded-for": "198.51.100.7" }),
      credentialsRoute,
    );
    expect(response.status).not.toBe(429);
  });

  it("a forged X-Forwarded-For is not the address: without a trusted proxy the socket's address counts", async () => {
    const db = await testDatabase();
    await createUser(db, { email: "forjado@fabrica.test" });
    for (let attempt = 0; attempt < LOGIN_MAX_FAILURES; attempt++) {
      // What server.ts hands the handlers for a request that claims another address each time.
      const ip = resolveClientIp(`10.9.${attempt}.1, 10.9.${attempt}.2`, "203.0.113.5", 0);
      await authorize({ email: "forjado@fabrica.test", password: "errada" }, fromIp(ip));
    }
    const forged = resolveClientIp("198.51.100.200", "203.0.113.5", 0);
    expect(forged).toBe("203.0.113.5");
    await expect(authorize({ email: "forjado@fabrica.test", password: TEST_PASSWORD }, fromIp(forged))).rejects.toThrow(
      /^THROTTLED:/,
    );
    expect(await authorize({ email: "forjado@fabrica.test", password: TEST_PASSWORD }, fromIp("198.51.100.8"))).not.toBeNull();
  });

  it("still stops guessing: 5 failures per e-mail and address, 30 per address, answered 429 by the route", async () => {
    const db = await testDatabase();
    await createUser(db, { email: "alvo@fabrica.test" });
    for (let attempt = 0; attempt < LOGIN_MAX_FAILURES; attempt++) {
      expect(await authorize({ email: "alvo@fabrica.test", password: "errada" }, fromIp("203.0.113.10"))).toBeNull();
    }
    await expect(authorize({ email: "alvo@fabrica.test", password: TEST_PASSWORD }, fromIp("203.0.113.10"))).rejects.toThrow(
      /^THROTTLED:1[45]$/,
    );
    const locked = await POST(loginRequest("ALVO@fabrica.test", "x", { "x-forwarded-for": "203.0.113.10" }), credentialsRoute);
    expect(locked.status).toBe(429);

    for (let attempt = 0; attempt < LOGIN_MAX_FAILURES_PER_IP; attempt++) {
      await recordLoginFailure(db.sql, `outro${attempt}@fabrica.test`, "203.0.113.11");
    }
    await expect(authorize({ email: "alvo@fabrica.test", password: TEST_PASSWORD }, fromIp("203.0.113.11"))).rejects.toThrow(
      /^THROTTLED:/,
    );
  });

  it("holds under 20 concurrent guesses from one address: at most 5 reach the password check", async () => {
    const db = await testDatabase();
    await createUser(db, { email: "rajada@fabrica.test" });
    const results = await Promise.allSettled(
      Array.from({ length: 20 }, (_, n) =>
        authorize({ email: "rajada@fabrica.test", password: `errada-${n}` }, fromIp("203.0.113.20")),
      ),
    );
    expect(results.filter((result) => result.status === "fulfilled")).toHaveLength(LOGIN_MAX_FAILURES);
  });

  it("many addresses guessing one e-mail: failing addresses are slowed down, the user is told once by e-mail", async () => {
    const db = await testDatabase();
    const user = await createUser(db, { email: "distribuido@fabrica.test", name: "Dora" });
    for (let attempt = 0; attempt < LOGIN_EMAIL_SLOWDOWN_AFTER + 5; attempt++) {
      await recordLoginFailure(db.sql, "distribuido@fabrica.test", `192.0.2.${attempt}`);
    }
    // An address that has been failing for this e-mail waits before its answer…
    const started = Date.now();
    expect(await authorize({ email: "distribuido@fabrica.test", password: "errada" }, fromIp("192.0.2.1"))).toBeNull();
    expect(Date.now() - started).toBeGreaterThanOrEqual(1000);
    // …one that has not gets in with the right password, and the throttle makes it wait for nothing.
    expect(await beginLoginAttempt(db.sql, "distribuido@fabrica.test", "192.0.2.251")).toMatchObject({ kind: "go", delayMs: 0 });
    expect(await authorize({ email: "distribuido@fabrica.test", password: TEST_PASSWORD }, fromIp("192.0.2.250"))).toMatchObject({
      id: user.id,
    });

    const mail = await smtp.waitFor((m) => m.to.includes("distribuido@fabrica.test"));
    expect(mail.subject).toContain("Tentativas de login sem sucesso");
    expect(mail.text).toContain("Dora");
    for (let attempt = 0; attempt < 3; attempt++) {
      await authorize({ email: "distribuido@fabrica.test", password: "errada" }, fromIp(`192.0.2.${100 + attempt}`));
    }
    await new Promise((resolve) => setTimeout(resolve, 300));
    expect(smtp.messages.filter((m) => m.to.includes("distribuido@fabrica.test"))).toHaveLength(1);
  });
});
