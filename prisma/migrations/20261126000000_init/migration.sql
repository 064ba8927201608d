-- CreateExtension
CREATE EXTENSION IF NOT EXISTS "pg_trgm";

-- CreateEnum
CREATE TYPE "AccountKind" AS ENUM ('FABRICANTE', 'LOJISTA', 'PROFISSIONAL');

-- CreateEnum
CREATE TYPE "Profile" AS ENUM ('RESPONSAVEL', 'ADMINISTRADOR', 'FABRICANTE', 'CONVIDADO');

-- CreateEnum
CREATE TYPE "CustomerType" AS ENUM ('LOJISTA', 'PROFISSIONAL');

-- CreateEnum
CREATE TYPE "Plan" AS ENUM ('MENSAL', 'ANUAL');

-- CreateEnum
CREATE TYPE "SubscriptionStatus" AS ENUM ('PENDENTE', 'ATIVA', 'SUSPENSA', 'CANCELADA');

-- CreateEnum
CREATE TYPE "BillingState" AS ENUM ('ATIVA', 'PAUSADA', 'ENCERRADA');

-- CreateEnum
CREATE TYPE "ReasonKind" AS ENUM ('SUSPENSAO', 'CANCELAMENTO');

-- CreateEnum
CREATE TYPE "DeactivationCause" AS ENUM ('SWAP', 'DESKTOP', 'FABRICANTE');

-- CreateEnum
CREATE TYPE "EventType" AS ENUM ('CREATED', 'SUSPENDED', 'CANCELLED', 'RELEASED', 'ACTIVATED', 'SWAPPED', 'DEACTIVATED', 'RENEWED');

-- CreateEnum
CREATE TYPE "ActorKind" AS ENUM ('USER', 'SYSTEM', 'DESKTOP');

-- CreateTable
CREATE TABLE "accounts" (
    "id" UUID NOT NULL DEFAULT gen_random_uuid(),
    "kind" "AccountKind" NOT NULL,
    "name" VARCHAR(160) NOT NULL,
    "document" VARCHAR(14) NOT NULL,
    "grace_days" INTEGER NOT NULL DEFAULT 15,
    "swap_limit" INTEGER NOT NULL DEFAULT 3,
    "created_at" TIMESTAMPTZ(3) NOT NULL DEFAULT CURRENT_TIMESTAMP,

    CONSTRAINT "accounts_pkey" PRIMARY KEY ("id")
);

-- CreateTable
CREATE TABLE "users" (
    "id" UUID NOT NULL DEFAULT gen_random_uuid(),
    "email" VARCHAR(254) NOT NULL,
    "name" VARCHAR(160) NOT NULL,
    "password_hash" VARCHAR(100) NOT NULL,
    "default_account_id" UUID,
    "created_at" TIMESTAMPTZ(3) NOT NULL DEFAULT CURRENT_TIMESTAMP,

    CONSTRAINT "users_pkey" PRIMARY KEY ("id")
);

-- CreateTable
CREATE TABLE "memberships" (
    "id" UUID NOT NULL DEFAULT gen_random_uuid(),
    "user_id" UUID NOT NULL,
    "account_id" UUID NOT NULL,
    "profiles" "Profile"[],
    "created_at" TIMESTAMPTZ(3) NOT NULL DEFAULT CURRENT_TIMESTAMP,

    CONSTRAINT "memberships_pkey" PRIMARY KEY ("id")
);

-- CreateTable
CREATE TABLE "customers" (
    "id" UUID NOT NULL DEFAULT gen_random_uuid(),
    "manufacturer_id" UUID NOT NULL,
    "account_id" UUID,
    "type" "CustomerType" NOT NULL,
    "name" VARCHAR(200) NOT NULL,
    "document" VARCHAR(14) NOT NULL,
    "city" VARCHAR(120) NOT NULL,
    "state" CHAR(2) NOT NULL,
    "email" VARCHAR(254) NOT NULL,
    "search_text" TEXT NOT NULL DEFAULT '',
    "created_at" TIMESTAMPTZ(3) NOT NULL DEFAULT CURRENT_TIMESTAMP,

    CONSTRAINT "customers_pkey" PRIMARY KEY ("id")
);

