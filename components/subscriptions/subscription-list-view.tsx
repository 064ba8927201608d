import Link from "next/link";
import { getTranslations } from "next-intl/server";
import type { ReactNode } from "react";
import type { AuthorizedContext } from "@/lib/auth/require-permission";
import { listSubscriptions, type SubscriptionListPage } from "@/lib/data/subscription-list";
import { productsInScope } from "@/lib/data/subscription-products";
import { scopeForAccount } from "@/lib/data/subscription-scope";
import {
  filtersToQuery,
  hasActiveFilters,
  type FilterProblem,
  type SubscriptionFilters,
} from "@/lib/validation/subscription-filters";
import { CustomerGroup } from "./customer-group";
import { listPathFor } from "./customer-serials";
import { FilterForm } from "./filter-form";
import { FilterProblems } from "./filter-problems";
import { Pagination } from "./pagination";
import { StatusChips } from "./status-chips";

/** The list shared by Fabricante → Assinaturas and Minhas assinaturas (steps 4–6 of the article). */
export async function SubscriptionListView({
  context,
  filters,
  problems,
  toolbar,
  bulk,
  notice,
}: {
  context: AuthorizedContext;
  filters: SubscriptionFilters;
  problems: FilterProblem[];
  toolbar?: ReactNode;
  /** Bulk actions bar, given the page so it can offer "all that match the filter". */
  bulk?: (page: SubscriptionListPage) => ReactNode;
  /** A line above the list, e.g. which profile may act on the serials. */
  notice?: ReactNode;
}) {
  const t = await getTranslations("subscriptions");
  const now = new Date();
  const scope = scopeForAccount(context.account);
  const basePath = listPathFor(context);
  // Customers' serial rows load when a row is opened; a page with one customer shows them at once.
  const [page, products] = await Promise.all([
    listSubscriptions(scope, filters, now, { withSerials: false }),
    productsInScope(scope),
  ]);
  const filtered = hasActiveFilters(filters);
  const version = String(now.getTime());

  return (
    <div className="space-y-4">
      {/* Filters, chips and bulk actions come first: one keypress takes a keyboard user past them. */}
      <a
        href="#lista"
        className="sr-only rounded-md bg-white px-3 py-2 text-sm font-medium text-brand-800 ring-2 ring-brand-600 focus:not-sr-only focus:inline-block"
      >
        {t("list.skipToList")}
      </a>
      <FilterForm filters={filters} products={products} basePath={basePath} showCustomer={scope.kind === "manufacturer"} />
      <FilterProblems problems={problems} />
      <div className="flex flex-wrap items-center justify-between gap-3">
        <StatusChips filters={filters} chips={page.chips} basePath={basePath} />
        {toolbar}
      </div>
      <p className="text-sm text-slate-700" role="status">
        {t("list.summary", { serials: page.serialCount, customers: page.customerCount })}
      </p>
      {notice}
      {bulk && page.serialCount > 0 && bulk(page)}

      {page.customers.length === 0 ? (
        <div id="lista" tabIndex={-1} className="rounded-lg border border-dashed border-slate-300 bg-white p-8 text-center">
          <h2 className="text-lg font-semibold">{t("empty.title")}</h2>
          <p className="mt-1 text-slate-700">
            {filters.pagina > 1 && page.serialCount > 0
              ? t("empty.pageOutOfRange")
              : filtered
                ? t("empty.withFilters")
                : t("empty.noData")}
          </p>
          {(filtered || filters.pagina > 1) && (
            <Link
              href={
                filters.pagina > 1 && page.serialCount > 0 ? `${basePath}${filtersToQuery(filters, { pagina: 1 })}` : basePath
              }
              className="mt-4 inline-block rounded-md bg-brand-700 px-4 py-2 text-sm font-semibold text-white hover:bg-brand-800"
            >
              {filters.pagina > 1 && page.serialCount > 0 ? t("pagination.first") : t("filters.clear")}
            </Link>
          )}
        </div>
      ) : (
        <div id="lista" tabIndex={-1} aria-label={t("list.listLabel")} role="region" className="space-y-2 focus:outline-none">
          {page.customers.map((group) => (
            <CustomerGroup
              key={group.id}
              context={context}
              group={group}
              filters={filters}
              open={page.customers.length === 1}
              version={version}
            />
          ))}
        </div>
      )}
      <Pagination
        filters={filters}
        pageCount={page.pageCount}
        basePath={basePath}
        edges={
          scope.kind === "manufacturer" && filters.ordem === "cliente" && page.customers.length
            ? { first: page.customers[0]!.id, last: page.customers.at(-1)!.id }
            : undefined
        }
      />
    </div>
  );
}
