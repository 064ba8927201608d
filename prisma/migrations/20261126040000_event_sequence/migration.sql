-- AlterTable
ALTER TABLE "subscription_events" ADD COLUMN "seq" BIGSERIAL NOT NULL;

-- CreateIndex
CREATE UNIQUE INDEX "subscription_events_seq_key" ON "subscription_events"("seq");

-- CreateIndex
CREATE INDEX "subscription_events_subscription_id_seq_idx" ON "subscription_events"("subscription_id", "seq" DESC);
