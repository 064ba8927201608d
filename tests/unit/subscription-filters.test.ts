import { describe, expect, it } from "vitest";
import {
  DEFAULT_FILTERS,
  filtersToQuery,
  hasActiveFilters,
  MAX_SEARCH_LENGTH,
  parseSubscriptionFilters,
} from "@/lib/validation/subscription-filters";

describe("parseSubscriptionFilters", () => {
  it("reads every filter from the URL", () => {
    const { filters, problems } = parseSubscriptionFilters({
      cliente: " São Paulo ",
      serie: "ABCD",
      maquina: "LOJA",
      produto: "Render Studio",
      status: ["ATIVA", "TOLERANCIA"],
      situacao: "SUSPENSA",
      expiraDe: "2026-01-01",
      expiraAte: "2026-12-31",
      trocas: "1",
      ordem: "vencimento",
      pagina: "3",
      porPagina: "50",
    });
    expect(problems).toEqual([]);
    expect(filters).toEqual({
      cliente: "São Paulo",
      serie: "ABCD",
      maquina: "LOJA",
      produto: "Render Studio",
      status: ["ATIVA", "TOLERANCIA"],
      situacao: ["SUSPENSA"],
      expiraDe: "2026-01-01",
      expiraAte: "2026-12-31",
      trocas: true,
      ordem: "vencimento",
      pagina: 3,
      porPagina: 50,
    });
  });

  it("ignores bad values and says why, keeping the good ones", () => {
    const { filters, problems } = parseSubscriptionFilters({
      cliente: "ab",
      serie: "x".repeat(10_000),
      status: ["ATIVA", "BOGUS"],
      expiraDe: "2026-02-30",
      expiraAte: "31/12/2026",
      pagina: "-1",
      porPagina: "1000000",
      ordem: "'; DROP TABLE",
      trocas: "talvez",
      maquina: "nul\u0000byte",
    });
    expect(filters).toEqual({ ...DEFAULT_FILTERS, status: ["ATIVA"] });
    expect(problems).toEqual(
      expect.arrayContaining([
        { field: "cliente", problem: "tooShort" },
        { field: "serie", problem: "tooLong", max: MAX_SEARCH_LENGTH },
        { field: "status", problem: "invalid" },
        { field: "expiraDe", problem: "invalidDate" },
        { field: "expiraAte", problem: "invalidDate" },
        { field: "pagina", problem: "invalid" },
        { field: "porPagina", problem: "invalid" },
        { field: "ordem", problem: "invalid" },
        { field: "trocas", problem: "invalid" },
        { field: "maquina", problem: "invalid" },
      ]),
    );
  });

  it("counts only what a search really uses: punctuation alone is too short", () => {
    const { filters, problems } = parseSubscriptionFilters({ cliente: "!!!", serie: "-- --" });
    expect(filters.cliente).toBeUndefined();
    expect(filters.serie).toBeUndefined();
    expect(problems).toEqual([
      { field: "cliente", problem: "tooShort" },
      { field: "serie", problem: "tooShort" },
    ]);
    expect(parseSubscriptionFilters({ cliente: "São" }).filters.cliente).toBe("São");
  });

  it("refuses an inverted date range, and takes the first of repeated single values", () => {
    const inverted = parseSubscriptionFilters({ expiraDe: "2026-12-01", expiraAte: "2026-01-01" });
    expect(inverted.filters.expiraAte).toBeUndefined();
    expect(inverted.problems).toEqual([{ field: "expiraAte", problem: "dateOrder" }]);
    expect(parseSubscriptionFilters({ cliente: ["primeiro", "segundo"] }).filters.cliente).toBe("primeiro");
  });
});

describe("filtersToQuery", () => {
  it("round-trips through the parser and leaves defaults out", () => {
    const { filters } = parseSubscriptionFilters({
      cliente: "São Paulo",
      status: ["EXPIRADA"],
      situacao: ["PENDENTE"],
      pagina: "2",
    });
    const query = filtersToQuery(filters);
    expect(query).toBe("?cliente=S%C3%A3o+Paulo&status=EXPIRADA&situacao=PENDENTE&pagina=2");
    const again = parseSubscriptionFilters(
      Object.fromEntries([...new URLSearchParams(query)].map(([k]) => [k, new URLSearchParams(query).getAll(k)])),
    );
    expect(again.filters).toEqual(filters);
    expect(filtersToQuery(DEFAULT_FILTERS)).toBe("");
  });

  it("carries a page's keyset cursor beside its number, and drops it with page 1 or when malformed", () => {
    const id = "0b8f6c1e-2d3a-4f5b-9c7d-8e9f0a1b2c3d";
    const { filters, problems } = parseSubscriptionFilters({ pagina: "500", apos: id.toUpperCase() });
    expect(problems).toEqual([]);
    expect(filters).toMatchObject({ pagina: 500, apos: id });
    expect(filtersToQuery(filters)).toBe(`?pagina=500&apos=${id}`);
    expect(filtersToQuery(filters, { pagina: 1 })).toBe("");
    expect(filtersToQuery(filters, { pagina: 499, apos: undefined, antes: id })).toBe(`?pagina=499&antes=${id}`);
    const before = parseSubscriptionFilters({ pagina: "3", antes: id }).filters;
    expect([before.antes, before.apos]).toEqual([id, undefined]);
    for (const params of [{ apos: id }, { pagina: "2", apos: "not-a-uuid" }, { pagina: "2", apos: "1; DROP TABLE x" }]) {
      const parsed = parseSubscriptionFilters(params);
      expect(parsed.filters.apos).toBeUndefined();
      expect(parsed.problems).toEqual([]);
    }
  });

  it("knows when anything narrows the selection", () => {
    expect(hasActiveFilters(DEFAULT_FILTERS)).toBe(false);
    expect(hasActiveFilters({ ...DEFAULT_FILTERS, pagina: 4, ordem: "trocas" })).toBe(false);
    expect(hasActiveFilters({ ...DEFAULT_FILTERS, trocas: true })).toBe(true);
  });
});
