// Equipe's server actions × every profile, in every account kind; cross-account attempts; the
// Responsável-only and last-Responsável rules, also under concurrency.
import { describe, expect, it } from "vitest";
import { removeTeamMember, resendInvite, revokeInvite, saveMemberProfiles, inviteUser } from "@/lib/actions/team-actions";
import { loadUserContext } from "@/lib/data/accounts";
import { removeMember } from "@/lib/data/team-changes";
import type { Database } from "@/lib/db/connection";
import { PROFILES, type AccountKind, type Profile } from "@/lib/domain/permissions";
import { createAccount, createUser } from "../support/factories";
import { form } from "../support/form";
import { signInAs } from "../support/next-runtime";
import { testDatabase } from "../support/test-database";

async function accountWith(db: Database, kind: AccountKind) {
  const account = await createAccount(db, { kind });
  const member = (profiles: Profile[]) => createUser(db, { memberships: [{ accountId: account.id, profiles }] });
  const target = await member(["CONVIDADO"]);
  const owner = await member(["RESPONSAVEL"]);
  const invitation = await db.prisma.invitation.create({
    data: {
      accountId: account.id,
      email: `convite-${account.id.slice(0, 8)}@test.local`,
      profiles: ["CONVIDADO"],
      tokenHash: "0".repeat(64 - account.id.length) + account.id.replace(/-/g, "0").padEnd(account.id.length, "0"),
      expiresAt: new Date(Date.now() + 86_400_000),
    },
  });
  return { account, member, target, owner, invitation };
}

async function snapshot(db: Database, accountId: string) {
  return {
    events: await db.prisma.accountEvent.count({ where: { accountId } }),
    memberships: await db.prisma.membership.findMany({
      where: { accountId },
      orderBy: { userId: "asc" },
      select: { userId: true, profiles: true },
    }),
    invitations: await db.prisma.invitation.findMany({
      where: { accountId },
      orderBy: { email: "asc" },
      select: { email: true, tokenHash: true },
    }),
  };
}

const ALLOWED: Profile[] = ["RESPONSAVEL", "ADMINISTRADOR"];

describe("Equipe permission matrix (server actions)", () => {
  for (const kind of ["FABRICANTE", "LOJISTA", "PROFISSIONAL"] as const) {
    for (const profile of PROFILES) {
      it(`${kind} account, ${profile}: ${ALLOWED.includes(profile) ? "allowed" : "refused with nothing written"}`, async () => {
        const db = await testDatabase();
        const { account, member, target, invitation } = await accountWith(db, kind);
        const actor = await member([profile]);
        signInAs(actor.id);
        const before = await snapshot(db, account.id);
        const calls = {
          invite: () => inviteUser(null, form({ email: `novo-${profile}@test.local`, profiles: ["FABRICANTE"] })),
          profiles: () => saveMemberProfiles(null, form({ userId: target.id, profiles: ["ADMINISTRADOR"] })),
          resend: () => resendInvite(null, form({ invitationId: invitation.id })),
          revoke: () => revokeInvite(null, form({ invitationId: invitation.id })),
          remove: () => removeTeamMember(null, form({ userId: target.id })),
        };
        for (const [name, call] of Object.entries(calls)) {
          const result = await call();
          if (ALLOWED.includes(profile)) expect(result.ok, `${name}: ${JSON.stringify(result)}`).toBe(true);
          else
            expect(result, name).toMatchObject({
              ok: false,
              code: "FORBIDDEN",
              error: "Seu perfil nesta conta não permite esta operação.",
            });
        }
        const after = await snapshot(db, account.id);
        if (ALLOWED.includes(profile)) {
          // invite + profiles + resend + revoke + remove: one event each.
          expect(after.events - before.events).toBe(5);
          expect(after.memberships.map((m) => m.userId)).not.toContain(target.id);
        } else {
          expect(after).toEqual(before);
        }
      });
    }
  }

  it("refuses anyone signed out", async () => {
    const db = await testDatabase();
    const { target } = await accountWith(db, "FABRICANTE");
    signInAs(null);
    expect(await removeTeamMember(null, form({ userId: target.id }))).toMatchObject({ ok: false, code: "UNAUTHENTICATED" });
  });
});

