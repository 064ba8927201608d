// Deep pages of the list in name order by keyset: the pagination links carry the customer the
// next page starts after (or the previous page ends before), so page 500 reads 25 customers from
// the (manufacturer_id, search_text, id) index instead of walking the 12,475 before them.
import type { SubscriptionFilters } from "@/lib/validation/subscription-filters";
import type { SqlParams } from "./sql-params";
import type { SubscriptionScope } from "./subscription-scope";

export type NameKeyset = {
  /** ANDed to the conditions on `c` (customers). */
  condition: string;
  /** The page is read backwards (it ends before the cursor) and must be reversed. */
  backwards: boolean;
};

/**
 * The keyset of this page, or null when it is found by its number: without a cursor, in another
 * order, or in a lojista's own list (grouped by manufacturer name, not by the customer's).
 */
export function nameKeyset(scope: SubscriptionScope, filters: SubscriptionFilters, params: SqlParams): NameKeyset | null {
  const cursor = filters.apos ?? filters.antes;
  if (!cursor || filters.pagina <= 1 || filters.ordem !== "cliente" || scope.kind !== "manufacturer") return null;
  const operator = filters.apos ? ">" : "<";
  // The cursor's own position, read within the scope: another tenant's customer id matches nothing.
  return {
    condition: `(c.search_text, c.id) ${operator} (SELECT k.search_text, k.id FROM customers k
                 WHERE k.id = ${params.add(cursor)}::uuid AND k.manufacturer_id = ${params.add(scope.accountId)})`,
    backwards: !filters.apos,
  };
}
