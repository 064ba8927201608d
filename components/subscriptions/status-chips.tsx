import Link from "next/link";
import { getTranslations } from "next-intl/server";
import { BADGE_CLASSES } from "@/components/ui/status-badge";
import { badgeOf, BADGES, type Badge, type Situation } from "@/lib/domain/subscription-status";
import { filtersToQuery, type SubscriptionFilters } from "@/lib/validation/subscription-filters";
import { PRECISE_SITUATIONS } from "./filter-form";

/** Counts per status for the current filters; each chip selects that status (on both levels). */
export async function StatusChips({
  filters,
  chips,
  basePath,
}: {
  filters: SubscriptionFilters;
  chips: Record<Situation, number>;
  basePath: string;
}) {
  const t = await getTranslations("subscriptions.filters");
  const tc = await getTranslations("common");
  const total = Object.values(chips).reduce((sum, n) => sum + n, 0);
  const byBadge = (badge: Badge) =>
    (Object.keys(chips) as Situation[])
      .filter((situation) => badgeOf(situation) === badge)
      .reduce((sum, situation) => sum + chips[situation], 0);
  const href = (changes: Partial<SubscriptionFilters>) => `${basePath}${filtersToQuery(filters, { ...changes, pagina: 1 })}`;
  const noStatus = !filters.status.length && !filters.situacao.length;
  const chipClass =
    "inline-flex items-center gap-2 rounded-full px-3 py-1 text-sm ring-1 ring-inset hover:opacity-90 aria-[current=true]:ring-2 aria-[current=true]:ring-slate-900";
  const only = <T,>(list: T[], value: T) => list.length === 1 && list[0] === value;

  return (
    <nav aria-label={t("chipsLabel")} className="flex flex-wrap items-center gap-2">
      <Link
        href={href({ status: [], situacao: [] })}
        aria-current={noStatus ? "true" : undefined}
        className={`${chipClass} bg-white text-slate-800 ring-slate-300`}
      >
        {t("all")}
        <span className="font-semibold tabular-nums">{total}</span>
      </Link>
      {BADGES.map((badge) => (
        <Link
          key={badge}
          href={href({ status: [badge], situacao: [] })}
          aria-current={only(filters.status, badge) && !filters.situacao.length ? "true" : undefined}
          className={`${chipClass} ${BADGE_CLASSES[badge]}`}
        >
          {tc(`status.${badge}`)}
          <span className="font-semibold tabular-nums">{byBadge(badge)}</span>
        </Link>
      ))}
      <span aria-hidden className="mx-1 h-5 w-px bg-slate-300" />
      {PRECISE_SITUATIONS.map((situation) => (
        <Link
          key={situation}
          href={href({ status: [], situacao: [situation] })}
          aria-current={only(filters.situacao, situation) && !filters.status.length ? "true" : undefined}
          className={`${chipClass} bg-white text-slate-800 ring-slate-300`}
        >
          {situation === "EXPIRADA" ? t("situationExpired") : tc(`situation.${situation}`)}
          <span className="font-semibold tabular-nums">{chips[situation]}</span>
        </Link>
      ))}
    </nav>
  );
}
