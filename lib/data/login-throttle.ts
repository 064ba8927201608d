// Failed-login throttling per e-mail and per IP: 5 failures in 15 minutes lock that key until the
// oldest of them leaves the window.
import type { SqlClient } from "@/lib/db/sql-client";
import { clearKey, countInWindow, recordHit, type WindowCount } from "./rate-limit-counters";

export const LOGIN_MAX_FAILURES = 5;
export const LOGIN_WINDOW_MS = 15 * 60 * 1000;
const BUCKET_MS = 60 * 1000;

const emailKey = (email: string) => `login:email:${email.toLowerCase()}`;
const ipKey = (ip: string) => `login:ip:${ip}`;

/** When the window will hold fewer than the limit again, given its buckets. */
function unlockTime(window: WindowCount): Date | null {
  if (window.count < LOGIN_MAX_FAILURES) return null;
  let remaining = window.count;
  for (const bucket of window.buckets) {
    remaining -= bucket.count;
    if (remaining < LOGIN_MAX_FAILURES) return new Date(bucket.start.getTime() + LOGIN_WINDOW_MS);
  }
  return null;
}

/** Seconds until this e-mail and IP may try again, or null when they may try now. */
export async function loginLockSeconds(
  sql: SqlClient,
  email: string,
  ip: string,
  now: Date = new Date(),
): Promise<number | null> {
  const windows = await Promise.all([
    countInWindow(sql, emailKey(email), { now, windowMs: LOGIN_WINDOW_MS }),
    countInWindow(sql, ipKey(ip), { now, windowMs: LOGIN_WINDOW_MS }),
  ]);
  const unlocks = windows
    .map(unlockTime)
    .filter((time): time is Date => time !== null)
    .map((time) => Math.ceil((time.getTime() - now.getTime()) / 1000));
  return unlocks.length ? Math.max(1, ...unlocks) : null;
}

export async function recordLoginFailure(sql: SqlClient, email: string, ip: string, now = new Date()) {
  const options = { now, bucketMs: BUCKET_MS, windowMs: LOGIN_WINDOW_MS };
  await recordHit(sql, emailKey(email), options);
  await recordHit(sql, ipKey(ip), options);
}

export async function clearLoginFailures(sql: SqlClient, email: string) {
  await clearKey(sql, emailKey(email));
}
