import { describe, expect, it } from "vitest";
import { historyFiltersToQuery, parseHistoryDate, parseHistoryFilters, withoutPaging } from "@/lib/validation/history-filters";

const USER = "3f0c2b9e-8d1a-4c57-9a1e-2b7d6c5e4f30";

describe("Histórico da conta filters", () => {
  it("keeps every good value", () => {
    const { filters, problems } = parseHistoryFilters({
      acao: ["SUSPENDED", "RELEASED", "SUSPENDED"],
      quem: USER,
      cliente: "ipê amarelo",
      serie: "AB12",
      de: "01/11/2026",
      ate: "2026-11-30",
      antes: "12345",
      porPagina: "50",
    });
    expect(problems).toEqual([]);
    expect(filters).toEqual({
      acao: ["SUSPENDED", "RELEASED"],
      quem: { userId: USER },
      cliente: "ipê amarelo",
      serie: "AB12",
      de: "2026-11-01",
      ate: "2026-11-30",
      antes: "12345",
      porPagina: 50,
    });
  });

  it("ignores bad values and lists each, like the subscription list", () => {
    const { filters, problems } = parseHistoryFilters({
      acao: ["SUSPENDED", "DROP TABLE"],
      quem: "alguém",
      cliente: "a.",
      serie: "x".repeat(101),
      de: "31/02/2026",
      ate: "ontem",
      antes: "-1",
      porPagina: "1000",
    });
    expect(filters).toEqual({ acao: ["SUSPENDED"], porPagina: 25 });
    expect(problems).toEqual([
      { field: "acao", problem: "invalid" },
      { field: "quem", problem: "invalid" },
      { field: "cliente", problem: "tooShort" },
      { field: "serie", problem: "tooLong", max: 100 },
      { field: "de", problem: "invalidDate" },
      { field: "ate", problem: "invalidDate" },
      { field: "antes", problem: "invalid" },
      { field: "porPagina", problem: "invalid" },
    ]);
  });

  it("drops an end date before the start date, and a second cursor", () => {
    const { filters, problems } = parseHistoryFilters({ de: "2026-11-10", ate: "2026-11-01", antes: "9", depois: "8" });
    expect(filters.de).toBe("2026-11-10");
    expect(filters.ate).toBeUndefined();
    expect(filters.antes).toBe("9");
    expect(filters.depois).toBeUndefined();
    expect(problems).toEqual([
      { field: "ate", problem: "dateOrder" },
      { field: "depois", problem: "invalid" },
    ]);
  });

  it("takes a kind of actor, and control characters in a search as invalid", () => {
    const { filters, problems } = parseHistoryFilters({ quem: "API_KEY", cliente: "abc\u0000def" });
    expect(filters.quem).toEqual({ kind: "API_KEY" });
    expect(problems).toEqual([{ field: "cliente", problem: "invalid" }]);
  });

  it("reads dd/mm/aaaa and yyyy-mm-dd dates, nothing else", () => {
    expect(parseHistoryDate("07/12/2026")).toBe("2026-12-07");
    expect(parseHistoryDate("2026-12-07")).toBe("2026-12-07");
    for (const bad of ["7/12/2026", "2026-13-01", "29/02/2027", "01/01/1800", "2026-12-07T00:00"]) {
      expect(parseHistoryDate(bad), bad).toBeNull();
    }
  });

  it("writes the URL back, round trip, leaving out defaults and — for Exportar — the paging", () => {
    const query = {
      acao: ["CANCELLED", "SWAPPED"],
      quem: "DESKTOP",
      serie: "AB12",
      de: "2026-11-01",
      depois: "77",
      porPagina: "100",
    };
    const { filters } = parseHistoryFilters(query);
    const text = historyFiltersToQuery(filters);
    expect(text).toBe("?acao=CANCELLED&acao=SWAPPED&quem=DESKTOP&serie=AB12&de=2026-11-01&depois=77&porPagina=100");
    const again = parseHistoryFilters(
      Object.fromEntries(
        [...new URLSearchParams(text.slice(1)).keys()].map((key) => [key, new URLSearchParams(text.slice(1)).getAll(key)]),
      ),
    );
    expect(again.filters).toEqual(filters);
    expect(historyFiltersToQuery(withoutPaging(filters))).toBe(
      "?acao=CANCELLED&acao=SWAPPED&quem=DESKTOP&serie=AB12&de=2026-11-01",
    );
    expect(historyFiltersToQuery(parseHistoryFilters({}).filters)).toBe("");
  });
});
