// The Exportar link for the current list filters. Paging and sorting are left out: the export
// always has every page, ordered by customer and serial number.
import { DEFAULT_FILTERS, filtersToQuery, type SubscriptionFilters } from "@/lib/validation/subscription-filters";
import type { CsvDelimiter } from "@/lib/csv/csv-text";

export const EXPORT_PATHS = {
  manufacturer: "/api/fabricante/assinaturas/exportar",
  customer: "/api/minhas-assinaturas/exportar",
} as const;

export function exportHref(kind: keyof typeof EXPORT_PATHS, filters: SubscriptionFilters): string {
  const query = filtersToQuery(filters, { pagina: 1, ordem: DEFAULT_FILTERS.ordem, porPagina: DEFAULT_FILTERS.porPagina });
  return `${EXPORT_PATHS[kind]}${query}`;
}

/** The same export with another delimiter (";" is the default and needs no parameter). */
export function withDelimiter(href: string, delimiter: CsvDelimiter): string {
  if (delimiter === ";") return href;
  return `${href}${href.includes("?") ? "&" : "?"}delimitador=${encodeURIComponent(delimiter)}`;
}