describe("cross-account attempts", () => {
  it("can't reach another account's members or invitations, and writes nothing there", async () => {
    const db = await testDatabase();
    const mine = await accountWith(db, "FABRICANTE");
    const theirs = await accountWith(db, "FABRICANTE");
    signInAs(mine.owner.id, { accountId: mine.account.id });
    const before = await snapshot(db, theirs.account.id);
    expect(await saveMemberProfiles(null, form({ userId: theirs.target.id, profiles: ["FABRICANTE"] }))).toMatchObject({
      ok: false,
      code: "NOT_FOUND",
      error: "Usuário não encontrado nesta conta.",
    });
    expect(await removeTeamMember(null, form({ userId: theirs.owner.id }))).toMatchObject({ ok: false, code: "NOT_FOUND" });
    expect(await revokeInvite(null, form({ invitationId: theirs.invitation.id }))).toMatchObject({
      ok: false,
      code: "NOT_FOUND",
    });
    expect(await resendInvite(null, form({ invitationId: theirs.invitation.id }))).toMatchObject({
      ok: false,
      code: "NOT_FOUND",
    });
    expect(await snapshot(db, theirs.account.id)).toEqual(before);
  });

  it("acts only in the current account even when the cookie names one the user does not belong to", async () => {
    const db = await testDatabase();
    const mine = await accountWith(db, "FABRICANTE");
    const theirs = await accountWith(db, "LOJISTA");
    signInAs(mine.owner.id, { accountId: theirs.account.id });
    const before = await snapshot(db, theirs.account.id);
    const result = await inviteUser(null, form({ email: "alguem@test.local", profiles: ["CONVIDADO"] }));
    expect(result.ok).toBe(true);
    expect(await db.prisma.invitation.count({ where: { accountId: mine.account.id, email: "alguem@test.local" } })).toBe(1);
    expect(await snapshot(db, theirs.account.id)).toEqual(before);
  });
});

