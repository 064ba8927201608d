// Server-side sessions: the session cookie (a JWT) names a row of user_sessions, and every request
// checks that row. Signing out, "Sair de todos os dispositivos", a password change or reset end
// sessions at once; a session unused for SESSION_IDLE_MINUTES ends by itself.
import type { SqlClient } from "@/lib/db/sql-client";

export const DEFAULT_IDLE_MINUTES = 120;
/** A session's absolute lifetime, also the JWT's maxAge (lib/auth/options.ts). */
export const SESSION_MAX_AGE_SECONDS = 8 * 60 * 60;
/** last_seen_at is written at most this often, so a busy user costs one write a minute, not one per request. */
const TOUCH_EVERY_MS = 60 * 1000;

export function sessionIdleMinutes(env: Record<string, string | undefined> = process.env): number {
  const value = Number(env.SESSION_IDLE_MINUTES);
  return Number.isInteger(value) && value > 0 ? value : DEFAULT_IDLE_MINUTES;
}

/** A new session for a user who just signed in; also their "último acesso". */
export async function startUserSession(sql: SqlClient, userId: string, now: Date = new Date()): Promise<string> {
  return sql.transaction(async (tx) => {
    const [row] = await tx.query<{ id: string }>(
      `INSERT INTO user_sessions (user_id, created_at, last_seen_at) VALUES ($1, $2, $2) RETURNING id`,
      [userId, now],
    );
    await tx.query(`UPDATE users SET last_login_at = $2 WHERE id = $1`, [userId, now]);
    return row!.id;
  });
}

/** True when the session is the user's, not revoked, not idle too long and not too old; keeps it alive. */
export async function touchUserSession(
  sql: SqlClient,
  sessionId: string,
  userId: string,
  now: Date = new Date(),
  idleMinutes: number = sessionIdleMinutes(),
): Promise<boolean> {
  const [row] = await sql.query<{ last_seen_at: Date }>(
    `SELECT last_seen_at FROM user_sessions
      WHERE id = $1 AND user_id = $2 AND revoked_at IS NULL AND last_seen_at > $3 AND created_at > $4`,
    [sessionId, userId, new Date(now.getTime() - idleMinutes * 60_000), new Date(now.getTime() - SESSION_MAX_AGE_SECONDS * 1000)],
  );
  if (!row) return false;
  if (now.getTime() - new Date(row.last_seen_at).getTime() >= TOUCH_EVERY_MS) {
    await sql.query(`UPDATE user_sessions SET last_seen_at = $2 WHERE id = $1 AND last_seen_at < $2`, [sessionId, now]);
  }
  return true;
}

export async function revokeUserSession(sql: SqlClient, sessionId: string, now: Date = new Date()): Promise<void> {
  await sql.query(`UPDATE user_sessions SET revoked_at = $2 WHERE id = $1 AND revoked_at IS NULL`, [sessionId, now]);
}

/** Ends every session of the user, except `keep` (the browser that changed the password). */
export async function revokeUserSessions(
  sql: SqlClient,
  userId: string,
  options: { keep?: string | null; now?: Date } = {},
): Promise<number> {
  const rows = await sql.query<{ id: string }>(
    `UPDATE user_sessions SET revoked_at = $3
      WHERE user_id = $1 AND revoked_at IS NULL AND ($2::uuid IS NULL OR id <> $2::uuid)
      RETURNING id`,
    [userId, options.keep ?? null, options.now ?? new Date()],
  );
  return rows.length;
}
