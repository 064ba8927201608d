-- Integration API (issue 10): API keys of a manufacturer account, the Idempotency-Key claims of its
-- POSTs, and a commit-ordered event feed.

-- CreateTable
CREATE TABLE "api_keys" (
    "id" UUID NOT NULL DEFAULT gen_random_uuid(),
    "account_id" UUID NOT NULL,
    "name" VARCHAR(100) NOT NULL,
    "prefix" VARCHAR(16) NOT NULL,
    "key_hash" VARCHAR(64) NOT NULL,
    "scopes" VARCHAR(10)[],
    "created_by_user_id" UUID,
    "created_at" TIMESTAMPTZ(3) NOT NULL DEFAULT CURRENT_TIMESTAMP,
    "last_used_at" TIMESTAMPTZ(3),
    "revoked_at" TIMESTAMPTZ(3),

    CONSTRAINT "api_keys_pkey" PRIMARY KEY ("id")
);

-- CreateTable
CREATE TABLE "idempotency_keys" (
    "api_key_id" UUID NOT NULL,
    "key" VARCHAR(255) NOT NULL,
    "request_hash" VARCHAR(64) NOT NULL,
    "status_code" INTEGER,
    "response_body" TEXT,
    "created_at" TIMESTAMPTZ(3) NOT NULL DEFAULT CURRENT_TIMESTAMP,
    "expires_at" TIMESTAMPTZ(3) NOT NULL,

    CONSTRAINT "idempotency_keys_pkey" PRIMARY KEY ("api_key_id","key")
);

-- CreateIndex
CREATE UNIQUE INDEX "api_keys_key_hash_key" ON "api_keys"("key_hash");

-- CreateIndex
CREATE INDEX "api_keys_account_id_idx" ON "api_keys"("account_id");

-- CreateIndex
CREATE INDEX "api_keys_created_by_user_id_idx" ON "api_keys"("created_by_user_id");

-- CreateIndex
CREATE INDEX "idempotency_keys_expires_at_idx" ON "idempotency_keys"("expires_at");

-- The API's lists page by keyset on immutable keys within the manufacturer.
-- CreateIndex
CREATE INDEX "subscriptions_manufacturer_id_serial_number_idx" ON "subscriptions"("manufacturer_id", "serial_number");

-- CreateIndex
CREATE INDEX "customers_manufacturer_id_id_idx" ON "customers"("manufacturer_id", "id");

-- The event feed (GET /events?after=…) pages by seq within the account.
-- CreateIndex
CREATE INDEX "subscription_events_account_id_seq_idx" ON "subscription_events"("account_id", "seq");

-- AddForeignKey
ALTER TABLE "api_keys" ADD CONSTRAINT "api_keys_account_id_fkey" FOREIGN KEY ("account_id") REFERENCES "accounts"("id") ON DELETE CASCADE ON UPDATE CASCADE;

-- AddForeignKey
ALTER TABLE "api_keys" ADD CONSTRAINT "api_keys_created_by_user_id_fkey" FOREIGN KEY ("created_by_user_id") REFERENCES "users"("id") ON DELETE SET NULL ON UPDATE CASCADE;

-- AddForeignKey
ALTER TABLE "idempotency_keys" ADD CONSTRAINT "idempotency_keys_api_key_id_fkey" FOREIGN KEY ("api_key_id") REFERENCES "api_keys"("id") ON DELETE CASCADE ON UPDATE CASCADE;

-- A feed read "after seq N" must never miss an event that commits later with a smaller seq. So an
-- account's events take their seq under a per-account transaction lock held until commit: within an
-- account, seq order is commit order. Events of one account already serialize on their daily rollup
-- row (subscription_event_daily), so the lock costs little more.
CREATE FUNCTION subscription_events_account_order() RETURNS trigger LANGUAGE plpgsql AS $$
BEGIN
  PERFORM pg_advisory_xact_lock(hashtextextended('subscription_events:' || NEW.account_id::text, 0));
  NEW.seq := nextval(pg_get_serial_sequence('subscription_events', 'seq'));
  RETURN NEW;
END
$$;

CREATE TRIGGER subscription_events_account_order
  BEFORE INSERT ON "subscription_events"
  FOR EACH ROW EXECUTE FUNCTION subscription_events_account_order();
