// The subscription list's filters as they live in the URL (shareable, back button works). One
// parser for the list page, the CSV export and anything else that selects subscriptions. Parsing
// never fails: a bad value is dropped and reported, so garbage in the URL can't break the page.
import { z } from "zod";
import { hasControlCharacters } from "./text";
import { BADGES, SITUATIONS, type Badge, type Situation } from "@/lib/domain/subscription-status";

export const SORTS = ["cliente", "vencimento", "trocas"] as const;
export type Sort = (typeof SORTS)[number];

export const PAGE_SIZES = [10, 25, 50, 100] as const;
export const DEFAULT_PAGE_SIZE = 25;
export const MAX_PAGE = 100_000;
/** Trigram search needs three characters to use its index; shorter terms are refused. */
export const MIN_SEARCH_LENGTH = 3;
export const MAX_SEARCH_LENGTH = 100;
export const MAX_PRODUCT_LENGTH = 120;

export type SubscriptionFilters = {
  cliente?: string;
  serie?: string;
  maquina?: string;
  status: Badge[];
  situacao: Situation[];
  produto?: string;
  expiraDe?: string;
  expiraAte?: string;
  trocas: boolean;
  ordem: Sort;
  pagina: number;
  porPagina: number;
  /**
   * Keyset cursors the pagination links carry next to `pagina`: the last customer of the page
   * before (`apos`) or the first of the page after (`antes`), so a deep page starts from there
   * instead of walking every customer before it. Only meaningful with `pagina` > 1.
   */
  apos?: string;
  antes?: string;
};

export type FilterField = keyof SubscriptionFilters;

/** Why a value was ignored: a key of the "filters.problems" message namespace. */
export type FilterProblem = {
  field: FilterField;
  problem: "tooShort" | "tooLong" | "invalid" | "invalidDate" | "dateOrder";
  /** The length limit a "tooLong" value passed. */
  max?: number;
};

export const DEFAULT_FILTERS: SubscriptionFilters = {
  status: [],
  situacao: [],
  trocas: false,
  ordem: "cliente",
  pagina: 1,
  porPagina: DEFAULT_PAGE_SIZE,
};

type RawParams = Record<string, string | string[] | undefined>;

/**
 * The characters a search really uses: customer and serial searches ignore punctuation (and
 * accents), so "!!!" or "--" would otherwise match everything.
 */
function searchableLength(field: "cliente" | "serie" | "maquina", value: string): number {
  if (field === "maquina") return value.length;
  return value
    .normalize("NFD")
    .replace(/[\u0300-\u036f]/g, "")
    .replace(/[^A-Za-z0-9]/g, "").length;
}

const UUID = /^[0-9a-f]{8}-[0-9a-f]{4}-[0-9a-f]{4}-[0-9a-f]{4}-[0-9a-f]{12}$/i;

const first = (value: string | string[] | undefined) => (Array.isArray(value) ? value[0] : value);
const all = (value: string | string[] | undefined) => (value === undefined ? [] : Array.isArray(value) ? value : [value]);

const isoDate = z.iso.date();

function validDate(value: string): boolean {
  if (!isoDate.safeParse(value).success) return false;
  const [year] = value.split("-").map(Number);
  return year! >= 1900 && year! <= 2999;
}

