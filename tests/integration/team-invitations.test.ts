// Convidar usuário end to end below the browser: the e-mail through a real SMTP server, the link's
// token (hashed, single use even when two tabs submit it at once), re-inviting, revoking, accepting.
import { afterAll, beforeAll, describe, expect, it } from "vitest";
import { acceptInvite } from "@/lib/actions/invitation-actions";
import { inviteUser, resendInvite, revokeInvite } from "@/lib/actions/team-actions";
import { loadUserContext } from "@/lib/data/accounts";
import { hashLinkToken } from "@/lib/data/link-tokens";
import { listTeam, listTeamChanges } from "@/lib/data/team";
import { createAccount, createUser } from "../support/factories";
import { form } from "../support/form";
import { signInAs } from "../support/next-runtime";
import { startSmtpTestServer, type SmtpTestServer } from "../support/smtp-test-server";
import { testDatabase } from "../support/test-database";

let smtp: SmtpTestServer;
const TOKEN_LINK = /http:\/\/localhost:\d+\/convite\/([A-Za-z0-9_-]{43})/;

beforeAll(async () => {
  smtp = await startSmtpTestServer();
  process.env.SMTP_URL = smtp.url;
  process.env.NEXTAUTH_URL = "http://localhost:3999";
});

afterAll(async () => {
  delete process.env.SMTP_URL;
  await smtp.close();
});

async function setup() {
  const db = await testDatabase();
  const account = await createAccount(db, { name: "Móveis Teste" });
  const owner = await createUser(db, {
    name: "Rita Responsável",
    memberships: [{ accountId: account.id, profiles: ["RESPONSAVEL"] }],
  });
  signInAs(owner.id);
  return { db, account, owner };
}

async function invite(email: string, profiles: string[] = ["FABRICANTE"]) {
  const result = await inviteUser(null, form({ email, profiles }));
  expect(result.ok, JSON.stringify(result)).toBe(true);
  const mail = await smtp.waitFor((m) => m.to.includes(email) && TOKEN_LINK.test(m.text) && !seen.has(m));
  seen.add(mail);
  return { result, mail, token: TOKEN_LINK.exec(mail.text)![1]! };
}
const seen = new Set<unknown>();

