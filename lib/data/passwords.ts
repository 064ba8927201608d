// Passwords: "Alterar senha" (current password required) and "Esqueci minha senha" (a single-use,
// hashed, one-hour token). Both end the user's other sessions and write an account event in every
// account the user belongs to, in the same transaction.
import { getSql } from "@/lib/db/connection";
import type { SqlClient } from "@/lib/db/sql-client";
import { AppError } from "@/lib/errors";
import { recordAccountEvent } from "./account-events";
import { hashLinkToken, newLinkToken } from "./link-tokens";
import { revokeUserSessions } from "./user-sessions";

export const RESET_TOKEN_MINUTES = 60;

async function recordPasswordEvent(tx: SqlClient, userId: string, email: string, type: "password.changed" | "password.reset") {
  const accounts = await tx.query<{ account_id: string }>(`SELECT account_id FROM memberships WHERE user_id = $1`, [userId]);
  for (const { account_id } of accounts) {
    await recordAccountEvent(tx, {
      accountId: account_id,
      actor: { kind: "USER", userId },
      type,
      target: { type: "user", id: userId, label: email },
    });
  }
}

export async function findPasswordHash(userId: string): Promise<{ email: string; passwordHash: string } | null> {
  const sql = await getSql();
  const [row] = await sql.query<{ email: string; password_hash: string }>(
    `SELECT email, password_hash FROM users WHERE id = $1`,
    [userId],
  );
  return row ? { email: row.email, passwordHash: row.password_hash } : null;
}

/** Stores a new password (already hashed) and ends every other session of the user. */
export async function changePassword(input: { userId: string; passwordHash: string; keepSessionId: string }): Promise<void> {
  const sql = await getSql();
  await sql.transaction(async (tx) => {
    const [user] = await tx.query<{ email: string }>(`UPDATE users SET password_hash = $2 WHERE id = $1 RETURNING email`, [
      input.userId,
      input.passwordHash,
    ]);
    if (!user) throw new AppError("UNAUTHENTICATED");
    await revokeUserSessions(tx, input.userId, { keep: input.keepSessionId });
    await recordPasswordEvent(tx, input.userId, user.email, "password.changed");
  });
}

/** A reset link for the e-mail's user, or null when nobody has that e-mail (the caller says the same either way). */
export async function createPasswordReset(
  email: string,
  now: Date = new Date(),
): Promise<{ token: string; user: { name: string; email: string } } | null> {
  const sql = await getSql();
  return sql.transaction(async (tx) => {
    const [user] = await tx.query<{ id: string; name: string; email: string }>(
      `SELECT id, name, email FROM users WHERE email = $1`,
      [email],
    );
    if (!user) return null;
    // Only the newest link works.
    await tx.query(`DELETE FROM password_reset_tokens WHERE user_id = $1`, [user.id]);
    const { token, hash } = newLinkToken();
    await tx.query(`INSERT INTO password_reset_tokens (user_id, token_hash, expires_at, created_at) VALUES ($1, $2, $3, $4)`, [
      user.id,
      hash,
      new Date(now.getTime() + RESET_TOKEN_MINUTES * 60_000),
      now,
    ]);
    return { token, user: { name: user.name, email: user.email } };
  });
}

export async function isPasswordResetValid(token: string, now: Date = new Date()): Promise<boolean> {
  const sql = await getSql();
  const rows = await sql.query(`SELECT 1 FROM password_reset_tokens WHERE token_hash = $1 AND expires_at > $2`, [
    hashLinkToken(token),
    now,
  ]);
  return rows.length > 0;
}

/** Uses a reset token once: sets the password and ends every session of the user. */
export async function resetPassword(
  input: { token: string; passwordHash: string },
  now: Date = new Date(),
): Promise<{ email: string }> {
  const sql = await getSql();
  return sql.transaction(async (tx) => {
    const [used] = await tx.query<{ user_id: string; expires_at: Date }>(
      `DELETE FROM password_reset_tokens WHERE token_hash = $1 RETURNING user_id, expires_at`,
      [hashLinkToken(input.token)],
    );
    if (!used || new Date(used.expires_at) <= now) throw AppError.withMessage("NOT_FOUND", "myAccount.reset.invalid");
    const [user] = await tx.query<{ email: string }>(`UPDATE users SET password_hash = $2 WHERE id = $1 RETURNING email`, [
      used.user_id,
      input.passwordHash,
    ]);
    await revokeUserSessions(tx, used.user_id, { now });
    await recordPasswordEvent(tx, used.user_id, user!.email, "password.reset");
    return { email: user!.email };
  });
}
