// Equipe's changes: invitations, profiles, removal. Each runs in one transaction that first locks
// the account row, so two administrators acting at once can't both remove "the other" last
// Responsável; the rules (lib/domain/team-rules.ts) are checked against what the database holds
// under that lock, the actor's own profiles included, and an account event is written with the change.
import { getSql } from "@/lib/db/connection";
import type { SqlClient } from "@/lib/db/sql-client";
import { can, type Action, type Profile } from "@/lib/domain/permissions";
import { checkInvitation, checkProfileChange, checkRemoval, type TeamRefusal } from "@/lib/domain/team-rules";
import { AppError } from "@/lib/errors";
import { recordAccountEvent } from "./account-events";
import { newLinkToken } from "./link-tokens";
import { toProfiles } from "./profile-array";

export const INVITATION_DAYS = 7;

export type TeamActor = { userId: string; accountId: string };

type Locked = {
  accountName: string;
  accountKind: "FABRICANTE" | "LOJISTA" | "PROFISSIONAL";
  actorProfiles: Profile[];
  actorName: string;
};

function refuse(refusal: Exclude<TeamRefusal, null>): never {
  throw AppError.withMessage(refusal === "LAST_RESPONSAVEL" ? "CONFLICT" : "FORBIDDEN", `team.errors.${refusal}`);
}

/** Locks the account and re-reads the actor's profiles; refuses when they no longer allow `action`. */
async function lockAccount(tx: SqlClient, actor: TeamActor, action: Action): Promise<Locked> {
  const [account] = await tx.query<{ name: string; kind: Locked["accountKind"] }>(
    `SELECT name, kind FROM accounts WHERE id = $1 FOR NO KEY UPDATE`,
    [actor.accountId],
  );
  const [membership] = await tx.query<{ profiles: Profile[]; name: string }>(
    `SELECT m.profiles::text[] AS profiles, u.name FROM memberships m JOIN users u ON u.id = m.user_id
      WHERE m.account_id = $1 AND m.user_id = $2`,
    [actor.accountId, actor.userId],
  );
  const profiles = membership ? toProfiles(membership.profiles) : [];
  if (!account || !can(account.kind, profiles, action)) throw new AppError("FORBIDDEN");
  return { accountName: account.name, accountKind: account.kind, actorProfiles: profiles, actorName: membership!.name };
}

async function countResponsaveis(tx: SqlClient, accountId: string): Promise<number> {
  const [row] = await tx.query<{ n: number }>(
    `SELECT count(*)::int AS n FROM memberships WHERE account_id = $1 AND 'RESPONSAVEL' = ANY (profiles)`,
    [accountId],
  );
  return row?.n ?? 0;
}

async function findMember(tx: SqlClient, accountId: string, userId: string) {
  const [row] = await tx.query<{ profiles: Profile[]; name: string; email: string; default_account_id: string | null }>(
    `SELECT m.profiles::text[] AS profiles, u.name, u.email, u.default_account_id
       FROM memberships m JOIN users u ON u.id = m.user_id
      WHERE m.account_id = $1 AND m.user_id = $2`,
    [accountId, userId],
  );
  if (!row) throw AppError.withMessage("NOT_FOUND", "team.errors.memberNotFound");
  return { ...row, profiles: toProfiles(row.profiles) };
}

export type InviteOutcome =
  | { kind: "added"; accountName: string; inviterName: string; user: { name: string; email: string }; profiles: Profile[] }
  | {
      kind: "invited";
      accountName: string;
      inviterName: string;
      invitationId: string;
      email: string;
      token: string;
      expiresAt: Date;
      profiles: Profile[];
    };