describe("Convidar usuário", () => {
  it("e-mails a new address a single-use link (pt-BR, text and HTML) and stores only its hash", async () => {
    const { db, account, owner } = await setup();
    const { mail, token } = await invite("nova@fabrica.test");
    expect(mail.subject).toBe("Convite para a conta Móveis Teste no Portal de Assinaturas");
    expect(mail.text).toContain("Rita Responsável convidou você para participar da conta Móveis Teste");
    expect(mail.text).toContain("Fabricante");
    expect(mail.html).toContain(`/convite/${token}`);
    const stored = await db.prisma.invitation.findFirstOrThrow({ where: { accountId: account.id } });
    expect(stored.tokenHash).toBe(hashLinkToken(token));
    expect(Object.values(stored).map(String).join(" ")).not.toContain(token);
    expect(stored.expiresAt.getTime() - Date.now()).toBeGreaterThan(6.9 * 86_400_000);
    const event = await db.prisma.accountEvent.findFirstOrThrow({ where: { accountId: account.id, type: "invitation.created" } });
    expect(event).toMatchObject({ actorUserId: owner.id, targetLabel: "nova@fabrica.test", after: { profiles: ["FABRICANTE"] } });
    expect(JSON.stringify([event.before, event.after, event.targetLabel])).not.toContain(token);

    const { rows } = await listTeam(account.id, { pagina: 1 });
    expect(rows.find((row) => row.kind === "invitation")).toMatchObject({ email: "nova@fabrica.test", expired: false });
  });

  it("gives an existing user the membership at once, with a notice by e-mail", async () => {
    const { db, account } = await setup();
    const other = await createAccount(db, { kind: "LOJISTA" });
    const existing = await createUser(db, {
      email: "ja@fabrica.test",
      name: "Já Existe",
      memberships: [{ accountId: other.id, profiles: ["RESPONSAVEL"] }],
    });
    const result = await inviteUser(null, form({ email: "JA@fabrica.test ", profiles: ["ADMINISTRADOR", "CONVIDADO"] }));
    expect(result).toMatchObject({ ok: true, data: { kind: "added", email: "ja@fabrica.test", mailSent: true } });
    const context = await loadUserContext(existing.id, account.id);
    expect(context?.account?.id).toBe(account.id);
    expect(context?.profiles).toEqual(["ADMINISTRADOR", "CONVIDADO"]);
    const mail = await smtp.waitFor((m) => m.to.includes("ja@fabrica.test"));
    expect(mail.subject).toBe("Você agora participa da conta Móveis Teste");
    expect(await db.prisma.invitation.count({ where: { accountId: account.id } })).toBe(0);
    expect(await inviteUser(null, form({ email: "ja@fabrica.test", profiles: ["CONVIDADO"] }))).toMatchObject({
      ok: false,
      code: "CONFLICT",
      error: "ja@fabrica.test já participa desta conta.",
      fieldErrors: { email: ["Este e-mail já participa desta conta."] },
    });
  });

  it("rejects a malformed e-mail or no profile with field errors, writing nothing", async () => {
    const { db, account } = await setup();
    expect(await inviteUser(null, form({ email: "não-é-email", profiles: ["FABRICANTE"] }))).toMatchObject({
      ok: false,
      code: "VALIDATION",
      fieldErrors: { email: ["Informe um e-mail válido, por exemplo nome@empresa.com.br."] },
    });
    expect(await inviteUser(null, form({ email: "ok@fabrica.test" }))).toMatchObject({
      ok: false,
      fieldErrors: { profiles: ["Escolha ao menos um perfil."] },
    });
    expect(await inviteUser(null, form({ email: "ok@fabrica.test", profiles: ["DONO"] }))).toMatchObject({
      ok: false,
      code: "VALIDATION",
    });
    expect(await db.prisma.invitation.count({ where: { accountId: account.id } })).toBe(0);
    expect(await db.prisma.accountEvent.count({ where: { accountId: account.id } })).toBe(0);
  });

  it("re-inviting replaces the token; revoking ends it", async () => {
    const { db, account, owner } = await setup();
    const first = await invite("troca@fabrica.test");
    const second = await invite("troca@fabrica.test", ["CONVIDADO"]);
    expect(second.token).not.toBe(first.token);
    const invitation = await db.prisma.invitation.findFirstOrThrow({ where: { accountId: account.id } });
    expect(invitation.profiles).toEqual(["CONVIDADO"]);
    signInAs(null);
    expect(
      await acceptInvite(null, form({ token: first.token, name: "Tr", password: "senha1234", confirmPassword: "senha1234" })),
    ).toMatchObject({
      ok: false,
      code: "NOT_FOUND",
      error: "Este convite não é válido ou já foi usado.",
    });
    signInAs(owner.id);
    const resent = await resendInvite(null, form({ invitationId: invitation.id }));
    expect(resent).toMatchObject({ ok: true, data: { kind: "invited", email: "troca@fabrica.test" } });
    expect(await revokeInvite(null, form({ invitationId: invitation.id }))).toMatchObject({
      ok: true,
      data: { email: "troca@fabrica.test" },
    });
    expect(await db.prisma.invitation.count({ where: { accountId: account.id } })).toBe(0);
    const types = (await db.prisma.accountEvent.findMany({ where: { accountId: account.id }, orderBy: { seq: "asc" } })).map(
      (e) => e.type,
    );
    expect(types).toEqual(["invitation.created", "invitation.renewed", "invitation.renewed", "invitation.revoked"]);
    const changes = await listTeamChanges(account.id, [invitation.id]);
    expect(changes.get(invitation.id)?.map((c) => c.type)).toEqual([
      "invitation.revoked",
      "invitation.renewed",
      "invitation.renewed",
      "invitation.created",
    ]);
  });
});