-- CreateTable
CREATE TABLE "subscriptions" (
    "id" UUID NOT NULL DEFAULT gen_random_uuid(),
    "serial_number" VARCHAR(32) NOT NULL,
    "manufacturer_id" UUID NOT NULL,
    "customer_id" UUID NOT NULL,
    "product" VARCHAR(120) NOT NULL,
    "plan" "Plan" NOT NULL,
    "started_at" TIMESTAMPTZ(3) NOT NULL,
    "expires_at" TIMESTAMPTZ(3) NOT NULL,
    "status" "SubscriptionStatus" NOT NULL,
    "billing_state" "BillingState" NOT NULL DEFAULT 'ATIVA',
    "suspended_until" TIMESTAMPTZ(3),
    "block_reason_id" UUID,
    "block_description" VARCHAR(1000),
    "blocked_at" TIMESTAMPTZ(3),
    "blocked_by_user_id" UUID,
    "last_swap_at" TIMESTAMPTZ(3),
    "created_at" TIMESTAMPTZ(3) NOT NULL DEFAULT CURRENT_TIMESTAMP,
    "updated_at" TIMESTAMPTZ(3) NOT NULL DEFAULT CURRENT_TIMESTAMP,

    CONSTRAINT "subscriptions_pkey" PRIMARY KEY ("id")
);

-- CreateTable
CREATE TABLE "activations" (
    "id" UUID NOT NULL DEFAULT gen_random_uuid(),
    "subscription_id" UUID NOT NULL,
    "machine_id" VARCHAR(128) NOT NULL,
    "machine_name" VARCHAR(128) NOT NULL,
    "os" VARCHAR(120) NOT NULL,
    "app_version" VARCHAR(40) NOT NULL,
    "activated_at" TIMESTAMPTZ(3) NOT NULL DEFAULT CURRENT_TIMESTAMP,
    "last_seen_at" TIMESTAMPTZ(3) NOT NULL DEFAULT CURRENT_TIMESTAMP,
    "deactivated_at" TIMESTAMPTZ(3),
    "deactivation_cause" "DeactivationCause",
    "deactivation_note" VARCHAR(1000),
    "deactivated_by_id" UUID,

    CONSTRAINT "activations_pkey" PRIMARY KEY ("id")
);

-- CreateTable
CREATE TABLE "reasons" (
    "id" UUID NOT NULL DEFAULT gen_random_uuid(),
    "manufacturer_id" UUID NOT NULL,
    "kind" "ReasonKind" NOT NULL,
    "label" VARCHAR(120) NOT NULL,
    "requires_description" BOOLEAN NOT NULL DEFAULT false,
    "active" BOOLEAN NOT NULL DEFAULT true,

    CONSTRAINT "reasons_pkey" PRIMARY KEY ("id")
);

-- CreateTable
CREATE TABLE "subscription_events" (
    "id" UUID NOT NULL DEFAULT gen_random_uuid(),
    "subscription_id" UUID NOT NULL,
    "account_id" UUID NOT NULL,
    "actor_kind" "ActorKind" NOT NULL,
    "actor_user_id" UUID,
    "type" "EventType" NOT NULL,
    "reason_id" UUID,
    "description" VARCHAR(1000),
    "from_status" "SubscriptionStatus",
    "to_status" "SubscriptionStatus",
    "activation_id" UUID,
    "created_at" TIMESTAMPTZ(3) NOT NULL DEFAULT CURRENT_TIMESTAMP,

    CONSTRAINT "subscription_events_pkey" PRIMARY KEY ("id")
);

-- CreateTable
CREATE TABLE "rate_limit_counters" (
    "key" VARCHAR(200) NOT NULL,
    "window_start" TIMESTAMPTZ(3) NOT NULL,
    "count" INTEGER NOT NULL DEFAULT 0,
    "expires_at" TIMESTAMPTZ(3) NOT NULL,

    CONSTRAINT "rate_limit_counters_pkey" PRIMARY KEY ("key","window_start")
);

-- CreateIndex
CREATE UNIQUE INDEX "accounts_kind_document_key" ON "accounts"("kind", "document");

-- CreateIndex
CREATE UNIQUE INDEX "users_email_key" ON "users"("email");

-- CreateIndex
CREATE INDEX "users_default_account_id_idx" ON "users"("default_account_id");

-- CreateIndex
CREATE INDEX "memberships_account_id_idx" ON "memberships"("account_id");

-- CreateIndex
CREATE UNIQUE INDEX "memberships_user_id_account_id_key" ON "memberships"("user_id", "account_id");

-- CreateIndex
CREATE INDEX "customers_manufacturer_id_name_idx" ON "customers"("manufacturer_id", "name");

-- CreateIndex
CREATE INDEX "customers_account_id_idx" ON "customers"("account_id");

-- CreateIndex
CREATE INDEX "customers_search_text_idx" ON "customers" USING GIN ("search_text" gin_trgm_ops);

-- CreateIndex
CREATE UNIQUE INDEX "customers_manufacturer_id_document_key" ON "customers"("manufacturer_id", "document");

-- CreateIndex
CREATE UNIQUE INDEX "subscriptions_serial_number_key" ON "subscriptions"("serial_number");