async function issueInvitation(
  tx: SqlClient,
  actor: TeamActor,
  email: string,
  profiles: Profile[],
  now: Date,
): Promise<{ id: string; token: string; expiresAt: Date; renewed: boolean }> {
  const { token, hash } = newLinkToken();
  const expiresAt = new Date(now.getTime() + INVITATION_DAYS * 24 * 60 * 60 * 1000);
  const [row] = await tx.query<{ id: string; renewed: boolean }>(
    `INSERT INTO invitations (account_id, email, profiles, token_hash, expires_at, invited_by_id, created_at)
     VALUES ($1, $2, $3::"Profile"[], $4, $5, $6, $7)
     ON CONFLICT (account_id, email) DO UPDATE
       SET profiles = EXCLUDED.profiles, token_hash = EXCLUDED.token_hash, expires_at = EXCLUDED.expires_at,
           invited_by_id = EXCLUDED.invited_by_id, created_at = EXCLUDED.created_at
     RETURNING id, (xmax <> 0) AS renewed`,
    [actor.accountId, email, profiles, hash, expiresAt, actor.userId, now],
  );
  await recordAccountEvent(tx, {
    accountId: actor.accountId,
    actor: { kind: "USER", userId: actor.userId },
    type: row!.renewed ? "invitation.renewed" : "invitation.created",
    target: { type: "invitation", id: row!.id, label: email },
    after: { email, profiles, expiresAt: expiresAt.toISOString() },
  });
  return { id: row!.id, token, expiresAt, renewed: row!.renewed };
}

/**
 * Convidar usuário: a user who already exists becomes a member at once; a new address gets an
 * invitation (inviting it again replaces the token).
 */
export async function inviteMember(
  actor: TeamActor,
  input: { email: string; profiles: Profile[] },
  now: Date = new Date(),
): Promise<InviteOutcome> {
  const sql = await getSql();
  return sql.transaction(async (tx) => {
    const locked = await lockAccount(tx, actor, "team.invite");
    const refusal = checkInvitation(locked.actorProfiles, input.profiles);
    if (refusal) refuse(refusal);
    const [existing] = await tx.query<{ id: string; name: string; email: string; member: boolean }>(
      `SELECT u.id, u.name, u.email, EXISTS (SELECT 1 FROM memberships m WHERE m.user_id = u.id AND m.account_id = $2) AS member
         FROM users u WHERE u.email = $1`,
      [input.email, actor.accountId],
    );
    if (existing?.member) {
      throw AppError.withMessage(
        "CONFLICT",
        "team.errors.alreadyMember",
        { email: input.email },
        {
          email: ["alreadyMember"],
        },
      );
    }
    if (existing) {
      await tx.query(`INSERT INTO memberships (user_id, account_id, profiles, created_at) VALUES ($1, $2, $3::"Profile"[], $4)`, [
        existing.id,
        actor.accountId,
        input.profiles,
        now,
      ]);
      await tx.query(`UPDATE users SET default_account_id = $2 WHERE id = $1 AND default_account_id IS NULL`, [
        existing.id,
        actor.accountId,
      ]);
      await tx.query(`DELETE FROM invitations WHERE account_id = $1 AND email = $2`, [actor.accountId, input.email]);
      await recordAccountEvent(tx, {
        accountId: actor.accountId,
        actor: { kind: "USER", userId: actor.userId },
        type: "member.added",
        target: { type: "user", id: existing.id, label: existing.email },
        after: { profiles: input.profiles },
      });
      return {
        kind: "added",
        accountName: locked.accountName,
        inviterName: locked.actorName,
        user: { name: existing.name, email: existing.email },
        profiles: input.profiles,
      };
    }
    const invitation = await issueInvitation(tx, actor, input.email, input.profiles, now);
    return {
      kind: "invited",
      accountName: locked.accountName,
      inviterName: locked.actorName,
      invitationId: invitation.id,
      email: input.email,
      token: invitation.token,
      expiresAt: invitation.expiresAt,
      profiles: input.profiles,
    };
  });
}

/** Reenviar convite: a new token and 7 more days; the old link stops working. */
export async function resendInvitation(actor: TeamActor, invitationId: string, now: Date = new Date()): Promise<InviteOutcome> {
  const sql = await getSql();
  return sql.transaction(async (tx) => {
    const locked = await lockAccount(tx, actor, "team.invite");
    const [invitation] = await tx.query<{ email: string; profiles: Profile[] }>(
      `SELECT email, profiles::text[] AS profiles FROM invitations WHERE id = $1 AND account_id = $2`,
      [invitationId, actor.accountId],
    );
    if (!invitation) throw AppError.withMessage("NOT_FOUND", "team.errors.invitationNotFound");
    const profiles = toProfiles(invitation.profiles);
    const refusal = checkInvitation(locked.actorProfiles, profiles);
    if (refusal) refuse(refusal);
    const issued = await issueInvitation(tx, actor, invitation.email, profiles, now);
    return {
      kind: "invited",
      accountName: locked.accountName,
      inviterName: locked.actorName,
      invitationId: issued.id,
      email: invitation.email,
      token: issued.token,
      expiresAt: issued.expiresAt,
      profiles,
    };
  });
}

