import Link from "next/link";
import { getFormatter, getTranslations } from "next-intl/server";
import { ChartFigure } from "@/components/charts/chart-figure";
import { HorizontalBarChart } from "@/components/charts/horizontal-bar-chart";
import { StatusBadge } from "@/components/ui/status-badge";
import type { DashboardNumbers } from "@/lib/data/dashboard";
import { BADGES, SITUATIONS_OF_BADGE, type Badge, type Situation } from "@/lib/domain/subscription-status";

const BADGE_COLORS: Record<Badge, string> = { ATIVA: "#15803d", TOLERANCIA: "#b45309", EXPIRADA: "#b91c1c" };

/** Serials by status now: a chart of the three badges, and a link to each in the list. */
export async function StatusOverview({ numbers, listPath }: { numbers: DashboardNumbers; listPath: string }) {
  const t = await getTranslations("home");
  const tc = await getTranslations("common");
  const format = await getFormatter();
  const count = (situations: readonly Situation[]) =>
    situations.reduce((total, situation) => total + numbers.bySituation[situation], 0);
  const byBadge = Object.fromEntries(BADGES.map((badge) => [badge, count(SITUATIONS_OF_BADGE[badge])])) as Record<Badge, number>;
  return (
    <ChartFigure
      id="by-status"
      title={t("statusChart.title")}
      summary={t("statusChart.summary", {
        active: byBadge.ATIVA,
        tolerance: byBadge.TOLERANCIA,
        expired: byBadge.EXPIRADA,
      })}
      footer={
        <>
          <ul className="mt-4 grid gap-3 sm:grid-cols-3">
            {BADGES.map((badge) => (
              <li key={badge} className="rounded-md border border-slate-100 px-4 py-3">
                <Link
                  href={`${listPath}?status=${badge}`}
                  className="flex flex-wrap items-center justify-between gap-x-2 gap-y-1 hover:opacity-80"
                >
                  <StatusBadge badge={badge} />
                  <span className="text-xl font-semibold tabular-nums">{format.number(byBadge[badge])}</span>
                </Link>
                {badge === "EXPIRADA" && (
                  <ul className="mt-3 space-y-1 text-sm text-slate-700">
                    {SITUATIONS_OF_BADGE.EXPIRADA.map((situation) => (
                      <li key={situation} className="flex justify-between">
                        <span>{situation === "EXPIRADA" ? t("lapsed") : tc(`situation.${situation}`)}</span>
                        <span className="tabular-nums">{format.number(numbers.bySituation[situation])}</span>
                      </li>
                    ))}
                  </ul>
                )}
              </li>
            ))}
          </ul>
          <Link
            href={listPath}
            className="mt-4 inline-block text-sm font-medium text-brand-700 underline-offset-2 hover:underline"
          >
            {t("openList")}
          </Link>
        </>
      }
    >
      <HorizontalBarChart
        items={BADGES.map((badge) => ({
          key: badge,
          label: tc(`status.${badge}`),
          value: byBadge[badge],
          color: BADGE_COLORS[badge],
        }))}
        formatNumber={(value) => format.number(value)}
        caption={t("statusChart.caption")}
        headers={[t("statusChart.status"), t("statusChart.count")]}
      />
    </ChartFigure>
  );
}
