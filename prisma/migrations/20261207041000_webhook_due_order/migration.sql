-- The workers claim due deliveries in (next_attempt_at, seq) order: with both columns in the index the
-- claim reads the first rows of the index instead of sorting every pending delivery (bench:webhooks).

-- DropIndex
DROP INDEX "webhook_deliveries_due_idx";

-- CreateIndex
CREATE INDEX "webhook_deliveries_due_idx" ON "webhook_deliveries"("next_attempt_at", "seq") WHERE state = 'PENDING';
