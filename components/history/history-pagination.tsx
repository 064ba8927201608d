import Link from "next/link";
import { getTranslations } from "next-intl/server";
import type { HistoryPage } from "@/lib/data/account-history";
import { historyFiltersToQuery, type HistoryFilters } from "@/lib/validation/history-filters";

/** Keyset paging: newer and older pages, and back to the newest. */
export async function HistoryPagination({
  filters,
  page,
  basePath,
}: {
  filters: HistoryFilters;
  page: HistoryPage;
  basePath: string;
}) {
  const t = await getTranslations("history.pagination");
  if (!page.newerCursor && !page.olderCursor) return null;
  const href = (changes: Partial<HistoryFilters>) =>
    `${basePath}${historyFiltersToQuery(filters, { antes: undefined, depois: undefined, ...changes })}`;
  const linkClass = "rounded-md border border-slate-300 bg-white px-3 py-1.5 text-sm font-medium hover:bg-slate-50";
  return (
    <nav aria-label={t("label")} className="flex flex-wrap items-center justify-between gap-3">
      <div className="flex gap-2">
        {page.newerCursor && (
          <>
            <Link href={href({})} className={linkClass}>
              {t("first")}
            </Link>
            <Link href={href({ depois: page.newerCursor })} rel="prev" className={linkClass}>
              {t("newer")}
            </Link>
          </>
        )}
      </div>
      {page.olderCursor && (
        <Link href={href({ antes: page.olderCursor })} rel="next" className={linkClass}>
          {t("older")}
        </Link>
      )}
    </nav>
  );
}