-- CreateIndex
CREATE INDEX "subscriptions_manufacturer_id_status_expires_at_idx" ON "subscriptions"("manufacturer_id", "status", "expires_at");

-- CreateIndex
CREATE INDEX "subscriptions_manufacturer_id_expires_at_idx" ON "subscriptions"("manufacturer_id", "expires_at");

-- CreateIndex
CREATE INDEX "subscriptions_manufacturer_id_product_idx" ON "subscriptions"("manufacturer_id", "product");

-- CreateIndex
CREATE INDEX "subscriptions_manufacturer_id_last_swap_at_idx" ON "subscriptions"("manufacturer_id", "last_swap_at");

-- CreateIndex
CREATE INDEX "subscriptions_customer_id_status_idx" ON "subscriptions"("customer_id", "status");

-- CreateIndex
CREATE INDEX "subscriptions_block_reason_id_idx" ON "subscriptions"("block_reason_id");

-- CreateIndex
CREATE INDEX "subscriptions_serial_number_trgm_idx" ON "subscriptions" USING GIN ("serial_number" gin_trgm_ops);

-- CreateIndex
CREATE INDEX "subscriptions_suspended_until_idx" ON "subscriptions"("suspended_until") WHERE status = 'SUSPENSA' AND suspended_until IS NOT NULL;

-- CreateIndex
CREATE INDEX "activations_subscription_id_activated_at_idx" ON "activations"("subscription_id", "activated_at");

-- CreateIndex
CREATE INDEX "activations_swaps_idx" ON "activations"("subscription_id", "deactivated_at") WHERE deactivation_cause = 'SWAP';

-- CreateIndex
CREATE INDEX "activations_machine_name_trgm_idx" ON "activations" USING GIN ("machine_name" gin_trgm_ops);

-- CreateIndex
CREATE INDEX "activations_deactivated_by_id_idx" ON "activations"("deactivated_by_id");

-- CreateIndex
CREATE UNIQUE INDEX "activations_one_active_per_subscription" ON "activations"("subscription_id") WHERE deactivated_at IS NULL;

-- CreateIndex
CREATE UNIQUE INDEX "reasons_manufacturer_id_kind_label_key" ON "reasons"("manufacturer_id", "kind", "label");

-- CreateIndex
CREATE INDEX "subscription_events_subscription_id_created_at_idx" ON "subscription_events"("subscription_id", "created_at" DESC);

-- CreateIndex
CREATE INDEX "subscription_events_account_id_idx" ON "subscription_events"("account_id");

-- CreateIndex
CREATE INDEX "subscription_events_actor_user_id_idx" ON "subscription_events"("actor_user_id");

-- CreateIndex
CREATE INDEX "subscription_events_reason_id_idx" ON "subscription_events"("reason_id");

-- CreateIndex
CREATE INDEX "subscription_events_activation_id_idx" ON "subscription_events"("activation_id");

-- CreateIndex
CREATE INDEX "rate_limit_counters_expires_at_idx" ON "rate_limit_counters"("expires_at");

-- AddForeignKey
ALTER TABLE "users" ADD CONSTRAINT "users_default_account_id_fkey" FOREIGN KEY ("default_account_id") REFERENCES "accounts"("id") ON DELETE SET NULL ON UPDATE CASCADE;

-- AddForeignKey
ALTER TABLE "memberships" ADD CONSTRAINT "memberships_user_id_fkey" FOREIGN KEY ("user_id") REFERENCES "users"("id") ON DELETE CASCADE ON UPDATE CASCADE;

-- AddForeignKey
ALTER TABLE "memberships" ADD CONSTRAINT "memberships_account_id_fkey" FOREIGN KEY ("account_id") REFERENCES "accounts"("id") ON DELETE CASCADE ON UPDATE CASCADE;

-- AddForeignKey
ALTER TABLE "customers" ADD CONSTRAINT "customers_manufacturer_id_fkey" FOREIGN KEY ("manufacturer_id") REFERENCES "accounts"("id") ON DELETE RESTRICT ON UPDATE CASCADE;

-- AddForeignKey
ALTER TABLE "customers" ADD CONSTRAINT "customers_account_id_fkey" FOREIGN KEY ("account_id") REFERENCES "accounts"("id") ON DELETE SET NULL ON UPDATE CASCADE;

-- AddForeignKey
ALTER TABLE "subscriptions" ADD CONSTRAINT "subscriptions_manufacturer_id_fkey" FOREIGN KEY ("manufacturer_id") REFERENCES "accounts"("id") ON DELETE RESTRICT ON UPDATE CASCADE;

