import Link from "next/link";
import { getFormatter, getLocale, getTranslations } from "next-intl/server";
import { ChartFigure } from "@/components/charts/chart-figure";
import { ColumnChart } from "@/components/charts/column-chart";
import type { SwapCustomer } from "@/lib/data/dashboard-trends";
import { formatDocument } from "@/lib/domain/documents";

export const TRANSITION_TYPES = ["SUSPENDED", "CANCELLED", "RELEASED", "RENEWED"] as const;
export type TransitionType = (typeof TRANSITION_TYPES)[number];

const COLORS: Record<TransitionType, string> = {
  SUSPENDED: "#b45309",
  CANCELLED: "#b91c1c",
  RELEASED: "#15803d",
  RENEWED: "#1d4ed8",
};

/** "07/12" in pt-BR, "7 Dec" in English: a week's first day. */
async function weekLabels(weeks: string[]): Promise<string[]> {
  const locale = await getLocale();
  const format = new Intl.DateTimeFormat(locale, {
    timeZone: "UTC",
    day: locale === "pt-BR" ? "2-digit" : "numeric",
    month: locale === "pt-BR" ? "2-digit" : "short",
  });
  return weeks.map((week) => format.format(new Date(`${week}T00:00:00Z`)));
}

const sum = (values: readonly number[]) => values.reduce((total, value) => total + value, 0);

/** Suspensions, cancellations, releases and renewals per week over the last 12 weeks. */
export async function TransitionsChart({ weeks, counts }: { weeks: string[]; counts: Record<TransitionType, number[]> }) {
  const t = await getTranslations("home.transitions");
  const format = await getFormatter();
  const number = (value: number) => format.number(value);
  return (
    <ChartFigure
      id="transitions"
      title={t("title")}
      summary={t("summary", {
        suspended: number(sum(counts.SUSPENDED)),
        cancelled: number(sum(counts.CANCELLED)),
        released: number(sum(counts.RELEASED)),
        renewed: number(sum(counts.RENEWED)),
        thisWeek: number(counts.SUSPENDED.at(-1) ?? 0),
      })}
    >
      <ColumnChart
        categories={await weekLabels(weeks)}
        series={TRANSITION_TYPES.map((type) => ({ key: type, label: t(type), values: counts[type], color: COLORS[type] }))}
        formatNumber={number}
        caption={t("caption")}
        categoryHeader={t("week")}
      />
    </ChartFigure>
  );
}

/** Computer changes per week, and the customers with most changes in 30 days (links to the list). */
export async function SwapsChart({
  weeks,
  swaps,
  top,
  listPath,
}: {
  weeks: string[];
  swaps: number[];
  top: SwapCustomer[];
  listPath: string;
}) {
  const t = await getTranslations("home.swaps");
  const tw = await getTranslations("home.transitions");
  const format = await getFormatter();
  const number = (value: number) => format.number(value);
  return (
    <ChartFigure
      id="swaps"
      title={t("title")}
      summary={t("summary", { total: number(sum(swaps)), thisWeek: number(swaps.at(-1) ?? 0) })}
      footer={
        <div className="mt-6">
          <h3 className="font-semibold">{t("topTitle")}</h3>
          {top.length === 0 ? (
            <p className="mt-2 text-sm text-slate-700">{t("topEmpty")}</p>
          ) : (
            <ol className="mt-2 divide-y divide-slate-100 text-sm">
              {top.map((customer) => (
                <li key={customer.id} className="flex flex-wrap items-baseline justify-between gap-x-4 gap-y-1 py-2">
                  <Link
                    href={`${listPath}?cliente=${customer.document}&trocas=1`}
                    className="font-medium text-brand-700 underline-offset-2 hover:underline"
                  >
                    {customer.name}
                    <span className="ml-2 text-xs font-normal text-slate-600">{formatDocument(customer.document)}</span>
                  </Link>
                  <span className="tabular-nums text-slate-800">{t("topItem", { count: customer.swaps })}</span>
                </li>
              ))}
            </ol>
          )}
        </div>
      }
    >
      <ColumnChart
        categories={await weekLabels(weeks)}
        series={[{ key: "SWAPPED", label: t("series"), values: swaps, color: "#0f766e" }]}
        formatNumber={number}
        caption={t("caption")}
        categoryHeader={tw("week")}
      />
    </ChartFigure>
  );
}
