// Webhook endpoints of a manufacturer account (Configurações → Integrações). Every change writes an
// account event in its own transaction; secrets never go into the log, and are returned only by
// create and rotate (shown once).
import { randomUUID } from "node:crypto";
import { recordAccountEvent } from "@/lib/data/account-events";
import { getSql } from "@/lib/db/connection";
import { PING_EVENT_TYPE } from "@/lib/domain/webhook-events";
import { AppError } from "@/lib/errors";
import { newWebhookSecret } from "@/lib/webhooks/signature";

export const SECRET_OVERLAP_MS = 24 * 60 * 60 * 1000;

export type WebhookEndpointRow = {
  id: string;
  url: string;
  eventTypes: string[];
  enabled: boolean;
  disabledReason: string | null;
  failingSince: Date | null;
  previousSecretExpiresAt: Date | null;
  createdAt: Date;
  pending: number;
  failed: number;
};

export type EndpointInput = { url: string; eventTypes: string[]; enabled: boolean };
type UserActor = { userId: string };

const SELECT_ENDPOINT = `
  SELECT e.id, e.url, e.event_types, e.enabled, e.disabled_reason, e.failing_since, e.created_at,
         CASE WHEN e.previous_secret_expires_at > now() THEN e.previous_secret_expires_at END AS previous_secret_expires_at,
         (SELECT count(*) FROM webhook_deliveries d WHERE d.endpoint_id = e.id AND d.state = 'PENDING')::int AS pending,
         (SELECT count(*) FROM webhook_deliveries d WHERE d.endpoint_id = e.id AND d.state = 'FAILED')::int AS failed
    FROM webhook_endpoints e`;

type EndpointDbRow = {
  id: string;
  url: string;
  event_types: string[];
  enabled: boolean;
  disabled_reason: string | null;
  failing_since: Date | null;
  previous_secret_expires_at: Date | null;
  created_at: Date;
  pending: number;
  failed: number;
};

function toEndpoint(row: EndpointDbRow): WebhookEndpointRow {
  return {
    id: row.id,
    url: row.url,
    eventTypes: row.event_types,
    enabled: row.enabled,
    disabledReason: row.disabled_reason,
    failingSince: row.failing_since && new Date(row.failing_since),
    previousSecretExpiresAt: row.previous_secret_expires_at && new Date(row.previous_secret_expires_at),
    createdAt: new Date(row.created_at),
    pending: row.pending,
    failed: row.failed,
  };
}

export async function listWebhookEndpoints(accountId: string): Promise<WebhookEndpointRow[]> {
  const rows = await (
    await getSql()
  ).query<EndpointDbRow>(`${SELECT_ENDPOINT} WHERE e.account_id = $1 ORDER BY e.created_at`, [accountId]);
  return rows.map(toEndpoint);
}

/** The account's endpoint, or null (another account's endpoint is "not found"). */
export async function getWebhookEndpoint(accountId: string, id: string): Promise<WebhookEndpointRow | null> {
  const [row] = await (
    await getSql()
  ).query<EndpointDbRow>(`${SELECT_ENDPOINT} WHERE e.account_id = $1 AND e.id = $2`, [accountId, id]);
  return row ? toEndpoint(row) : null;
}

export async function createWebhookEndpoint(accountId: string, actor: UserActor, input: EndpointInput) {
  const secret = newWebhookSecret();
  return (await getSql()).transaction(async (tx) => {
    const [row] = await tx.query<{ id: string }>(
      `INSERT INTO webhook_endpoints (account_id, url, event_types, enabled, secret) VALUES ($1, $2, $3, $4, $5) RETURNING id`,
      [accountId, input.url, input.eventTypes, input.enabled, secret],
    );
    await recordAccountEvent(tx, {
      accountId,
      actor: { kind: "USER", userId: actor.userId },
      type: "webhook.created",
      target: { type: "webhook", id: row!.id, label: input.url },
      after: input,
    });
    return { id: row!.id, secret };
  });
}

