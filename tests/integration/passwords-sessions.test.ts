// Server-side sessions (sign-out, idle time, "Sair de todos os dispositivos") and passwords
// (Alterar senha, Esqueci minha senha with a real SMTP server).
import { afterAll, beforeAll, describe, expect, it } from "vitest";
import {
  changeOwnPassword,
  requestPasswordReset,
  resetForgottenPassword,
  signOutEverywhere,
} from "@/lib/actions/password-actions";
import { getCurrentContext } from "@/lib/auth/context";
import { authOptions } from "@/lib/auth/options";
import { verifyPassword } from "@/lib/auth/password";
import { hashLinkToken } from "@/lib/data/link-tokens";
import { RESET_MAX_PER_EMAIL } from "@/lib/data/password-reset-throttle";
import { startUserSession, touchUserSession } from "@/lib/data/user-sessions";
import { createAccount, createUser, TEST_PASSWORD } from "../support/factories";
import { form } from "../support/form";
import { currentSessionId, signInAs } from "../support/next-runtime";
import { startSmtpTestServer, type SmtpTestServer } from "../support/smtp-test-server";
import { testDatabase } from "../support/test-database";

let smtp: SmtpTestServer;
const RESET_LINK = /\/redefinir-senha\/([A-Za-z0-9_-]{43})/;

beforeAll(async () => {
  smtp = await startSmtpTestServer();
  process.env.SMTP_URL = smtp.url;
});

afterAll(async () => {
  delete process.env.SMTP_URL;
  await smtp.close();
});

async function member() {
  const db = await testDatabase();
  const account = await createAccount(db);
  const other = await createAccount(db, { kind: "LOJISTA" });
  const user = await createUser(db, {
    memberships: [
      { accountId: account.id, profiles: ["FABRICANTE"] },
      { accountId: other.id, profiles: ["CONVIDADO"] },
    ],
  });
  return { db, user, accounts: [account.id, other.id] };
}

describe("server-side sessions", () => {
  it("a signed-out session no longer opens anything", async () => {
    const { db, user } = await member();
    const sessionId = await startUserSession(db.sql, user.id);
    signInAs(user.id, { sessionId });
    expect((await getCurrentContext())?.user.id).toBe(user.id);
    await authOptions.events!.signOut!({ token: { sub: user.id, sid: sessionId }, session: null as never });
    expect(await getCurrentContext()).toBeNull();
    expect(await db.prisma.userSession.findUniqueOrThrow({ where: { id: sessionId } })).toMatchObject({
      revokedAt: expect.any(Date),
    });
  });

  it("ends after the idle time and after the absolute lifetime, and belongs to one user", async () => {
    const { db, user } = await member();
    const stranger = await createUser(db);
    const start = new Date("2026-12-01T12:00:00Z");
    const sessionId = await startUserSession(db.sql, user.id, start);
    const minutes = (n: number) => new Date(start.getTime() + n * 60_000);
    expect(await touchUserSession(db.sql, sessionId, user.id, minutes(50), 60)).toBe(true);
    // Used at minute 50: alive until minute 110 with a 60-minute idle time.
    expect(await touchUserSession(db.sql, sessionId, user.id, minutes(105), 60)).toBe(true);
    expect(await touchUserSession(db.sql, sessionId, stranger.id, minutes(106), 60)).toBe(false);
    expect(await touchUserSession(db.sql, sessionId, user.id, minutes(170), 60)).toBe(false);
    const busy = await startUserSession(db.sql, user.id, start);
    for (let minute = 30; minute < 8 * 60; minute += 30)
      expect(await touchUserSession(db.sql, busy, user.id, minutes(minute), 60)).toBe(true);
    expect(await touchUserSession(db.sql, busy, user.id, minutes(8 * 60 + 1), 60)).toBe(false);
    expect((await db.prisma.user.findUniqueOrThrow({ where: { id: user.id } })).lastLoginAt).toEqual(start);
  });

  it("Sair de todos os dispositivos ends every session of the user, and only theirs", async () => {
    const { db, user } = await member();
    const someoneElse = await createUser(db);
    const elsewhere = await startUserSession(db.sql, user.id);
    const theirs = await startUserSession(db.sql, someoneElse.id);
    signInAs(user.id);
    expect(await signOutEverywhere(null, form({}))).toEqual({ ok: true, data: { ended: 2 } });
    expect(await getCurrentContext()).toBeNull();
    expect(await touchUserSession(db.sql, elsewhere, user.id)).toBe(false);
    expect(await touchUserSession(db.sql, theirs, someoneElse.id)).toBe(true);
  });
});

