-- Webhooks (DESIGN.md §6): endpoints of a manufacturer account, and a transactional outbox of
-- deliveries written by triggers in the same transaction as the event they carry.

-- CreateEnum
CREATE TYPE "WebhookDeliveryState" AS ENUM ('PENDING', 'DELIVERED', 'FAILED');

-- CreateTable
CREATE TABLE "webhook_endpoints" (
    "id" UUID NOT NULL DEFAULT gen_random_uuid(),
    "account_id" UUID NOT NULL,
    "url" VARCHAR(2048) NOT NULL,
    "event_types" VARCHAR(40)[],
    "enabled" BOOLEAN NOT NULL DEFAULT true,
    "secret" VARCHAR(100) NOT NULL,
    "previous_secret" VARCHAR(100),
    "previous_secret_expires_at" TIMESTAMPTZ(3),
    "failing_since" TIMESTAMPTZ(3),
    "disabled_reason" VARCHAR(20),
    "created_at" TIMESTAMPTZ(3) NOT NULL DEFAULT CURRENT_TIMESTAMP,
    "updated_at" TIMESTAMPTZ(3) NOT NULL DEFAULT CURRENT_TIMESTAMP,

    CONSTRAINT "webhook_endpoints_pkey" PRIMARY KEY ("id")
);

-- CreateTable
CREATE TABLE "webhook_deliveries" (
    "id" UUID NOT NULL DEFAULT gen_random_uuid(),
    "seq" BIGSERIAL NOT NULL,
    "endpoint_id" UUID NOT NULL,
    "event_id" UUID NOT NULL,
    "event_type" VARCHAR(40) NOT NULL,
    "order_key" UUID,
    "serial_number" VARCHAR(32),
    "payload" JSONB NOT NULL,
    "state" "WebhookDeliveryState" NOT NULL DEFAULT 'PENDING',
    "attempts" INTEGER NOT NULL DEFAULT 0,
    "next_attempt_at" TIMESTAMPTZ(3) NOT NULL DEFAULT CURRENT_TIMESTAMP,
    "retry_from" TIMESTAMPTZ(3) NOT NULL DEFAULT CURRENT_TIMESTAMP,
    "locked_until" TIMESTAMPTZ(3),
    "lease" UUID,
    "last_status_code" INTEGER,
    "delivered_at" TIMESTAMPTZ(3),
    "created_at" TIMESTAMPTZ(3) NOT NULL DEFAULT CURRENT_TIMESTAMP,

    CONSTRAINT "webhook_deliveries_pkey" PRIMARY KEY ("id")
);

-- CreateTable
CREATE TABLE "webhook_attempts" (
    "id" UUID NOT NULL DEFAULT gen_random_uuid(),
    "delivery_id" UUID NOT NULL,
    "attempted_at" TIMESTAMPTZ(3) NOT NULL DEFAULT CURRENT_TIMESTAMP,
    "status_code" INTEGER,
    "latency_ms" INTEGER NOT NULL,
    "response_body" VARCHAR(2048),
    "error" VARCHAR(300),

    CONSTRAINT "webhook_attempts_pkey" PRIMARY KEY ("id")
);

-- CreateIndex
CREATE INDEX "webhook_endpoints_account_id_idx" ON "webhook_endpoints"("account_id");

-- CreateIndex
CREATE UNIQUE INDEX "webhook_deliveries_seq_key" ON "webhook_deliveries"("seq");

-- CreateIndex
CREATE INDEX "webhook_deliveries_endpoint_id_seq_idx" ON "webhook_deliveries"("endpoint_id", "seq" DESC);

-- CreateIndex
CREATE INDEX "webhook_deliveries_due_idx" ON "webhook_deliveries"("next_attempt_at") WHERE state = 'PENDING';

-- CreateIndex
CREATE INDEX "webhook_deliveries_order_idx" ON "webhook_deliveries"("endpoint_id", "order_key", "seq") WHERE state = 'PENDING';

-- CreateIndex
CREATE INDEX "webhook_attempts_delivery_id_attempted_at_idx" ON "webhook_attempts"("delivery_id", "attempted_at" DESC);

-- AddForeignKey
ALTER TABLE "webhook_endpoints" ADD CONSTRAINT "webhook_endpoints_account_id_fkey" FOREIGN KEY ("account_id") REFERENCES "accounts"("id") ON DELETE CASCADE ON UPDATE CASCADE;

-- AddForeignKey
ALTER TABLE "webhook_deliveries" ADD CONSTRAINT "webhook_deliveries_endpoint_id_fkey" FOREIGN KEY ("endpoint_id") REFERENCES "webhook_endpoints"("id") ON DELETE CASCADE ON UPDATE CASCADE;

-- AddForeignKey
ALTER TABLE "webhook_attempts" ADD CONSTRAINT "webhook_attempts_delivery_id_fkey" FOREIGN KEY ("delivery_id") REFERENCES "webhook_deliveries"("id") ON DELETE CASCADE ON UPDATE CASCADE;

