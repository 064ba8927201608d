import type { Metadata } from "next";
import { getTranslations } from "next-intl/server";
import { ExportButton } from "@/components/export/export-button";
import { HistoryFilterForm } from "@/components/history/history-filter-form";
import { HistoryPagination } from "@/components/history/history-pagination";
import { HistoryTable } from "@/components/history/history-table";
import { listPathFor } from "@/components/subscriptions/customer-serials";
import { FilterProblems } from "@/components/subscriptions/filter-problems";
import { getCurrentContext } from "@/lib/auth/context";
import { requirePagePermission } from "@/lib/auth/require-page-permission";
import { hasPermission } from "@/lib/auth/require-permission";
import { historyPeople, listAccountHistory } from "@/lib/data/account-history";
import { scopeForAccount } from "@/lib/data/subscription-scope";
import {
  hasActiveHistoryFilters,
  historyFiltersToQuery,
  parseHistoryFilters,
  withoutPaging,
} from "@/lib/validation/history-filters";

export async function generateMetadata(): Promise<Metadata> {
  const t = await getTranslations("history");
  return { title: t("title") };
}

export default async function AccountHistoryPage({
  searchParams,
}: {
  searchParams: Promise<Record<string, string | string[] | undefined>>;
}) {
  const context = await getCurrentContext();
  requirePagePermission(context, "history.view");
  const { filters, problems } = parseHistoryFilters(await searchParams);
  const scope = scopeForAccount(context.account);
  // A lojista never filters by the manufacturer's people.
  if (scope.kind !== "manufacturer" && filters.quem && "userId" in filters.quem) {
    problems.push({ field: "quem", problem: "invalid" });
    delete filters.quem;
  }
  const t = await getTranslations("history");
  const [page, people] = await Promise.all([listAccountHistory(scope, filters), historyPeople(scope)]);
  const listPath = listPathFor(context);
  return (
    <div className="space-y-6">
      <div>
        <h1 className="text-2xl font-semibold">{t("title")}</h1>
        <p className="mt-1 max-w-3xl text-slate-700">
          {scope.kind === "manufacturer"
            ? t("intro", { account: context.account.name })
            : t("ownIntro", { account: context.account.name })}
        </p>
      </div>
      <HistoryFilterForm filters={filters} people={people} basePath="/historico" />
      <FilterProblems problems={problems} namespace="history.filters" />
      {hasPermission(context, "history.export") && (
        <div className="flex justify-end">
          <ExportButton
            href={`/api/historico/exportar${historyFiltersToQuery(withoutPaging(filters))}`}
            hint={t("export.hint")}
          />
        </div>
      )}
      {page.events.length === 0 ? (
        <p className="rounded-lg border border-dashed border-slate-300 bg-white p-8 text-center text-slate-700">
          {hasActiveHistoryFilters(filters) ? t("emptyFiltered") : t("empty")}
        </p>
      ) : (
        <div className="rounded-lg border border-slate-200 bg-white max-md:border-0 max-md:bg-transparent">
          <HistoryTable events={page.events} serialHref={(serial) => `${listPath}/${encodeURIComponent(serial)}`} />
        </div>
      )}
      <HistoryPagination filters={filters} page={page} basePath="/historico" />
    </div>
  );
}