-- AddForeignKey
ALTER TABLE "subscriptions" ADD CONSTRAINT "subscriptions_customer_id_fkey" FOREIGN KEY ("customer_id") REFERENCES "customers"("id") ON DELETE RESTRICT ON UPDATE CASCADE;

-- AddForeignKey
ALTER TABLE "subscriptions" ADD CONSTRAINT "subscriptions_block_reason_id_fkey" FOREIGN KEY ("block_reason_id") REFERENCES "reasons"("id") ON DELETE RESTRICT ON UPDATE CASCADE;

-- AddForeignKey
ALTER TABLE "activations" ADD CONSTRAINT "activations_subscription_id_fkey" FOREIGN KEY ("subscription_id") REFERENCES "subscriptions"("id") ON DELETE RESTRICT ON UPDATE CASCADE;

-- AddForeignKey
ALTER TABLE "activations" ADD CONSTRAINT "activations_deactivated_by_id_fkey" FOREIGN KEY ("deactivated_by_id") REFERENCES "users"("id") ON DELETE SET NULL ON UPDATE CASCADE;

-- AddForeignKey
ALTER TABLE "reasons" ADD CONSTRAINT "reasons_manufacturer_id_fkey" FOREIGN KEY ("manufacturer_id") REFERENCES "accounts"("id") ON DELETE CASCADE ON UPDATE CASCADE;

-- AddForeignKey
ALTER TABLE "subscription_events" ADD CONSTRAINT "subscription_events_subscription_id_fkey" FOREIGN KEY ("subscription_id") REFERENCES "subscriptions"("id") ON DELETE RESTRICT ON UPDATE CASCADE;

-- AddForeignKey
ALTER TABLE "subscription_events" ADD CONSTRAINT "subscription_events_account_id_fkey" FOREIGN KEY ("account_id") REFERENCES "accounts"("id") ON DELETE RESTRICT ON UPDATE CASCADE;

-- AddForeignKey
ALTER TABLE "subscription_events" ADD CONSTRAINT "subscription_events_actor_user_id_fkey" FOREIGN KEY ("actor_user_id") REFERENCES "users"("id") ON DELETE SET NULL ON UPDATE CASCADE;

-- AddForeignKey
ALTER TABLE "subscription_events" ADD CONSTRAINT "subscription_events_reason_id_fkey" FOREIGN KEY ("reason_id") REFERENCES "reasons"("id") ON DELETE RESTRICT ON UPDATE CASCADE;

-- AddForeignKey
ALTER TABLE "subscription_events" ADD CONSTRAINT "subscription_events_activation_id_fkey" FOREIGN KEY ("activation_id") REFERENCES "activations"("id") ON DELETE RESTRICT ON UPDATE CASCADE;

-- Search normalization (not expressible in schema.prisma): lower-case, no accents, no punctuation.
-- The list filter applies the same function to the user's term, so both sides always agree.
CREATE FUNCTION search_normalize(input TEXT) RETURNS TEXT
LANGUAGE sql IMMUTABLE PARALLEL SAFE RETURNS NULL ON NULL INPUT AS $$
  SELECT regexp_replace(
    lower(translate(
      input,
      'áàâãäåāéèêëēíìîïīóòôõöøōúùûüūçñýÿÁÀÂÃÄÅĀÉÈÊËĒÍÌÎÏĪÓÒÔÕÖØŌÚÙÛÜŪÇÑÝ',
      'aaaaaaaeeeeeiiiiiooooooouuuuucnyyaaaaaaaeeeeeiiiiiooooooouuuuucny'
    )),
    '[^a-z0-9 ]+', '', 'g'
  )
$$;

CREATE FUNCTION customers_set_search_text() RETURNS trigger
LANGUAGE plpgsql AS $$
BEGIN
  NEW.search_text := search_normalize(NEW.name) || ' ' || NEW.document;
  RETURN NEW;
END
$$;

CREATE TRIGGER customers_search_text
BEFORE INSERT OR UPDATE OF name, document ON "customers"
FOR EACH ROW EXECUTE FUNCTION customers_set_search_text();

-- Data rules the schema language can't state.
ALTER TABLE "accounts" ADD CONSTRAINT "accounts_grace_days_check" CHECK ("grace_days" BETWEEN 0 AND 365);
ALTER TABLE "accounts" ADD CONSTRAINT "accounts_swap_limit_check" CHECK ("swap_limit" BETWEEN 0 AND 100);
ALTER TABLE "subscriptions" ADD CONSTRAINT "subscriptions_period_check" CHECK ("expires_at" >= "started_at");
ALTER TABLE "activations" ADD CONSTRAINT "activations_deactivation_check"
  CHECK (("deactivated_at" IS NULL) = ("deactivation_cause" IS NULL));
