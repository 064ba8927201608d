import Link from "next/link";
import { getTranslations } from "next-intl/server";
import { PROFILES } from "@/lib/domain/permissions";
import type { TeamFilters as Filters } from "@/lib/validation/team";

/** Name/e-mail and profile filters, in the URL (a plain GET form). */
export async function TeamFilters({ filters }: { filters: Filters }) {
  const t = await getTranslations("team.filters");
  const tp = await getTranslations("common.profile");
  const input =
    "mt-1 block w-full rounded-md border border-slate-300 px-3 py-2 text-sm shadow-sm focus:border-brand-600 focus:outline-none focus:ring-2 focus:ring-brand-600/30";
  return (
    <form role="search" aria-label={t("label")} method="get" action="/equipe" className="flex flex-wrap items-end gap-3">
      <div className="w-full sm:w-64">
        <label htmlFor="team-q" className="block text-sm font-medium text-slate-700">
          {t("q")}
        </label>
        <input id="team-q" name="q" type="search" defaultValue={filters.q ?? ""} maxLength={100} className={input} />
      </div>
      <div className="w-full sm:w-48">
        <label htmlFor="team-perfil" className="block text-sm font-medium text-slate-700">
          {t("perfil")}
        </label>
        <select id="team-perfil" name="perfil" defaultValue={filters.perfil ?? ""} className={input}>
          <option value="">{t("anyProfile")}</option>
          {PROFILES.map((profile) => (
            <option key={profile} value={profile}>
              {tp(profile)}
            </option>
          ))}
        </select>
      </div>
      <button type="submit" className="rounded-md bg-brand-700 px-4 py-2 text-sm font-semibold text-white hover:bg-brand-800">
        {t("apply")}
      </button>
      {(filters.q || filters.perfil) && (
        <Link href="/equipe" className="px-2 py-2 text-sm text-brand-700 underline">
          {t("clear")}
        </Link>
      )}
    </form>
  );
}
