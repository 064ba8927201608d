import type { Metadata } from "next";
import { getFormatter, getTranslations } from "next-intl/server";
import { ExpiringSoon } from "@/components/dashboard/expiring-soon";
import { ProductsChart } from "@/components/dashboard/products-chart";
import { StatusOverview } from "@/components/dashboard/status-overview";
import { SwapsChart, TRANSITION_TYPES, TransitionsChart } from "@/components/dashboard/weekly-charts";
import { listPathFor } from "@/components/subscriptions/customer-serials";
import { getCurrentContext } from "@/lib/auth/context";
import { requirePagePermission } from "@/lib/auth/require-page-permission";
import { dashboardNumbers } from "@/lib/data/dashboard";
import { activeByProduct, eventsPerDay, expiringCounts, topSwapCustomers } from "@/lib/data/dashboard-trends";
import { scopeForAccount } from "@/lib/data/subscription-scope";
import { lastWeeks, sumByWeek } from "@/lib/domain/dashboard-weeks";
import { isoDateInSaoPaulo } from "@/lib/format";

export async function generateMetadata(): Promise<Metadata> {
  const t = await getTranslations("home");
  return { title: t("title") };
}

/** The dashboard: the current account's serials now, and how they moved in the last weeks. */
export default async function HomePage() {
  const context = await getCurrentContext();
  requirePagePermission(context, "dashboard.view");
  const t = await getTranslations("home");
  const format = await getFormatter();
  const isManufacturer = context.account.kind === "FABRICANTE";
  const scope = scopeForAccount(context.account);
  const now = new Date();
  const today = isoDateInSaoPaulo(now);
  const weeks = lastWeeks(today);
  const listPath = listPathFor(context);
  const [numbers, expiring, days, top, products] = await Promise.all([
    dashboardNumbers(scope, now),
    expiringCounts(scope, today, now),
    eventsPerDay(scope, weeks[0]!, [...TRANSITION_TYPES, "SWAPPED"]),
    topSwapCustomers(scope, now),
    activeByProduct(scope, now),
  ]);
  const perWeek = sumByWeek(days, weeks, [...TRANSITION_TYPES, "SWAPPED"] as const);

  return (
    <div className="space-y-6">
      <div>
        <h1 className="text-2xl font-semibold">{t("greeting", { name: context.user.name })}</h1>
        <p className="mt-1 text-slate-700">
          {isManufacturer
            ? t("manufacturerIntro", { account: context.account.name })
            : t("ownIntro", { account: context.account.name })}
        </p>
      </div>

      {numbers.total === 0 ? (
        <p className="rounded-lg border border-slate-200 bg-white p-6 text-slate-700">{t("empty")}</p>
      ) : (
        <>
          <dl className="grid gap-4 sm:grid-cols-3">
            <Stat label={t("total")} value={format.number(numbers.total)} />
            <Stat label={isManufacturer ? t("customers") : t("manufacturers")} value={format.number(numbers.counterparts)} />
            <Stat label={t("recentSwaps")} value={format.number(numbers.recentSwaps)} />
          </dl>
          <div className="grid grid-cols-1 gap-6 lg:grid-cols-2">
            <StatusOverview numbers={numbers} listPath={listPath} />
            <div className="min-w-0 space-y-6">
              <ExpiringSoon counts={expiring} today={today} listPath={listPath} />
              <ProductsChart products={products} />
            </div>
          </div>
          <div className="grid grid-cols-1 gap-6 lg:grid-cols-2">
            <TransitionsChart weeks={weeks} counts={perWeek} />
            <SwapsChart weeks={weeks} swaps={perWeek.SWAPPED} top={top} listPath={listPath} />
          </div>
        </>
      )}
    </div>
  );
}

function Stat({ label, value }: { label: string; value: string }) {
  return (
    <div className="rounded-lg border border-slate-200 bg-white p-5">
      <dt className="text-sm text-slate-600">{label}</dt>
      <dd className="mt-1 text-3xl font-semibold tabular-nums">{value}</dd>
    </div>
  );
}
