// Histórico da conta's filters as they live in the URL: action types, who acted, customer, serial,
// a date range (São Paulo days) and the keyset cursor. Parsed like the subscription list's
// filters: a bad value is dropped and reported, never an error, so garbage in the URL can't break
// the page or the export.
import { z } from "zod";
import { hasControlCharacters } from "./text";
import { MAX_SEARCH_LENGTH, MIN_SEARCH_LENGTH } from "./subscription-filters";

export const HISTORY_EVENT_TYPES = [
  "CREATED",
  "SUSPENDED",
  "CANCELLED",
  "RELEASED",
  "RENEWED",
  "ACTIVATED",
  "SWAPPED",
  "DEACTIVATED",
] as const;
export type HistoryEventType = (typeof HISTORY_EVENT_TYPES)[number];

/** Who acted: a kind of actor, or one user of the account (by id). */
export const ACTOR_KINDS = ["USER", "SYSTEM", "DESKTOP", "API_KEY"] as const;
export type ActorKindFilter = (typeof ACTOR_KINDS)[number];
export type WhoFilter = { kind: ActorKindFilter } | { userId: string };

export const HISTORY_PAGE_SIZES = [25, 50, 100] as const;
export const DEFAULT_HISTORY_PAGE_SIZE = 25;

export type HistoryFilters = {
  acao: HistoryEventType[];
  quem?: WhoFilter;
  cliente?: string;
  serie?: string;
  /** São Paulo days, yyyy-mm-dd, both inclusive. */
  de?: string;
  ate?: string;
  /** Keyset cursor: the seq of the last event of the previous page (older events follow)… */
  antes?: string;
  /** …or of the first event of the next page (newer events, when going back). */
  depois?: string;
  porPagina: number;
};

export type HistoryFilterField = Exclude<keyof HistoryFilters, never>;

export type HistoryFilterProblem = {
  field: HistoryFilterField;
  problem: "tooShort" | "tooLong" | "invalid" | "invalidDate" | "dateOrder";
  max?: number;
};

type RawParams = Record<string, string | string[] | undefined>;

const first = (value: string | string[] | undefined) => (Array.isArray(value) ? value[0] : value);
const all = (value: string | string[] | undefined) => (value === undefined ? [] : Array.isArray(value) ? value : [value]);

const isoDate = z.iso.date();
const uuid = z.uuid();
/** A bigserial value, as the URL carries it (PostgreSQL's bigint is at most 19 digits). */
const cursor = z.string().regex(/^[1-9]\d{0,17}$/);

/** yyyy-mm-dd from "yyyy-mm-dd" (date inputs) or "dd/mm/aaaa" (typed), or null. */
export function parseHistoryDate(value: string): string | null {
  const typed = /^(\d{2})\/(\d{2})\/(\d{4})$/.exec(value);
  const iso = typed ? `${typed[3]}-${typed[2]}-${typed[1]}` : value;
  if (!isoDate.safeParse(iso).success) return null;
  const year = Number(iso.slice(0, 4));
  return year >= 1900 && year <= 2999 ? iso : null;
}

function searchableLength(value: string): number {
  return value
    .normalize("NFD")
    .replace(/[\u0300-\u036f]/g, "")
    .replace(/[^A-Za-z0-9]/g, "").length;
}

export function parseHistoryFilters(params: RawParams): { filters: HistoryFilters; problems: HistoryFilterProblem[] } {
  const filters: HistoryFilters = { acao: [], porPagina: DEFAULT_HISTORY_PAGE_SIZE };
  const problems: HistoryFilterProblem[] = [];

  for (const value of new Set(all(params.acao))) {
    if ((HISTORY_EVENT_TYPES as readonly string[]).includes(value)) filters.acao.push(value as HistoryEventType);
    else if (value) problems.push({ field: "acao", problem: "invalid" });
  }

  const quem = first(params.quem)?.trim();
  if (quem) {
    if ((ACTOR_KINDS as readonly string[]).includes(quem)) filters.quem = { kind: quem as ActorKindFilter };
    else if (uuid.safeParse(quem).success) filters.quem = { userId: quem.toLowerCase() };
    else problems.push({ field: "quem", problem: "invalid" });
  }

  for (const field of ["cliente", "serie"] as const) {
    const value = first(params[field])?.trim();
    if (!value) continue;
    if (hasControlCharacters(value)) problems.push({ field, problem: "invalid" });
    else if (value.length > MAX_SEARCH_LENGTH) problems.push({ field, problem: "tooLong", max: MAX_SEARCH_LENGTH });
    else if (searchableLength(value) < MIN_SEARCH_LENGTH) problems.push({ field, problem: "tooShort" });
    else filters[field] = value;
  }

  for (const field of ["de", "ate"] as const) {
    const value = first(params[field])?.trim();
    if (!value) continue;
    const date = parseHistoryDate(value);
    if (date) filters[field] = date;
    else problems.push({ field, problem: "invalidDate" });
  }
  if (filters.de && filters.ate && filters.de > filters.ate) {
    problems.push({ field: "ate", problem: "dateOrder" });
    delete filters.ate;
  }

  for (const field of ["antes", "depois"] as const) {
    const value = first(params[field])?.trim();
    if (!value) continue;
    if (cursor.safeParse(value).success && !filters.antes) filters[field] = value;
    else problems.push({ field, problem: "invalid" });
  }

  const porPagina = first(params.porPagina);
  if (porPagina) {
    const number = Number(porPagina);
    if ((HISTORY_PAGE_SIZES as readonly number[]).includes(number)) filters.porPagina = number;
    else problems.push({ field: "porPagina", problem: "invalid" });
  }

  return { filters, problems };
}

/** The URL query of these filters, leaving out defaults; `changes` override single fields. */
export function historyFiltersToQuery(filters: HistoryFilters, changes: Partial<HistoryFilters> = {}): string {
  const merged = { ...filters, ...changes };
  const query = new URLSearchParams();
  for (const value of merged.acao) query.append("acao", value);
  if (merged.quem) query.set("quem", "kind" in merged.quem ? merged.quem.kind : merged.quem.userId);
  for (const field of ["cliente", "serie", "de", "ate", "antes", "depois"] as const) {
    const value = merged[field];
    if (value) query.set(field, value);
  }
  if (merged.porPagina !== DEFAULT_HISTORY_PAGE_SIZE) query.set("porPagina", String(merged.porPagina));
  const text = query.toString();
  return text ? `?${text}` : "";
}

/** The filters that select events (no cursor, no page size): what Exportar and "Limpar" keep or drop. */
export function withoutPaging(filters: HistoryFilters): HistoryFilters {
  return { ...filters, antes: undefined, depois: undefined, porPagina: DEFAULT_HISTORY_PAGE_SIZE };
}

export function hasActiveHistoryFilters(filters: HistoryFilters): boolean {
  return Boolean(filters.acao.length || filters.quem || filters.cliente || filters.serie || filters.de || filters.ate);
}
