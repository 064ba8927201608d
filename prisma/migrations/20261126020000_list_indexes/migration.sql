-- CreateIndex
CREATE INDEX "subscriptions_manufacturer_customer_idx" ON "subscriptions"("manufacturer_id", "customer_id", "status", "expires_at", "last_swap_at");

-- CreateIndex
CREATE INDEX "customers_manufacturer_sort_idx" ON "customers"("manufacturer_id", "search_text");