describe("accepting an invitation", () => {
  it("creates the user and the membership, and records who accepted", async () => {
    const { db, account } = await setup();
    const { token } = await invite("aceita@fabrica.test");
    signInAs(null);
    const result = await acceptInvite(
      null,
      form({ token, name: "Ana Aceita", password: "nova-senha-1", confirmPassword: "nova-senha-1" }),
    );
    expect(result).toEqual({ ok: true, data: { email: "aceita@fabrica.test" } });
    const user = await db.prisma.user.findUniqueOrThrow({
      where: { email: "aceita@fabrica.test" },
      include: { memberships: true },
    });
    expect(user).toMatchObject({ name: "Ana Aceita", defaultAccountId: account.id });
    expect(user.memberships.map((m) => m.profiles)).toEqual([["FABRICANTE"]]);
    expect(
      await db.prisma.accountEvent.findFirst({ where: { accountId: account.id, type: "invitation.accepted" } }),
    ).toMatchObject({
      actorUserId: user.id,
      targetId: user.id,
    });
    const { rows } = await listTeam(account.id, { pagina: 1, q: "aceita" });
    expect(rows).toMatchObject([
      { kind: "member", name: "Ana Aceita", profiles: ["FABRICANTE"], isDefault: true, lastLoginAt: null },
    ]);
  });

  it("works once even when two tabs submit the same token at the same moment", async () => {
    const { db, account } = await setup();
    const { token } = await invite("duas-abas@fabrica.test");
    signInAs(null);
    const submit = (name: string) =>
      acceptInvite(null, form({ token, name, password: "senha-forte-9", confirmPassword: "senha-forte-9" }));
    const results = await Promise.all([submit("Aba Um"), submit("Aba Dois")]);
    expect(results.filter((r) => r.ok)).toHaveLength(1);
    expect(results.find((r) => !r.ok)).toMatchObject({ code: "NOT_FOUND", error: "Este convite não é válido ou já foi usado." });
    expect(await db.prisma.user.count({ where: { email: "duas-abas@fabrica.test" } })).toBe(1);
    expect(await db.prisma.accountEvent.count({ where: { accountId: account.id, type: "invitation.accepted" } })).toBe(1);
  });

  it("refuses an expired, foreign or malformed token, and a weak or mismatched password, writing nothing", async () => {
    const { db, account } = await setup();
    const { token } = await invite("expira@fabrica.test");
    signInAs(null);
    const accept = (fields: Record<string, string>) =>
      acceptInvite(null, form({ token, name: "Eva", password: "senha1234", confirmPassword: "senha1234", ...fields }));
    expect(await accept({ password: "curta1", confirmPassword: "curta1" })).toMatchObject({
      fieldErrors: { password: ["A senha precisa ter pelo menos 8 caracteres."] },
    });
    expect(await accept({ password: "sónumeros", confirmPassword: "sónumeros" })).toMatchObject({
      fieldErrors: { password: ["Use letras e números na senha."] },
    });
    expect(await accept({ confirmPassword: "outra1234" })).toMatchObject({
      fieldErrors: { confirmPassword: ["As senhas não conferem."] },
    });
    expect(await accept({ name: "" })).toMatchObject({ fieldErrors: { name: ["Informe seu nome."] } });
    expect(await accept({ token: "curto" })).toMatchObject({ fieldErrors: { token: ["Link inválido."] } });
    expect(await accept({ token: "A".repeat(43) })).toMatchObject({ code: "NOT_FOUND" });
    await db.prisma.invitation.updateMany({ where: { accountId: account.id }, data: { expiresAt: new Date(Date.now() - 1000) } });
    expect(await accept({})).toMatchObject({
      ok: false,
      code: "CONFLICT",
      error: "Este convite expirou. Peça um novo convite a quem convidou você.",
    });
    expect(await db.prisma.user.count({ where: { email: "expira@fabrica.test" } })).toBe(0);
    const { rows } = await listTeam(account.id, { pagina: 1 });
    expect(rows.find((row) => row.kind === "invitation")).toMatchObject({ expired: true });
  });

  it("sends the e-mail in English when the inviter uses English", async () => {
    const { owner } = await setup();
    signInAs(owner.id, { locale: "en" });
    const result = await inviteUser(null, form({ email: "english@fabrica.test", profiles: ["CONVIDADO"] }));
    expect(result.ok).toBe(true);
    const mail = await smtp.waitFor((m) => m.to.includes("english@fabrica.test"));
    expect(mail.subject).toBe("Invitation to the Móveis Teste account on the Portal de Assinaturas");
    expect(mail.text).toContain("with the profile(s): Guest.");
  });
});
