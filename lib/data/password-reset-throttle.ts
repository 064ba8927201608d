// "Esqueci minha senha" is throttled like the login: per e-mail and per IP, so nobody can flood an
// inbox or probe addresses in bulk. The limit is the same whether the e-mail exists or not.
import { createHash } from "node:crypto";
import type { SqlClient } from "@/lib/db/sql-client";
import { recordHit } from "./rate-limit-counters";

export const RESET_MAX_PER_EMAIL = 3;
export const RESET_MAX_PER_IP = 10;
export const RESET_WINDOW_MS = 15 * 60 * 1000;

const key = (kind: string, value: string) => `reset:${kind}:${createHash("sha256").update(value).digest("hex").slice(0, 40)}`;

/** Counts one request; true when it is over either limit. */
export async function passwordResetThrottled(
  sql: SqlClient,
  email: string,
  ip: string,
  now: Date = new Date(),
): Promise<boolean> {
  const options = { now, bucketMs: 60_000, windowMs: RESET_WINDOW_MS };
  const perEmail = await recordHit(sql, key("email", email.toLowerCase()), options);
  const perIp = await recordHit(sql, key("ip", ip), options);
  return perEmail > RESET_MAX_PER_EMAIL || perIp > RESET_MAX_PER_IP;
}
