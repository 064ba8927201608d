import type { Metadata } from "next";
import Link from "next/link";
import { getFormatter, getTranslations } from "next-intl/server";
import { StatusBadge } from "@/components/ui/status-badge";
import { getCurrentContext } from "@/lib/auth/context";
import { requirePagePermission } from "@/lib/auth/require-page-permission";
import { hasPermission } from "@/lib/auth/require-permission";
import { dashboardNumbers } from "@/lib/data/dashboard";
import { scopeForAccount } from "@/lib/data/subscription-scope";
import { BADGES, SITUATIONS_OF_BADGE, type Badge, type Situation } from "@/lib/domain/subscription-status";

export async function generateMetadata(): Promise<Metadata> {
  const t = await getTranslations("home");
  return { title: t("title") };
}

export default async function HomePage() {
  const context = await getCurrentContext();
  requirePagePermission(context, "dashboard.view");
  const t = await getTranslations("home");
  const tc = await getTranslations("common");
  const format = await getFormatter();
  const isManufacturer = context.account.kind === "FABRICANTE";
  const numbers = await dashboardNumbers(scopeForAccount(context.account));
  const listHref = hasPermission(context, "subscriptions.view") ? "/fabricante/assinaturas" : "/minhas-assinaturas";
  const count = (situations: readonly Situation[]) =>
    situations.reduce((total, situation) => total + numbers.bySituation[situation], 0);
  const statusParam = (badge: Badge) => `${listHref}?status=${badge}`;

  return (
    <div className="space-y-8">
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

          <section aria-labelledby="by-status" className="rounded-lg border border-slate-200 bg-white p-6">
            <div className="flex flex-wrap items-baseline justify-between gap-2">
              <h2 id="by-status" className="text-lg font-semibold">
                {t("byStatus")}
              </h2>
              <Link href={listHref} className="text-sm font-medium text-brand-700 underline-offset-2 hover:underline">
                {t("openList")}
              </Link>
            </div>
            <ul className="mt-4 grid gap-3 sm:grid-cols-3">
              {BADGES.map((badge) => (
                <li key={badge} className="rounded-md border border-slate-100 px-4 py-3">
                  <Link href={statusParam(badge)} className="flex items-center justify-between hover:opacity-80">
                    <StatusBadge badge={badge} />
                    <span className="text-xl font-semibold tabular-nums">{format.number(count(SITUATIONS_OF_BADGE[badge]))}</span>
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
          </section>
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