export function parseSubscriptionFilters(params: RawParams): { filters: SubscriptionFilters; problems: FilterProblem[] } {
  const filters: SubscriptionFilters = { ...DEFAULT_FILTERS, status: [], situacao: [] };
  const problems: FilterProblem[] = [];

  for (const field of ["cliente", "serie", "maquina"] as const) {
    const value = first(params[field])?.trim();
    if (!value) continue;
    if (hasControlCharacters(value)) problems.push({ field, problem: "invalid" });
    else if (value.length > MAX_SEARCH_LENGTH) problems.push({ field, problem: "tooLong", max: MAX_SEARCH_LENGTH });
    else if (searchableLength(field, value) < MIN_SEARCH_LENGTH) problems.push({ field, problem: "tooShort" });
    else filters[field] = value;
  }

  const produto = first(params.produto)?.trim();
  if (produto) {
    if (hasControlCharacters(produto)) problems.push({ field: "produto", problem: "invalid" });
    else if (produto.length > MAX_PRODUCT_LENGTH)
      problems.push({ field: "produto", problem: "tooLong", max: MAX_PRODUCT_LENGTH });
    else filters.produto = produto;
  }

  for (const value of new Set(all(params.status))) {
    if ((BADGES as readonly string[]).includes(value)) filters.status.push(value as Badge);
    else if (value) problems.push({ field: "status", problem: "invalid" });
  }
  for (const value of new Set(all(params.situacao))) {
    if ((SITUATIONS as readonly string[]).includes(value)) filters.situacao.push(value as Situation);
    else if (value) problems.push({ field: "situacao", problem: "invalid" });
  }

  for (const field of ["expiraDe", "expiraAte"] as const) {
    const value = first(params[field])?.trim();
    if (!value) continue;
    if (validDate(value)) filters[field] = value;
    else problems.push({ field, problem: "invalidDate" });
  }
  if (filters.expiraDe && filters.expiraAte && filters.expiraDe > filters.expiraAte) {
    problems.push({ field: "expiraAte", problem: "dateOrder" });
    delete filters.expiraAte;
  }

  const trocas = first(params.trocas);
  if (trocas === "1") filters.trocas = true;
  else if (trocas && trocas !== "0") problems.push({ field: "trocas", problem: "invalid" });

  const ordem = first(params.ordem);
  if ((SORTS as readonly string[]).includes(ordem ?? "")) filters.ordem = ordem as Sort;
  else if (ordem) problems.push({ field: "ordem", problem: "invalid" });

  const pagina = first(params.pagina);
  if (pagina) {
    const number = Number(pagina);
    if (/^\d{1,6}$/.test(pagina) && number >= 1 && number <= MAX_PAGE) filters.pagina = number;
    else problems.push({ field: "pagina", problem: "invalid" });
  }

  // A cursor only speeds a page up; a malformed one (never written by the portal) is ignored and
  // the page found by its number, so it needs no message of its own.
  for (const field of ["apos", "antes"] as const) {
    const value = first(params[field]);
    if (value && filters.pagina > 1 && UUID.test(value) && !filters.apos && !filters.antes) filters[field] = value.toLowerCase();
  }

  const porPagina = first(params.porPagina);
  if (porPagina) {
    const number = Number(porPagina);
    if ((PAGE_SIZES as readonly number[]).includes(number)) filters.porPagina = number;
    else problems.push({ field: "porPagina", problem: "invalid" });
  }

  return { filters, problems };
}

/** The URL query for these filters, leaving out defaults; `changes` override single fields. */
export function filtersToQuery(filters: SubscriptionFilters, changes: Partial<SubscriptionFilters> = {}): string {
  const merged = { ...filters, ...changes };
  const query = new URLSearchParams();
  for (const field of ["cliente", "serie", "maquina", "produto", "expiraDe", "expiraAte"] as const) {
    const value = merged[field];
    if (value) query.set(field, value);
  }
  for (const value of merged.status) query.append("status", value);
  for (const value of merged.situacao) query.append("situacao", value);
  if (merged.trocas) query.set("trocas", "1");
  if (merged.ordem !== DEFAULT_FILTERS.ordem) query.set("ordem", merged.ordem);
  if (merged.porPagina !== DEFAULT_FILTERS.porPagina) query.set("porPagina", String(merged.porPagina));
  if (merged.pagina !== 1) query.set("pagina", String(merged.pagina));
  if (merged.pagina !== 1 && merged.apos) query.set("apos", merged.apos);
  else if (merged.pagina !== 1 && merged.antes) query.set("antes", merged.antes);
  const text = query.toString();
  return text ? `?${text}` : "";
}

/** True when any filter that narrows the selection is set (sorting and paging don't count). */
export function hasActiveFilters(filters: SubscriptionFilters): boolean {
  return Boolean(
    filters.cliente ||
    filters.serie ||
    filters.maquina ||
    filters.produto ||
    filters.expiraDe ||
    filters.expiraAte ||
    filters.trocas ||
    filters.status.length ||
    filters.situacao.length,
  );
}
