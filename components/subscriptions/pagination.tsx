import Link from "next/link";
import { getTranslations } from "next-intl/server";
import { filtersToQuery, type SubscriptionFilters } from "@/lib/validation/subscription-filters";

export async function Pagination({
  filters,
  pageCount,
  basePath,
  edges,
}: {
  filters: SubscriptionFilters;
  pageCount: number;
  basePath: string;
  /** The first and last customer of this page, when the list pages by keyset (see subscription-list-keyset.ts). */
  edges?: { first: string; last: string };
}) {
  const t = await getTranslations("subscriptions.pagination");
  if (pageCount <= 1) return null;
  const page = Math.min(filters.pagina, pageCount);
  const href = (target: number) => {
    const cursor = !edges ? {} : target > page ? { apos: edges.last } : { antes: edges.first };
    return `${basePath}${filtersToQuery(filters, { pagina: target, apos: undefined, antes: undefined, ...cursor })}`;
  };
  const linkClass = "rounded-md border border-slate-300 bg-white px-3 py-1.5 text-sm font-medium hover:bg-slate-50";
  return (
    <nav aria-label={t("label")} className="flex items-center justify-between gap-4">
      {page > 1 ? (
        <Link href={href(page - 1)} rel="prev" className={linkClass}>
          {t("previous")}
        </Link>
      ) : (
        <span />
      )}
      <span className="text-sm text-slate-700">{t("page", { page, pages: pageCount })}</span>
      {page < pageCount ? (
        <Link href={href(page + 1)} rel="next" className={linkClass}>
          {t("next")}
        </Link>
      ) : (
        <span />
      )}
    </nav>
  );
}