export async function updateWebhookEndpoint(accountId: string, actor: UserActor, id: string, input: EndpointInput) {
  await (
    await getSql()
  ).transaction(async (tx) => {
    const [before] = await tx.query<{ url: string; event_types: string[]; enabled: boolean }>(
      `SELECT url, event_types, enabled FROM webhook_endpoints WHERE id = $1 AND account_id = $2 FOR UPDATE`,
      [id, accountId],
    );
    if (!before) throw new AppError("NOT_FOUND");
    // Turned on again by a person: the failing streak starts over.
    await tx.query(
      `UPDATE webhook_endpoints
          SET url = $3, event_types = $4, enabled = $5, updated_at = now(),
              disabled_reason = CASE WHEN $5 THEN NULL ELSE disabled_reason END,
              failing_since = CASE WHEN $5 AND NOT enabled THEN NULL ELSE failing_since END
        WHERE id = $1 AND account_id = $2`,
      [id, accountId, input.url, input.eventTypes, input.enabled],
    );
    await recordAccountEvent(tx, {
      accountId,
      actor: { kind: "USER", userId: actor.userId },
      type: "webhook.updated",
      target: { type: "webhook", id, label: input.url },
      before: { url: before.url, eventTypes: before.event_types, enabled: before.enabled },
      after: input,
    });
  });
}

/** A new secret; the old one keeps signing (a second v1) for 24 h so receivers can switch over. */
export async function rotateWebhookSecret(accountId: string, actor: UserActor, id: string, now = new Date()) {
  const secret = newWebhookSecret();
  return (await getSql()).transaction(async (tx) => {
    const [row] = await tx.query<{ url: string }>(
      `UPDATE webhook_endpoints
          SET previous_secret = secret, previous_secret_expires_at = $3, secret = $4, updated_at = now()
        WHERE id = $1 AND account_id = $2
       RETURNING url`,
      [id, accountId, new Date(now.getTime() + SECRET_OVERLAP_MS), secret],
    );
    if (!row) throw new AppError("NOT_FOUND");
    await recordAccountEvent(tx, {
      accountId,
      actor: { kind: "USER", userId: actor.userId },
      type: "webhook.secret_rotated",
      target: { type: "webhook", id, label: row.url },
    });
    return { secret };
  });
}

export async function deleteWebhookEndpoint(accountId: string, actor: UserActor, id: string) {
  await (
    await getSql()
  ).transaction(async (tx) => {
    const [row] = await tx.query<{ url: string; event_types: string[]; enabled: boolean }>(
      `DELETE FROM webhook_endpoints WHERE id = $1 AND account_id = $2 RETURNING url, event_types, enabled`,
      [id, accountId],
    );
    if (!row) throw new AppError("NOT_FOUND");
    await recordAccountEvent(tx, {
      accountId,
      actor: { kind: "USER", userId: actor.userId },
      type: "webhook.deleted",
      target: { type: "webhook", id, label: row.url },
      before: { url: row.url, eventTypes: row.event_types, enabled: row.enabled },
    });
  });
}

/** "Enviar teste": a ping delivery to this endpoint only, sent like any other (signed, retried, logged). */
export async function sendWebhookPing(accountId: string, id: string): Promise<string> {
  const eventId = randomUUID();
  const [row] = await (
    await getSql()
  ).query<{ id: string }>(
    `WITH inserted AS (
       INSERT INTO webhook_deliveries (endpoint_id, event_id, event_type, payload)
       SELECT e.id, $3::uuid, $4::text, jsonb_build_object(
                'id', $3::uuid, 'type', $4::text, 'createdAt', webhook_iso(now()),
                'account', jsonb_build_object('id', a.id, 'name', a.name),
                'data', jsonb_build_object('message', 'Teste do Portal de Assinaturas / Portal de Assinaturas test'))
         FROM webhook_endpoints e JOIN accounts a ON a.id = e.account_id
        WHERE e.id = $1 AND e.account_id = $2
       RETURNING id
     )
     SELECT id, pg_notify('webhook_deliveries', '') FROM inserted`,
    [id, accountId, eventId, PING_EVENT_TYPE],
  );
  if (!row) throw new AppError("NOT_FOUND");
  return row.id;
}
