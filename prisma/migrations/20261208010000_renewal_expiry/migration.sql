-- Registrar renovação (issue 10): a RENEWED event records the expiry it moved from and to, so the
-- Histórico shows what was paid for, retroactive periods included.

-- AlterTable
ALTER TABLE "subscription_events" ADD COLUMN "expires_from" TIMESTAMPTZ(3),
ADD COLUMN "expires_to" TIMESTAMPTZ(3);
