-- Histórico da conta and the dashboard (issue "Histórico da conta and a dashboard").

-- The account's events newest first, as keyset pages on (created_at, seq): the whole log, one
-- action type, one kind of actor, one user. They replace the single-column indexes they start with.
-- DropIndex
DROP INDEX "subscription_events_account_id_idx";

-- DropIndex
DROP INDEX "subscription_events_actor_user_id_idx";

-- CreateIndex
CREATE INDEX "subscription_events_account_id_created_at_seq_idx" ON "subscription_events"("account_id", "created_at" DESC, "seq" DESC);

-- CreateIndex
CREATE INDEX "subscription_events_account_id_type_created_at_seq_idx" ON "subscription_events"("account_id", "type", "created_at" DESC, "seq" DESC);

-- CreateIndex
CREATE INDEX "subscription_events_account_id_actor_kind_created_at_seq_idx" ON "subscription_events"("account_id", "actor_kind", "created_at" DESC, "seq" DESC);

-- CreateIndex
CREATE INDEX "subscription_events_actor_user_id_created_at_seq_idx" ON "subscription_events"("actor_user_id", "created_at" DESC, "seq" DESC);

-- CreateTable
CREATE TABLE "subscription_event_daily" (
    "account_id" UUID NOT NULL,
    "day" DATE NOT NULL,
    "type" "EventType" NOT NULL,
    "count" INTEGER NOT NULL,

    CONSTRAINT "subscription_event_daily_pkey" PRIMARY KEY ("account_id","day","type")
);

-- AddForeignKey
ALTER TABLE "subscription_event_daily" ADD CONSTRAINT "subscription_event_daily_account_id_fkey" FOREIGN KEY ("account_id") REFERENCES "accounts"("id") ON DELETE CASCADE ON UPDATE CASCADE;

-- The rollup is kept by the database in the transaction that writes the events, whatever writes
-- them (portal, sweep, desktop license API, integration API, bulk loads): once per statement, from
-- the statement's new rows, so a bulk load of millions of events costs one aggregate.
CREATE FUNCTION subscription_event_daily_add() RETURNS trigger
LANGUAGE plpgsql AS $$
BEGIN
  INSERT INTO subscription_event_daily AS d (account_id, day, type, count)
  SELECT account_id, (created_at AT TIME ZONE 'America/Sao_Paulo')::date, type, count(*)::int
    FROM inserted_events
   GROUP BY 1, 2, 3
   ORDER BY 1, 2, 3
  ON CONFLICT (account_id, day, type) DO UPDATE SET count = d.count + EXCLUDED.count;
  RETURN NULL;
END
$$;

CREATE TRIGGER subscription_events_daily
AFTER INSERT ON "subscription_events"
REFERENCING NEW TABLE AS inserted_events
FOR EACH STATEMENT EXECUTE FUNCTION subscription_event_daily_add();

-- The events already written.
INSERT INTO subscription_event_daily (account_id, day, type, count)
SELECT account_id, (created_at AT TIME ZONE 'America/Sao_Paulo')::date, type, count(*)::int
  FROM subscription_events
 GROUP BY 1, 2, 3;
