import type { Metadata } from "next";
import { getTranslations } from "next-intl/server";
import { StatusBadge } from "@/components/ui/status-badge";
import { getCurrentContext } from "@/lib/auth/context";
import { requirePagePermission } from "@/lib/auth/require-page-permission";
import { dashboardNumbers } from "@/lib/data/dashboard";
import { BADGES, SITUATIONS, type Badge, type Situation } from "@/lib/domain/subscription-status";

export async function generateMetadata(): Promise<Metadata> {
  const t = await getTranslations("home");
  return { title: t("title") };
}

const BADGE_OF: Record<Situation, Badge> = {
  ATIVA: "ATIVA",
  TOLERANCIA: "TOLERANCIA",
  EXPIRADA: "EXPIRADA",
  PENDENTE: "EXPIRADA",
  SUSPENSA: "EXPIRADA",
  CANCELADA: "EXPIRADA",
};

export default async function HomePage() {
  const context = await getCurrentContext();
  requirePagePermission(context, "dashboard.view");
  const t = await getTranslations("home");
  const tc = await getTranslations("common");
  const isManufacturer = context.account.kind === "FABRICANTE";
  const numbers = await dashboardNumbers(context.account.id, isManufacturer ? "manufacturer" : "customer");
  const byBadge = (badge: Badge) =>
    SITUATIONS.filter((situation) => BADGE_OF[situation] === badge).reduce(
      (total, situation) => total + numbers.bySituation[situation],
      0,
    );

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
            <Stat label={t("total")} value={numbers.total} />
            <Stat label={t("customers")} value={numbers.customers} />
            <Stat label={t("recentSwaps")} value={numbers.recentSwaps} />
          </dl>

          <section aria-labelledby="by-status" className="rounded-lg border border-slate-200 bg-white p-6">
            <h2 id="by-status" className="text-lg font-semibold">
              {t("byStatus")}
            </h2>
            <ul className="mt-4 grid gap-3 sm:grid-cols-3">
              {BADGES.map((badge) => (
                <li key={badge} className="flex items-center justify-between rounded-md border border-slate-100 px-4 py-3">
                  <StatusBadge badge={badge} />
                  <span className="text-xl font-semibold tabular-nums">{byBadge(badge)}</span>
                </li>
              ))}
            </ul>
            <h3 className="mt-6 text-sm font-semibold text-slate-700">{t("bySituation")}</h3>
            <ul className="mt-2 grid gap-2 sm:grid-cols-3">
              {SITUATIONS.map((situation) => (
                <li key={situation} className="flex items-center justify-between rounded-md bg-slate-50 px-4 py-2 text-sm">
                  <span>{situation === "TOLERANCIA" ? tc("status.TOLERANCIA") : tc(`situation.${situation}`)}</span>
                  <span className="font-semibold tabular-nums">{numbers.bySituation[situation]}</span>
                </li>
              ))}
            </ul>
          </section>
        </>
      )}
    </div>
  );
}

function Stat({ label, value }: { label: string; value: number }) {
  return (
    <div className="rounded-lg border border-slate-200 bg-white p-5">
      <dt className="text-sm text-slate-600">{label}</dt>
      <dd className="mt-1 text-3xl font-semibold tabular-nums">{value}</dd>
    </div>
  );
}