-- The outbox (not expressible in schema.prisma). Every path that writes an event — portal actions,
-- the sweep, the desktop license API, the integration API — inserts a row into subscription_events
-- or account_events; these triggers add one delivery per enabled endpoint of the manufacturer that
-- asked for the event's type, in the same transaction: a rolled-back change sends nothing.
CREATE FUNCTION webhook_iso(value TIMESTAMPTZ) RETURNS TEXT
LANGUAGE sql IMMUTABLE PARALLEL SAFE RETURNS NULL ON NULL INPUT AS $$
  SELECT to_char(value AT TIME ZONE 'UTC', 'YYYY-MM-DD"T"HH24:MI:SS.MS"Z"')
$$;

CREATE FUNCTION webhook_enqueue_subscription_event() RETURNS trigger
LANGUAGE plpgsql AS $$
DECLARE
  v_account UUID;
  v_type TEXT := 'serial.' || lower(NEW.type::text);
  v_payload JSONB;
BEGIN
  SELECT manufacturer_id INTO v_account FROM subscriptions WHERE id = NEW.subscription_id;
  -- The common case (no endpoint wants it) costs two index lookups.
  IF NOT EXISTS (SELECT 1 FROM webhook_endpoints w WHERE w.account_id = v_account AND w.enabled AND v_type = ANY (w.event_types)) THEN
    RETURN NULL;
  END IF;
  SELECT jsonb_build_object(
           'id', NEW.id,
           'type', v_type,
           'createdAt', webhook_iso(NEW.created_at),
           'account', jsonb_build_object('id', a.id, 'name', a.name),
           'data', jsonb_build_object(
             'serialNumber', s.serial_number,
             'product', s.product,
             'plan', s.plan,
             'status', COALESCE(NEW.to_status, s.status),
             'previousStatus', NEW.from_status,
             'expiresAt', webhook_iso(s.expires_at),
             'suspendedUntil', webhook_iso(s.suspended_until),
             'customer', jsonb_build_object('id', c.id, 'name', c.name, 'document', c.document, 'type', c.type),
             'reason', CASE WHEN r.id IS NULL THEN NULL ELSE jsonb_build_object('id', r.id, 'label', r.label) END,
             'description', NEW.description,
             'machine', CASE WHEN m.id IS NULL THEN NULL ELSE jsonb_build_object(
               'activationId', m.id, 'machineId', m.machine_id, 'machineName', m.machine_name, 'os', m.os, 'appVersion', m.app_version) END,
             'actor', jsonb_build_object('kind', NEW.actor_kind, 'name', COALESCE(u.name, NEW.actor_label))))
    INTO v_payload
    FROM subscriptions s
    JOIN accounts a ON a.id = s.manufacturer_id
    JOIN customers c ON c.id = s.customer_id
    LEFT JOIN reasons r ON r.id = NEW.reason_id
    LEFT JOIN activations m ON m.id = NEW.activation_id
    LEFT JOIN users u ON u.id = NEW.actor_user_id
   WHERE s.id = NEW.subscription_id;
  INSERT INTO webhook_deliveries (endpoint_id, event_id, event_type, order_key, serial_number, payload)
  SELECT w.id, NEW.id, v_type, NEW.subscription_id, v_payload->'data'->>'serialNumber', v_payload
    FROM webhook_endpoints w
   WHERE w.account_id = v_account AND w.enabled AND v_type = ANY (w.event_types);
  PERFORM pg_notify('webhook_deliveries', '');
  RETURN NULL;
END
$$;

CREATE TRIGGER subscription_events_webhooks
AFTER INSERT ON "subscription_events"
FOR EACH ROW EXECUTE FUNCTION webhook_enqueue_subscription_event();

CREATE FUNCTION webhook_enqueue_account_event() RETURNS trigger
LANGUAGE plpgsql AS $$
DECLARE
  v_payload JSONB;
BEGIN
  IF NOT EXISTS (SELECT 1 FROM webhook_endpoints w WHERE w.account_id = NEW.account_id AND w.enabled AND 'account.changed' = ANY (w.event_types)) THEN
    RETURN NULL;
  END IF;
  SELECT jsonb_build_object(
           'id', NEW.id,
           'type', 'account.changed',
           'createdAt', webhook_iso(NEW.created_at),
           'account', jsonb_build_object('id', a.id, 'name', a.name),
           'data', jsonb_build_object(
             'change', NEW.type,
             'target', jsonb_build_object('type', NEW.target_type, 'id', NEW.target_id, 'label', NEW.target_label),
             'before', NEW.before,
             'after', NEW.after,
             'actor', jsonb_build_object('kind', NEW.actor_kind, 'name', COALESCE(u.name, NEW.actor_label))))
    INTO v_payload
    FROM accounts a
    LEFT JOIN users u ON u.id = NEW.actor_user_id
   WHERE a.id = NEW.account_id;
  -- Account changes keep their order per account, as serial events do per serial.
  INSERT INTO webhook_deliveries (endpoint_id, event_id, event_type, order_key, payload)
  SELECT w.id, NEW.id, 'account.changed', NEW.account_id, v_payload
    FROM webhook_endpoints w
   WHERE w.account_id = NEW.account_id AND w.enabled AND 'account.changed' = ANY (w.event_types);
  PERFORM pg_notify('webhook_deliveries', '');
  RETURN NULL;
END
$$;

CREATE TRIGGER account_events_webhooks
AFTER INSERT ON "account_events"
FOR EACH ROW EXECUTE FUNCTION webhook_enqueue_account_event();
