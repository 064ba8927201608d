import Link from "next/link";
import { getTranslations } from "next-intl/server";
import { FilterPanel } from "@/components/ui/filter-panel";
import { BADGES } from "@/lib/domain/subscription-status";
import { DEFAULT_FILTERS, PAGE_SIZES, SORTS, type SubscriptionFilters } from "@/lib/validation/subscription-filters";

/** The situations behind the red Expirada badge: the second level of the status filter. */
export const PRECISE_SITUATIONS = ["PENDENTE", "SUSPENSA", "CANCELADA", "EXPIRADA"] as const;

const inputClass =
  "mt-1 block w-full rounded-md border border-slate-300 bg-white px-3 py-2 text-sm shadow-sm focus:border-brand-600 focus:outline-none focus:ring-2 focus:ring-brand-600/30";
const labelClass = "block text-sm font-medium text-slate-700";

/** How many of the filters narrow the selection, for the phone's folded "Filtros" button. */
function activeFilterCount(filters: SubscriptionFilters): number {
  const texts = [filters.cliente, filters.serie, filters.maquina, filters.produto, filters.expiraDe, filters.expiraAte];
  return texts.filter(Boolean).length + filters.status.length + filters.situacao.length + (filters.trocas ? 1 : 0);
}

/**
 * The list's filters, in the URL (shareable, the back button works; empty fields are left out).
 * `showCustomer` is off in Minhas assinaturas, where every serial is the account's own.
 */
export async function FilterForm({
  filters,
  products,
  basePath,
  showCustomer = true,
}: {
  filters: SubscriptionFilters;
  products: string[];
  basePath: string;
  showCustomer?: boolean;
}) {
  const t = await getTranslations("subscriptions.filters");
  const tc = await getTranslations("common");
  const active = activeFilterCount(filters);
  return (
    <FilterPanel
      action={basePath}
      label={t("heading")}
      toggleLabel={t("heading")}
      activeSummary={active ? t("activeCount", { count: active }) : undefined}
    >
      <div className="grid gap-4 md:grid-cols-3">
        {showCustomer && (
          <div>
            <label htmlFor="f-cliente" className={labelClass}>
              {t("cliente")}
            </label>
            <input
              id="f-cliente"
              name="cliente"
              type="search"
              defaultValue={filters.cliente ?? ""}
              maxLength={100}
              className={inputClass}
            />
          </div>
        )}
        <div>
          <label htmlFor="f-serie" className={labelClass}>
            {t("serie")}
          </label>
          <input
            id="f-serie"
            name="serie"
            type="search"
            defaultValue={filters.serie ?? ""}
            maxLength={100}
            className={inputClass}
          />
        </div>
        <div>
          <label htmlFor="f-maquina" className={labelClass}>
            {t("maquina")}
          </label>
          <input
            id="f-maquina"
            name="maquina"
            type="search"
            defaultValue={filters.maquina ?? ""}
            maxLength={100}
            className={inputClass}
          />
        </div>
        <div>
          <label htmlFor="f-produto" className={labelClass}>
            {t("produto")}
          </label>
          <select id="f-produto" name="produto" defaultValue={filters.produto ?? ""} className={inputClass}>
            <option value="">{t("allProducts")}</option>
            {products.map((product) => (
              <option key={product} value={product}>
                {product}
              </option>
            ))}
          </select>
        </div>
        <div className="grid grid-cols-2 gap-2">
          <div>
            <label htmlFor="f-expiraDe" className={labelClass}>
              {t("expiraDe")}
            </label>
            <input id="f-expiraDe" name="expiraDe" type="date" defaultValue={filters.expiraDe ?? ""} className={inputClass} />
          </div>
          <div>
            <label htmlFor="f-expiraAte" className={labelClass}>
              {t("expiraAte")}
            </label>
            <input id="f-expiraAte" name="expiraAte" type="date" defaultValue={filters.expiraAte ?? ""} className={inputClass} />
          </div>
        </div>
        <div className="grid grid-cols-2 gap-2">
          <div>
            <label htmlFor="f-ordem" className={labelClass}>
              {t("ordem")}
            </label>
            <select
              id="f-ordem"
              name="ordem"
              defaultValue={filters.ordem}
              data-default={DEFAULT_FILTERS.ordem}
              className={inputClass}
            >
              {SORTS.map((sort) => (
                <option key={sort} value={sort}>
                  {t(`ordem${sort}`)}
                </option>
              ))}
            </select>
          </div>
          <div>
            <label htmlFor="f-porPagina" className={labelClass}>
              {t("porPagina")}
            </label>
            <select
              id="f-porPagina"
              name="porPagina"
              defaultValue={String(filters.porPagina)}
              data-default={String(DEFAULT_FILTERS.porPagina)}
              className={inputClass}
            >
              {PAGE_SIZES.map((size) => (
                <option key={size} value={size}>
                  {size}
                </option>
              ))}
            </select>
          </div>
        </div>
      </div>
      <div className="mt-4 grid gap-4 md:grid-cols-2">
        <fieldset>
          <legend className={labelClass}>{t("status")}</legend>
          <div className="mt-1 flex flex-wrap gap-x-4 gap-y-1">
            {BADGES.map((badge) => (
              <label key={badge} className="inline-flex items-center gap-2 text-sm">
                <input type="checkbox" name="status" value={badge} defaultChecked={filters.status.includes(badge)} />
                {tc(`status.${badge}`)}
              </label>
            ))}
          </div>
        </fieldset>
        <fieldset>
          <legend className={labelClass}>{t("situacao")}</legend>
          <div className="mt-1 flex flex-wrap gap-x-4 gap-y-1">
            {PRECISE_SITUATIONS.map((situation) => (
              <label key={situation} className="inline-flex items-center gap-2 text-sm">
                <input type="checkbox" name="situacao" value={situation} defaultChecked={filters.situacao.includes(situation)} />
                {situation === "EXPIRADA" ? t("situationExpired") : tc(`situation.${situation}`)}
              </label>
            ))}
          </div>
        </fieldset>
      </div>
      <div className="mt-4 flex flex-wrap items-center justify-between gap-3">
        <label className="inline-flex items-center gap-2 text-sm">
          <input type="checkbox" name="trocas" value="1" defaultChecked={filters.trocas} />
          {t("trocas")}
        </label>
        <div className="flex items-center gap-3">
          <Link href={basePath} className="text-sm font-medium text-brand-700 underline-offset-2 hover:underline">
            {t("clear")}
          </Link>
          <button type="submit" className="rounded-md bg-brand-700 px-4 py-2 text-sm font-semibold text-white hover:bg-brand-800">
            {t("submit")}
          </button>
        </div>
      </div>
    </FilterPanel>
  );
}
