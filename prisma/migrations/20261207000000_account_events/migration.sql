-- AlterEnum: the integration API (an API key) is an actor too (DESIGN.md §6).
ALTER TYPE "ActorKind" ADD VALUE 'API_KEY';

-- CreateTable
CREATE TABLE "account_events" (
    "id" UUID NOT NULL DEFAULT gen_random_uuid(),
    "account_id" UUID NOT NULL,
    "actor_kind" "ActorKind" NOT NULL,
    "actor_user_id" UUID,
    "actor_label" VARCHAR(200),
    "type" VARCHAR(60) NOT NULL,
    "target_type" VARCHAR(40) NOT NULL,
    "target_id" VARCHAR(64),
    "target_label" VARCHAR(254),
    "before" JSONB,
    "after" JSONB,
    "created_at" TIMESTAMPTZ(3) NOT NULL DEFAULT CURRENT_TIMESTAMP,
    "seq" BIGSERIAL NOT NULL,

    CONSTRAINT "account_events_pkey" PRIMARY KEY ("id")
);

-- CreateIndex
CREATE UNIQUE INDEX "account_events_seq_key" ON "account_events"("seq");

-- CreateIndex
CREATE INDEX "account_events_account_id_seq_idx" ON "account_events"("account_id", "seq" DESC);

-- CreateIndex
CREATE INDEX "account_events_account_id_target_type_target_id_idx" ON "account_events"("account_id", "target_type", "target_id");

-- CreateIndex
CREATE INDEX "account_events_actor_user_id_idx" ON "account_events"("actor_user_id");

-- AddForeignKey
ALTER TABLE "account_events" ADD CONSTRAINT "account_events_account_id_fkey" FOREIGN KEY ("account_id") REFERENCES "accounts"("id") ON DELETE CASCADE ON UPDATE CASCADE;

-- AddForeignKey
ALTER TABLE "account_events" ADD CONSTRAINT "account_events_actor_user_id_fkey" FOREIGN KEY ("actor_user_id") REFERENCES "users"("id") ON DELETE SET NULL ON UPDATE CASCADE;

-- AlterTable
ALTER TABLE "subscription_events" ADD COLUMN "actor_label" VARCHAR(200);
