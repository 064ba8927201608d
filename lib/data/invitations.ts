// The invitee's side of an invitation: what the link shows, and accepting it. A token works once:
// accepting deletes the invitation row (DELETE … RETURNING), so of two tabs submitting it at the
// same moment exactly one gets the row.
import { getSql } from "@/lib/db/connection";
import type { Profile } from "@/lib/domain/permissions";
import { AppError } from "@/lib/errors";
import { recordAccountEvent } from "./account-events";
import { hashLinkToken } from "./link-tokens";
import { toProfiles } from "./profile-array";

export type InvitationView = { email: string; accountName: string; profiles: Profile[] };

/** The invitation behind a link, or why it can't be used. */
export async function findInvitation(
  token: string,
  now: Date = new Date(),
): Promise<{ ok: true; invitation: InvitationView } | { ok: false; reason: "invalid" | "expired" }> {
  const sql = await getSql();
  const [row] = await sql.query<{ email: string; name: string; profiles: Profile[]; expires_at: Date }>(
    `SELECT i.email, a.name, i.profiles::text[] AS profiles, i.expires_at
       FROM invitations i JOIN accounts a ON a.id = i.account_id WHERE i.token_hash = $1`,
    [hashLinkToken(token)],
  );
  if (!row) return { ok: false, reason: "invalid" };
  if (new Date(row.expires_at) <= now) return { ok: false, reason: "expired" };
  return { ok: true, invitation: { email: row.email, accountName: row.name, profiles: toProfiles(row.profiles) } };
}

/**
 * Accepts an invitation: creates the user (name and password hash given) and the membership. When
 * a user with that e-mail exists by now, only the membership is added — their password stays.
 */
export async function acceptInvitation(
  input: { token: string; name: string; passwordHash: string },
  now: Date = new Date(),
): Promise<{ email: string }> {
  const sql = await getSql();
  return sql.transaction(async (tx) => {
    const [invitation] = await tx.query<{ id: string; account_id: string; email: string; profiles: Profile[]; expires_at: Date }>(
      `DELETE FROM invitations WHERE token_hash = $1 RETURNING id, account_id, email, profiles::text[] AS profiles, expires_at`,
      [hashLinkToken(input.token)],
    );
    if (!invitation) throw AppError.withMessage("NOT_FOUND", "team.errors.invitationInvalid");
    // An expired invitation stays listed (as "convite expirado") until it is renewed or revoked.
    if (new Date(invitation.expires_at) <= now) throw AppError.withMessage("CONFLICT", "team.errors.invitationExpired");
    const profiles = toProfiles(invitation.profiles);
    const [user] = await tx.query<{ id: string }>(
      `INSERT INTO users (email, name, password_hash, default_account_id, created_at) VALUES ($1, $2, $3, $4, $5)
       ON CONFLICT (email) DO UPDATE SET default_account_id = COALESCE(users.default_account_id, EXCLUDED.default_account_id)
       RETURNING id`,
      [invitation.email, input.name, input.passwordHash, invitation.account_id, now],
    );
    await tx.query(
      `INSERT INTO memberships (user_id, account_id, profiles, created_at) VALUES ($1, $2, $3::"Profile"[], $4)
       ON CONFLICT (user_id, account_id) DO NOTHING`,
      [user!.id, invitation.account_id, profiles, now],
    );
    await recordAccountEvent(tx, {
      accountId: invitation.account_id,
      actor: { kind: "USER", userId: user!.id },
      type: "invitation.accepted",
      target: { type: "user", id: user!.id, label: invitation.email },
      after: { profiles, invitationId: invitation.id },
    });
    return { email: invitation.email };
  });
}