export async function revokeInvitation(actor: TeamActor, invitationId: string): Promise<{ email: string }> {
  const sql = await getSql();
  return sql.transaction(async (tx) => {
    await lockAccount(tx, actor, "team.invite");
    const [gone] = await tx.query<{ email: string; profiles: Profile[] }>(
      `DELETE FROM invitations WHERE id = $1 AND account_id = $2 RETURNING email, profiles::text[] AS profiles`,
      [invitationId, actor.accountId],
    );
    if (!gone) throw AppError.withMessage("NOT_FOUND", "team.errors.invitationNotFound");
    await recordAccountEvent(tx, {
      accountId: actor.accountId,
      actor: { kind: "USER", userId: actor.userId },
      type: "invitation.revoked",
      target: { type: "invitation", id: invitationId, label: gone.email },
      before: { email: gone.email, profiles: toProfiles(gone.profiles) },
    });
    return { email: gone.email };
  });
}

export async function updateMemberProfiles(
  actor: TeamActor,
  input: { userId: string; profiles: Profile[] },
): Promise<{ name: string; profiles: Profile[] }> {
  const sql = await getSql();
  return sql.transaction(async (tx) => {
    const locked = await lockAccount(tx, actor, "team.edit-profiles");
    const member = await findMember(tx, actor.accountId, input.userId);
    const refusal = checkProfileChange({
      actorId: actor.userId,
      actorProfiles: locked.actorProfiles,
      targetId: input.userId,
      before: member.profiles,
      after: input.profiles,
      responsaveis: await countResponsaveis(tx, actor.accountId),
    });
    if (refusal) refuse(refusal);
    const unchanged =
      member.profiles.length === input.profiles.length && member.profiles.every((profile) => input.profiles.includes(profile));
    if (!unchanged) {
      await tx.query(`UPDATE memberships SET profiles = $3::"Profile"[] WHERE account_id = $1 AND user_id = $2`, [
        actor.accountId,
        input.userId,
        input.profiles,
      ]);
      await recordAccountEvent(tx, {
        accountId: actor.accountId,
        actor: { kind: "USER", userId: actor.userId },
        type: "member.profiles_changed",
        target: { type: "user", id: input.userId, label: member.email },
        before: { profiles: member.profiles },
        after: { profiles: input.profiles },
      });
    }
    return { name: member.name, profiles: input.profiles };
  });
}

/**
 * Removes a member from the account. Their next request no longer sees it: the current-account
 * cookie falls back to their default account, which moves to another of their accounts (or none).
 */
export async function removeMember(actor: TeamActor, userId: string): Promise<{ name: string }> {
  const sql = await getSql();
  return sql.transaction(async (tx) => {
    const locked = await lockAccount(tx, actor, "team.remove");
    const member = await findMember(tx, actor.accountId, userId);
    const refusal = checkRemoval({
      actorId: actor.userId,
      actorProfiles: locked.actorProfiles,
      targetId: userId,
      targetProfiles: member.profiles,
      responsaveis: await countResponsaveis(tx, actor.accountId),
    });
    if (refusal) refuse(refusal);
    await tx.query(`DELETE FROM memberships WHERE account_id = $1 AND user_id = $2`, [actor.accountId, userId]);
    if (member.default_account_id === actor.accountId) {
      await tx.query(
        `UPDATE users SET default_account_id = (
           SELECT m.account_id FROM memberships m JOIN accounts a ON a.id = m.account_id
            WHERE m.user_id = $1 ORDER BY a.name LIMIT 1)
          WHERE id = $1`,
        [userId],
      );
    }
    await recordAccountEvent(tx, {
      accountId: actor.accountId,
      actor: { kind: "USER", userId: actor.userId },
      type: "member.removed",
      target: { type: "user", id: userId, label: member.email },
      before: { profiles: member.profiles },
    });
    return { name: member.name };
  });
}
