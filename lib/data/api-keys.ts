// API keys of a manufacturer account (Configurações → Integrações). The key is returned once, by
// createApiKey; the database keeps its SHA-256, so a leak of the table leaks no usable key. Every
// change writes an account event in its own transaction.
import { createHash, randomBytes } from "node:crypto";
import { recordAccountEvent } from "@/lib/data/account-events";
import { getSql } from "@/lib/db/connection";
import type { SqlClient } from "@/lib/db/sql-client";
import { API_KEY_MARKER, API_KEY_PATTERN, apiKeyPrefix, type ApiKeyScope } from "@/lib/domain/api-keys";
import { AppError } from "@/lib/errors";

export type ApiKeyRow = {
  id: string;
  name: string;
  prefix: string;
  scopes: ApiKeyScope[];
  createdAt: Date;
  createdByName: string | null;
  lastUsedAt: Date | null;
  revokedAt: Date | null;
};

/** What a request authenticated by a key may act as. */
export type ApiKeyPrincipal = {
  keyId: string;
  name: string;
  scopes: ApiKeyScope[];
  accountId: string;
  graceDays: number;
};

type UserActor = { userId: string };

/** last_used_at is written at most this often per key, so busy keys don't rewrite their row each request. */
const LAST_USED_RESOLUTION_SECONDS = 60;

export function hashApiKey(key: string): string {
  return createHash("sha256").update(key).digest("hex");
}

export function newApiKey(): string {
  return `${API_KEY_MARKER}${randomBytes(32).toString("base64url")}`;
}

export async function listApiKeys(accountId: string): Promise<ApiKeyRow[]> {
  const rows = await (
    await getSql()
  ).query<{
    id: string;
    name: string;
    prefix: string;
    scopes: ApiKeyScope[];
    created_at: Date;
    created_by_name: string | null;
    last_used_at: Date | null;
    revoked_at: Date | null;
  }>(
    `SELECT k.id, k.name, k.prefix, k.scopes, k.created_at, u.name AS created_by_name, k.last_used_at, k.revoked_at
       FROM api_keys k LEFT JOIN users u ON u.id = k.created_by_user_id
      WHERE k.account_id = $1
      ORDER BY k.revoked_at IS NOT NULL, k.created_at DESC`,
    [accountId],
  );
  return rows.map((row) => ({
    id: row.id,
    name: row.name,
    prefix: row.prefix,
    scopes: row.scopes,
    createdAt: new Date(row.created_at),
    createdByName: row.created_by_name,
    lastUsedAt: row.last_used_at && new Date(row.last_used_at),
    revokedAt: row.revoked_at && new Date(row.revoked_at),
  }));
}

/** Stores a key (given: the demo's fixed one; otherwise a new random one) and returns it, once. */
export async function createApiKey(
  accountId: string,
  actor: UserActor | null,
  input: { name: string; scopes: ApiKeyScope[] },
  options: { tx?: SqlClient; key?: string } = {},
): Promise<{ id: string; key: string; prefix: string }> {
  const key = options.key ?? newApiKey();
  const prefix = apiKeyPrefix(key);
  const sql = options.tx ?? (await getSql());
  return sql.transaction(async (tx) => {
    const [row] = await tx.query<{ id: string }>(
      `INSERT INTO api_keys (account_id, name, prefix, key_hash, scopes, created_by_user_id)
       VALUES ($1, $2, $3, $4, $5, $6) RETURNING id`,
      [accountId, input.name, prefix, hashApiKey(key), input.scopes, actor?.userId ?? null],
    );
    await recordAccountEvent(tx, {
      accountId,
      actor: actor ? { kind: "USER", userId: actor.userId } : { kind: "SYSTEM" },
      type: "api_key.created",
      target: { type: "api_key", id: row!.id, label: input.name },
      after: { name: input.name, prefix, scopes: input.scopes },
    });
    return { id: row!.id, key, prefix };
  });
}

/** Revokes at once: the next request with the key gets 401. Revoking twice is a no-op. */
export async function revokeApiKey(accountId: string, actor: UserActor, id: string): Promise<void> {
  await (
    await getSql()
  ).transaction(async (tx) => {
    const [row] = await tx.query<{ name: string; prefix: string; revoked_at: Date | null }>(
      `SELECT name, prefix, revoked_at FROM api_keys WHERE id = $1 AND account_id = $2 FOR UPDATE`,
      [id, accountId],
    );
    if (!row) throw new AppError("NOT_FOUND");
    if (row.revoked_at) return;
    await tx.query(`UPDATE api_keys SET revoked_at = clock_timestamp() WHERE id = $1`, [id]);
    await recordAccountEvent(tx, {
      accountId,
      actor: { kind: "USER", userId: actor.userId },
      type: "api_key.revoked",
      target: { type: "api_key", id, label: row.name },
      before: { prefix: row.prefix },
    });
  });
}

/**
 * The key's principal, or null for an unknown, malformed or revoked key — checked on every request,
 * so a revocation takes effect at once on every server. Also records the last use (coarsely).
 */
export async function authenticateApiKey(sql: SqlClient, key: string, now: Date): Promise<ApiKeyPrincipal | null> {
  if (!API_KEY_PATTERN.test(key)) return null;
  const [row] = await sql.query<{ id: string; name: string; scopes: ApiKeyScope[]; account_id: string; grace_days: number }>(
    `WITH k AS (
       SELECT k.id, k.name, k.scopes, k.account_id, k.last_used_at, a.grace_days
         FROM api_keys k JOIN accounts a ON a.id = k.account_id
        WHERE k.key_hash = $1 AND k.revoked_at IS NULL AND a.kind = 'FABRICANTE'
     ), used AS (
       UPDATE api_keys SET last_used_at = $2
        WHERE id = (SELECT id FROM k)
          AND (last_used_at IS NULL OR last_used_at < $2::timestamptz - make_interval(secs => $3))
     )
     SELECT id, name, scopes, account_id, grace_days FROM k`,
    [hashApiKey(key), now, LAST_USED_RESOLUTION_SECONDS],
  );
  if (!row) return null;
  return { keyId: row.id, name: row.name, scopes: row.scopes, accountId: row.account_id, graceDays: row.grace_days };
}
