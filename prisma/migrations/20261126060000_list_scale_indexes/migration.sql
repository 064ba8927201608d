-- Indexes for Fabricante → Assinaturas at scale (tests/bench/list-bench.ts).

-- The list pages customers by (search_text, id) within a manufacturer. With id in the index, that
-- walk, the customer search and the joins of the sorts by expiry and by swaps read the index alone
-- instead of the customers table (which a large manufacturer would otherwise have scanned whole).
-- DropIndex
DROP INDEX "customers_manufacturer_sort_idx";

-- CreateIndex
CREATE INDEX "customers_manufacturer_sort_idx" ON "customers"("manufacturer_id", "search_text", "id");

-- The product filter: its status chips become index range counts and its customer count an
-- index-only scan, instead of two passes over the product's rows in the table.
-- CreateIndex
CREATE INDEX "subscriptions_manufacturer_product_idx" ON "subscriptions"("manufacturer_id", "product", "status", "expires_at", "customer_id");
