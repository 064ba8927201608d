// Failed-login throttling per e-mail and per IP: 5 failures in 15 minutes lock that key until the
// oldest of them leaves the window. An attempt is counted before the password is checked (and
// forgiven when it succeeds), so concurrent guesses on several servers can't slip past the limit.
import { createHash } from "node:crypto";
import type { SqlClient } from "@/lib/db/sql-client";
import { clearKey, countInWindow, recordHit, type WindowCount } from "./rate-limit-counters";

export const LOGIN_MAX_FAILURES = 5;
export const LOGIN_WINDOW_MS = 15 * 60 * 1000;
const BUCKET_MS = 60 * 1000;

/** Counter keys fit the column (200 chars): a long e-mail is replaced by its hash. */
function counterKey(prefix: string, value: string): string {
  return value.length <= 120 ? `${prefix}${value}` : `${prefix}sha256:${createHash("sha256").update(value).digest("hex")}`;
}

const emailKey = (email: string) => counterKey("login:email:", email.toLowerCase());
const ipKey = (ip: string) => counterKey("login:ip:", ip);

/** When the window will hold fewer than `limit` hits again, given its buckets. */
function unlockTime(window: WindowCount, limit: number): Date | null {
  if (window.count < limit) return null;
  let remaining = window.count;
  for (const bucket of window.buckets) {
    remaining -= bucket.count;
    if (remaining < limit) return new Date(bucket.start.getTime() + LOGIN_WINDOW_MS);
  }
  return null;
}

async function lockSeconds(sql: SqlClient, email: string, ip: string, now: Date, limit: number): Promise<number | null> {
  const windows = await Promise.all([
    countInWindow(sql, emailKey(email), { now, windowMs: LOGIN_WINDOW_MS }),
    countInWindow(sql, ipKey(ip), { now, windowMs: LOGIN_WINDOW_MS }),
  ]);
  const unlocks = windows
    .map((window) => unlockTime(window, limit))
    .filter((time): time is Date => time !== null)
    .map((time) => Math.ceil((time.getTime() - now.getTime()) / 1000));
  return unlocks.length ? Math.max(1, ...unlocks) : null;
}

/** Seconds until this e-mail and IP may try again, or null when they may try now (read only). */
export function loginLockSeconds(sql: SqlClient, email: string, ip: string, now: Date = new Date()): Promise<number | null> {
  return lockSeconds(sql, email, ip, now, LOGIN_MAX_FAILURES);
}

/**
 * Counts this attempt as a failure up front, then says whether it is over the limit (seconds to
 * wait) or may go on (null). Call `forgiveLoginAttempt` when the password turns out right.
 */
export async function beginLoginAttempt(
  sql: SqlClient,
  email: string,
  ip: string,
  now: Date = new Date(),
): Promise<number | null> {
  const options = { now, bucketMs: BUCKET_MS, windowMs: LOGIN_WINDOW_MS };
  const positions = [await recordHit(sql, emailKey(email), options), await recordHit(sql, ipKey(ip), options)];
  if (positions.every((position) => position <= LOGIN_MAX_FAILURES)) return null;
  return (await lockSeconds(sql, email, ip, now, LOGIN_MAX_FAILURES)) ?? Math.ceil(BUCKET_MS / 1000);
}

/** A successful login: the e-mail's failures are cleared and the attempt no longer counts for the IP. */
export async function forgiveLoginAttempt(sql: SqlClient, email: string, ip: string, now: Date = new Date()) {
  await clearKey(sql, emailKey(email));
  await sql.query(`UPDATE rate_limit_counters SET count = count - 1 WHERE key = $1 AND window_start = $2 AND count > 0`, [
    ipKey(ip),
    new Date(Math.floor(now.getTime() / BUCKET_MS) * BUCKET_MS),
  ]);
}

export async function recordLoginFailure(sql: SqlClient, email: string, ip: string, now = new Date()) {
  const options = { now, bucketMs: BUCKET_MS, windowMs: LOGIN_WINDOW_MS };
  await recordHit(sql, emailKey(email), options);
  await recordHit(sql, ipKey(ip), options);
}
