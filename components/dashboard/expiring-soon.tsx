import Link from "next/link";
import { getTranslations } from "next-intl/server";
import { EXPIRY_HORIZONS, expiringFilters, type ExpiryHorizon } from "@/lib/data/dashboard-trends";
import { filtersToQuery } from "@/lib/validation/subscription-filters";

/** Active serials expiring in the next 30 / 60 / 90 days, each a link to the list with that filter. */
export async function ExpiringSoon({
  counts,
  today,
  listPath,
}: {
  counts: Record<ExpiryHorizon, number>;
  today: string;
  listPath: string;
}) {
  const t = await getTranslations("home.expiring");
  return (
    <section aria-labelledby="expiring-title" className="min-w-0 rounded-lg border border-slate-200 bg-white p-4 sm:p-6">
      <h2 id="expiring-title" className="text-lg font-semibold">
        {t("title")}
      </h2>
      <p className="mt-1 text-sm text-slate-700">{t("summary")}</p>
      <ul className="mt-4 grid gap-3 sm:grid-cols-3">
        {EXPIRY_HORIZONS.map((days) => (
          <li key={days}>
            <Link
              href={`${listPath}${filtersToQuery(expiringFilters(today, days), { ordem: "vencimento" })}`}
              className="block rounded-md border border-slate-200 px-4 py-3 hover:border-brand-600 hover:bg-slate-50"
            >
              <span className="block text-sm text-slate-700">{t("within", { days })}</span>
              <span className="block text-lg font-semibold tabular-nums text-brand-800">
                {t("serials", { count: counts[days] })}
              </span>
            </Link>
          </li>
        ))}
      </ul>
    </section>
  );
}
