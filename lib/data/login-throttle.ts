// Failed-login throttling that stops guessing without handing strangers a way to lock a user out:
// - per (e-mail, IP): 5 failures in 15 minutes refuse that pair until the oldest leaves the window;
// - per IP: 30 failures in 15 minutes (any e-mails) refuse that IP;
// - per e-mail, from every address: after 20 failures in an hour, an address that has itself failed
//   for that e-mail waits before its answer (1 s, doubling every 10 failures, at most 8 s) — never a
//   hard lock, so the right password from an address that has not been failing still gets in.
// An attempt is counted before the password is checked (and forgiven when it succeeds), so
// concurrent guesses on several servers can't slip past the limits.
import { createHash } from "node:crypto";
import type { SqlClient } from "@/lib/db/sql-client";
import { normalizeLoginEmail } from "@/lib/validation/login";
import { countInWindow, recordHit, type WindowCount } from "./rate-limit-counters";

/** Failures of one e-mail from one address before that pair is refused. */
export const LOGIN_MAX_FAILURES = 5;
/** Failures from one address (any e-mails) before the address is refused. */
export const LOGIN_MAX_FAILURES_PER_IP = 30;
export const LOGIN_WINDOW_MS = 15 * 60 * 1000;
const BUCKET_MS = 60 * 1000;

/** Failures of one e-mail (all addresses) before failing addresses are slowed down and the user is told. */
export const LOGIN_EMAIL_SLOWDOWN_AFTER = 20;
export const LOGIN_EMAIL_WINDOW_MS = 60 * 60 * 1000;
const EMAIL_BUCKET_MS = 5 * 60 * 1000;
const MAX_DELAY_MS = 8_000;

/** Counter keys fit the column (200 chars): a long value is replaced by its hash. */
function counterKey(prefix: string, value: string): string {
  return value.length <= 120 ? `${prefix}${value}` : `${prefix}sha256:${createHash("sha256").update(value).digest("hex")}`;
}

const pairKey = (email: string, ip: string) => counterKey("login:pair:", `${ip}|${normalizeLoginEmail(email)}`);
const ipKey = (ip: string) => counterKey("login:ip:", ip);
const emailKey = (email: string) => counterKey("login:email:", normalizeLoginEmail(email));
const alertKey = (email: string) => counterKey("login:alert:", normalizeLoginEmail(email));

const pairWindow = { bucketMs: BUCKET_MS, windowMs: LOGIN_WINDOW_MS };
const emailWindow = { bucketMs: EMAIL_BUCKET_MS, windowMs: LOGIN_EMAIL_WINDOW_MS };

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

/** The wait before answering an address that keeps failing for an e-mail under attack. */
export function loginDelayMs(emailFailures: number): number {
  if (emailFailures <= LOGIN_EMAIL_SLOWDOWN_AFTER) return 0;
  const steps = Math.floor((emailFailures - LOGIN_EMAIL_SLOWDOWN_AFTER - 1) / 10);
  return Math.min(MAX_DELAY_MS, 1000 * 2 ** steps);
}

/** Seconds until this e-mail may be tried from this address again, or null when it may (read only). */
export async function loginLockSeconds(
  sql: SqlClient,
  email: string,
  ip: string,
  now: Date = new Date(),
): Promise<number | null> {
  const [pair, address] = await Promise.all([
    countInWindow(sql, pairKey(email, ip), { now, windowMs: LOGIN_WINDOW_MS }),
    countInWindow(sql, ipKey(ip), { now, windowMs: LOGIN_WINDOW_MS }),
  ]);
  const unlocks = [unlockTime(pair, LOGIN_MAX_FAILURES), unlockTime(address, LOGIN_MAX_FAILURES_PER_IP)]
    .filter((time): time is Date => time !== null)
    .map((time) => Math.ceil((time.getTime() - now.getTime()) / 1000));
  return unlocks.length ? Math.max(1, ...unlocks) : null;
}

export type LoginAttempt = (
  | { kind: "locked"; seconds: number }
  | {
      kind: "go";
      /** Wait this long before answering (0: at once). */
      delayMs: number;
    }
) & {
  /** True for the one attempt per hour that should tell the user about the failures. */
  alertUser: boolean;
  /** Failures of this e-mail in the last hour, this attempt included. */
  emailFailures: number;
};

/**
 * Counts this attempt as a failure up front, then says whether it is over a limit (seconds to
 * wait) or may go on, possibly after a delay. Call `forgiveLoginAttempt` when the password is right.
 */
export async function beginLoginAttempt(
  sql: SqlClient,
  email: string,
  ip: string,
  now: Date = new Date(),
): Promise<LoginAttempt> {
  const pair = await recordHit(sql, pairKey(email, ip), { now, ...pairWindow });
  const address = await recordHit(sql, ipKey(ip), { now, ...pairWindow });
  const emailFailures = await recordHit(sql, emailKey(email), { now, ...emailWindow });
  const alertUser =
    emailFailures >= LOGIN_EMAIL_SLOWDOWN_AFTER && (await recordHit(sql, alertKey(email), { now, ...emailWindow })) === 1;
  if (pair > LOGIN_MAX_FAILURES || address > LOGIN_MAX_FAILURES_PER_IP) {
    const seconds = (await loginLockSeconds(sql, email, ip, now)) ?? Math.ceil(BUCKET_MS / 1000);
    return { kind: "locked", seconds, alertUser, emailFailures };
  }
  // Only an address with earlier failures for this e-mail waits (pair === 1: this is its first try).
  return { kind: "go", delayMs: pair > 1 ? loginDelayMs(emailFailures) : 0, alertUser, emailFailures };
}

async function forgiveHit(sql: SqlClient, key: string, now: Date, bucketMs: number) {
  await sql.query(`UPDATE rate_limit_counters SET count = count - 1 WHERE key = $1 AND window_start = $2 AND count > 0`, [
    key,
    new Date(Math.floor(now.getTime() / bucketMs) * bucketMs),
  ]);
}

/** A successful login: the pair's failures are cleared and this attempt no longer counts elsewhere. */
export async function forgiveLoginAttempt(sql: SqlClient, email: string, ip: string, now: Date = new Date()) {
  await sql.query(`DELETE FROM rate_limit_counters WHERE key = $1`, [pairKey(email, ip)]);
  await forgiveHit(sql, ipKey(ip), now, BUCKET_MS);
  await forgiveHit(sql, emailKey(email), now, EMAIL_BUCKET_MS);
}

/** Records one failed attempt without checking it (tests and tools). */
export async function recordLoginFailure(sql: SqlClient, email: string, ip: string, now = new Date()) {
  await recordHit(sql, pairKey(email, ip), { now, ...pairWindow });
  await recordHit(sql, ipKey(ip), { now, ...pairWindow });
  await recordHit(sql, emailKey(email), { now, ...emailWindow });
}