describe("Responsável rules", () => {
  it("lets only a Responsável grant or take away Responsável", async () => {
    const db = await testDatabase();
    const { account, member, target, owner } = await accountWith(db, "FABRICANTE");
    const admin = await member(["ADMINISTRADOR"]);
    signInAs(admin.id);
    const refused = {
      ok: false,
      code: "FORBIDDEN",
      error: "Somente um Responsável pode conceder ou retirar o perfil Responsável.",
    };
    expect(await saveMemberProfiles(null, form({ userId: target.id, profiles: ["RESPONSAVEL"] }))).toMatchObject(refused);
    expect(await inviteUser(null, form({ email: "chefe@test.local", profiles: ["RESPONSAVEL"] }))).toMatchObject(refused);
    expect(await removeTeamMember(null, form({ userId: owner.id }))).toMatchObject(refused);
    expect(await saveMemberProfiles(null, form({ userId: owner.id, profiles: ["ADMINISTRADOR"] }))).toMatchObject(refused);
    // …but may give a Responsável more profiles.
    expect(await saveMemberProfiles(null, form({ userId: owner.id, profiles: ["RESPONSAVEL", "FABRICANTE"] }))).toMatchObject({
      ok: true,
    });
    signInAs(owner.id);
    expect(await saveMemberProfiles(null, form({ userId: target.id, profiles: ["RESPONSAVEL"] }))).toMatchObject({ ok: true });
    const memberships = await db.prisma.membership.findMany({
      where: { accountId: account.id, profiles: { has: "RESPONSAVEL" } },
    });
    expect(memberships).toHaveLength(2);
  });

  it("never edits one's own profiles", async () => {
    const db = await testDatabase();
    const { owner } = await accountWith(db, "FABRICANTE");
    signInAs(owner.id);
    expect(await saveMemberProfiles(null, form({ userId: owner.id, profiles: ["RESPONSAVEL", "FABRICANTE"] }))).toMatchObject({
      ok: false,
      code: "FORBIDDEN",
      error: "Você não pode alterar os próprios perfis nem remover a si mesmo(a).",
    });
    expect(await removeTeamMember(null, form({ userId: owner.id }))).toMatchObject({ ok: false, code: "FORBIDDEN" });
  });

  // Only a Responsável touches Responsável and nobody touches themselves, so the last one is safe
  // unless two of them act at once — the concurrent test below.
  it("keeps the last Responsável", async () => {
    const db = await testDatabase();
    const { account, member, owner } = await accountWith(db, "FABRICANTE");
    const second = await member(["RESPONSAVEL"]);
    signInAs(second.id);
    expect(await saveMemberProfiles(null, form({ userId: owner.id, profiles: ["ADMINISTRADOR"] }))).toMatchObject({ ok: true });
    const events = await db.prisma.accountEvent.count({ where: { accountId: account.id } });
    signInAs(owner.id);
    expect(await saveMemberProfiles(null, form({ userId: second.id, profiles: ["ADMINISTRADOR"] }))).toMatchObject({
      ok: false,
      code: "FORBIDDEN",
    });
    expect(await db.prisma.accountEvent.count({ where: { accountId: account.id } })).toBe(events);
  });

  it("two Responsáveis removing each other at the same moment: exactly one succeeds, one Responsável remains", async () => {
    const db = await testDatabase();
    const { account, member, owner } = await accountWith(db, "FABRICANTE");
    const second = await member(["RESPONSAVEL"]);
    // The data layer directly: the test's signed-in user is one per test, and here two act at once.
    const results = await Promise.allSettled([
      removeMember({ userId: owner.id, accountId: account.id }, second.id),
      removeMember({ userId: second.id, accountId: account.id }, owner.id),
    ]);
    expect(results.filter((r) => r.status === "fulfilled")).toHaveLength(1);
    expect(results.find((r) => r.status === "rejected")).toMatchObject({ reason: { code: "FORBIDDEN" } });
    expect(await db.prisma.membership.count({ where: { accountId: account.id, profiles: { has: "RESPONSAVEL" } } })).toBe(1);
    expect(await db.prisma.accountEvent.count({ where: { accountId: account.id, type: "member.removed" } })).toBe(1);
  });
});

describe("a removed member", () => {
  it("loses the account on the very next request: the cookie falls back to another account, or to none", async () => {
    const db = await testDatabase();
    const { account, owner } = await accountWith(db, "FABRICANTE");
    const other = await createAccount(db, { kind: "LOJISTA" });
    const leaving = await createUser(db, {
      memberships: [
        { accountId: account.id, profiles: ["FABRICANTE"] },
        { accountId: other.id, profiles: ["CONVIDADO"] },
      ],
    });
    const lonely = await createUser(db, { memberships: [{ accountId: account.id, profiles: ["FABRICANTE"] }] });
    expect((await loadUserContext(leaving.id, account.id))?.account?.id).toBe(account.id);
    signInAs(owner.id);
    expect(await removeTeamMember(null, form({ userId: leaving.id }))).toMatchObject({ ok: true });
    expect(await removeTeamMember(null, form({ userId: lonely.id }))).toMatchObject({ ok: true });
    const after = await loadUserContext(leaving.id, account.id);
    expect(after?.account?.id).toBe(other.id);
    expect(after?.accounts.map((a) => a.id)).toEqual([other.id]);
    expect((await db.prisma.user.findUnique({ where: { id: leaving.id } }))?.defaultAccountId).toBe(other.id);
    const none = await loadUserContext(lonely.id, account.id);
    expect(none?.account).toBeNull();
    const event = await db.prisma.accountEvent.findFirst({
      where: { accountId: account.id, type: "member.removed", targetId: leaving.id },
    });
    expect(event).toMatchObject({ actorUserId: owner.id, before: { profiles: ["FABRICANTE"] }, after: null });
  });
});