describe("Alterar senha", () => {
  it("needs the current password and the strength rule; nothing changes otherwise", async () => {
    const { db, user } = await member();
    signInAs(user.id);
    const change = (fields: Record<string, string>) =>
      changeOwnPassword(
        null,
        form({ currentPassword: TEST_PASSWORD, password: "nova-senha-1", confirmPassword: "nova-senha-1", ...fields }),
      );
    expect(await change({ currentPassword: "errada" })).toMatchObject({
      ok: false,
      code: "VALIDATION",
      fieldErrors: { currentPassword: ["A senha atual não confere."] },
    });
    expect(await change({ password: "abcdefgh", confirmPassword: "abcdefgh" })).toMatchObject({
      fieldErrors: { password: ["Use letras e números na senha."] },
    });
    expect(await change({ confirmPassword: "outra-senha-1" })).toMatchObject({
      fieldErrors: { confirmPassword: ["As senhas não conferem."] },
    });
    const stored = await db.prisma.user.findUniqueOrThrow({ where: { id: user.id } });
    expect(await verifyPassword(TEST_PASSWORD, stored.passwordHash)).toBe(true);
    expect(await db.prisma.accountEvent.count({ where: { targetId: user.id } })).toBe(0);
  });

  it("keeps this session, ends the others, and writes an event in each of the user's accounts", async () => {
    const { db, user, accounts } = await member();
    const laptop = await startUserSession(db.sql, user.id);
    signInAs(user.id);
    const result = await changeOwnPassword(
      null,
      form({ currentPassword: TEST_PASSWORD, password: "nova-senha-1", confirmPassword: "nova-senha-1" }),
    );
    expect(result).toEqual({ ok: true, data: null });
    expect(await touchUserSession(db.sql, laptop, user.id)).toBe(false);
    expect(await touchUserSession(db.sql, currentSessionId()!, user.id)).toBe(true);
    const stored = await db.prisma.user.findUniqueOrThrow({ where: { id: user.id } });
    expect(await verifyPassword("nova-senha-1", stored.passwordHash)).toBe(true);
    const events = await db.prisma.accountEvent.findMany({ where: { type: "password.changed", targetId: user.id } });
    expect(events.map((event) => event.accountId).sort()).toEqual([...accounts].sort());
  });
});

describe("Esqueci minha senha", () => {
  it("answers the same for an unknown e-mail, and mails a one-hour link to a known one", async () => {
    const { db, user } = await member();
    signInAs(null, { ip: "10.9.0.1" });
    expect(await requestPasswordReset(null, form({ email: "ninguem@fabrica.test" }))).toEqual({ ok: true, data: null });
    expect(await requestPasswordReset(null, form({ email: user.email.toUpperCase() }))).toEqual({ ok: true, data: null });
    const mail = await smtp.waitFor((m) => m.to.includes(user.email));
    expect(mail.subject).toBe("Redefinição de senha do Portal de Assinaturas");
    expect(mail.html).toMatch(RESET_LINK);
    const token = RESET_LINK.exec(mail.text)![1]!;
    const stored = await db.prisma.passwordResetToken.findFirstOrThrow({ where: { userId: user.id } });
    expect(stored.tokenHash).toBe(hashLinkToken(token));
    expect(stored.expiresAt.getTime() - Date.now()).toBeGreaterThan(59 * 60_000);
    expect(stored.expiresAt.getTime() - Date.now()).toBeLessThanOrEqual(60 * 60_000);
    expect(smtp.messages.some((m) => m.to.includes("ninguem@fabrica.test"))).toBe(false);
    expect(await requestPasswordReset(null, form({ email: "nao e email" }))).toMatchObject({ ok: false, code: "VALIDATION" });
  });

  it("uses the token once, even from two tabs at once, and ends every session", async () => {
    const { db, user, accounts } = await member();
    const session = await startUserSession(db.sql, user.id);
    signInAs(null, { ip: "10.9.0.2" });
    await requestPasswordReset(null, form({ email: user.email }));
    const token = RESET_LINK.exec((await smtp.waitFor((m) => m.to.includes(user.email))).text)![1]!;
    const reset = (password: string) => resetForgottenPassword(null, form({ token, password, confirmPassword: password }));
    const results = await Promise.all([reset("primeira-1"), reset("segunda-2")]);
    expect(results.filter((r) => r.ok)).toHaveLength(1);
    expect(results.find((r) => !r.ok)).toMatchObject({
      code: "NOT_FOUND",
      error: "Este link de redefinição não é válido, já foi usado ou expirou. Peça um novo em “Esqueci minha senha”.",
    });
    expect(await touchUserSession(db.sql, session, user.id)).toBe(false);
    const events = await db.prisma.accountEvent.findMany({ where: { type: "password.reset", targetId: user.id } });
    expect(events.map((event) => event.accountId).sort()).toEqual([...accounts].sort());
    expect(await reset("terceira-3")).toMatchObject({ ok: false, code: "NOT_FOUND" });
  });

  it("refuses an expired token", async () => {
    const { db, user } = await member();
    signInAs(null, { ip: "10.9.0.3" });
    await requestPasswordReset(null, form({ email: user.email }));
    const token = RESET_LINK.exec((await smtp.waitFor((m) => m.to.includes(user.email))).text)![1]!;
    await db.prisma.passwordResetToken.updateMany({ where: { userId: user.id }, data: { expiresAt: new Date(Date.now() - 1) } });
    expect(
      await resetForgottenPassword(null, form({ token, password: "valida-123", confirmPassword: "valida-123" })),
    ).toMatchObject({
      ok: false,
      code: "NOT_FOUND",
    });
    const stored = await db.prisma.user.findUniqueOrThrow({ where: { id: user.id } });
    expect(await verifyPassword(TEST_PASSWORD, stored.passwordHash)).toBe(true);
  });

  it("is throttled per e-mail, whether it exists or not", async () => {
    const { user } = await member();
    for (const email of [user.email, "fantasma@fabrica.test"]) {
      for (let attempt = 0; attempt < RESET_MAX_PER_EMAIL; attempt++) {
        signInAs(null, { ip: `10.8.${attempt}.1` });
        expect(await requestPasswordReset(null, form({ email }))).toEqual({ ok: true, data: null });
      }
      signInAs(null, { ip: "10.8.99.1" });
      expect(await requestPasswordReset(null, form({ email }))).toMatchObject({ ok: false, code: "RATE_LIMITED" });
    }
  });
});
