import Link from "next/link";
import { getTranslations } from "next-intl/server";
import { ACTOR_KINDS, HISTORY_EVENT_TYPES, HISTORY_PAGE_SIZES, type HistoryFilters } from "@/lib/validation/history-filters";

const inputClass =
  "mt-1 block w-full rounded-md border border-slate-300 bg-white px-3 py-2 text-sm shadow-sm focus:border-brand-600 focus:outline-none focus:ring-2 focus:ring-brand-600/30";
const labelClass = "block text-sm font-medium text-slate-700";

/** Histórico da conta's filters: a plain GET form, so they live in the URL (shareable, back button). */
export async function HistoryFilterForm({
  filters,
  people,
  basePath,
}: {
  filters: HistoryFilters;
  /** The account's people, for "Quem" (empty for a lojista, who never sees them). */
  people: { id: string; name: string }[];
  basePath: string;
}) {
  const t = await getTranslations("history");
  const ts = await getTranslations("subscriptions.history.type");
  const who = filters.quem ? ("kind" in filters.quem ? filters.quem.kind : filters.quem.userId) : "";
  return (
    <form
      method="get"
      action={basePath}
      role="search"
      aria-label={t("filters.heading")}
      className="rounded-lg border border-slate-200 bg-white p-4"
    >
      <div className="grid gap-4 md:grid-cols-3">
        <div>
          <label htmlFor="h-quem" className={labelClass}>
            {t("filters.quem")}
          </label>
          <select id="h-quem" name="quem" defaultValue={who} className={inputClass}>
            <option value="">{t("filters.anyone")}</option>
            <optgroup label={t("filters.kinds")}>
              {ACTOR_KINDS.map((kind) => (
                <option key={kind} value={kind}>
                  {t(`actorKind.${kind}`)}
                </option>
              ))}
            </optgroup>
            {people.length > 0 && (
              <optgroup label={t("filters.people")}>
                {people.map((person) => (
                  <option key={person.id} value={person.id}>
                    {person.name}
                  </option>
                ))}
              </optgroup>
            )}
          </select>
        </div>
        <div>
          <label htmlFor="h-cliente" className={labelClass}>
            {t("filters.cliente")}
          </label>
          <input
            id="h-cliente"
            name="cliente"
            type="search"
            defaultValue={filters.cliente ?? ""}
            maxLength={100}
            className={inputClass}
          />
        </div>
        <div>
          <label htmlFor="h-serie" className={labelClass}>
            {t("filters.serie")}
          </label>
          <input
            id="h-serie"
            name="serie"
            type="search"
            defaultValue={filters.serie ?? ""}
            maxLength={100}
            className={inputClass}
          />
        </div>
        <div className="grid grid-cols-2 gap-2">
          <div>
            <label htmlFor="h-de" className={labelClass}>
              {t("filters.de")}
            </label>
            <input id="h-de" name="de" type="date" defaultValue={filters.de ?? ""} className={inputClass} />
          </div>
          <div>
            <label htmlFor="h-ate" className={labelClass}>
              {t("filters.ate")}
            </label>
            <input id="h-ate" name="ate" type="date" defaultValue={filters.ate ?? ""} className={inputClass} />
          </div>
        </div>
        <div>
          <label htmlFor="h-porPagina" className={labelClass}>
            {t("filters.porPagina")}
          </label>
          <select id="h-porPagina" name="porPagina" defaultValue={String(filters.porPagina)} className={inputClass}>
            {HISTORY_PAGE_SIZES.map((size) => (
              <option key={size} value={size}>
                {size}
              </option>
            ))}
          </select>
        </div>
      </div>
      <fieldset className="mt-4">
        <legend className={labelClass}>{t("filters.acao")}</legend>
        <div className="mt-1 flex flex-wrap gap-x-4 gap-y-1">
          {HISTORY_EVENT_TYPES.map((type) => (
            <label key={type} className="inline-flex items-center gap-2 text-sm">
              <input type="checkbox" name="acao" value={type} defaultChecked={filters.acao.includes(type)} />
              {ts(type)}
            </label>
          ))}
        </div>
      </fieldset>
      <div className="mt-4 flex flex-wrap items-center justify-end gap-3">
        <Link href={basePath} className="text-sm font-medium text-brand-700 underline-offset-2 hover:underline">
          {t("filters.clear")}
        </Link>
        <button type="submit" className="rounded-md bg-brand-700 px-4 py-2 text-sm font-semibold text-white hover:bg-brand-800">
          {t("filters.submit")}
        </button>
      </div>
    </form>
  );
}
