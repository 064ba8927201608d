import { describe, expect, it } from "vitest";
import { accountSlug, attachmentDisposition, exportFileName } from "@/lib/export/export-file-name";
import { exportHref, withDelimiter } from "@/lib/export/export-href";
import { parseSubscriptionFilters } from "@/lib/validation/subscription-filters";

describe("export file name", () => {
  it("is assinaturas-<conta>-<aaaa-mm-dd>.csv with the São Paulo date", () => {
    expect(exportFileName("Móveis Aurora Indústria", new Date("2026-11-26T02:00:00Z"), "conta")).toBe(
      "assinaturas-moveis-aurora-industria-2026-11-25.csv",
    );
    expect(exportFileName("Casa & Estilo Planejados", new Date("2026-11-26T12:00:00Z"), "conta")).toBe(
      "assinaturas-casa-estilo-planejados-2026-11-26.csv",
    );
  });

  it("falls back when nothing of the name is left, and stays short", () => {
    expect(accountSlug("日本語 !!!", "conta")).toBe("conta");
    expect(accountSlug(`${"Ação ".repeat(40)}`, "conta").length).toBeLessThanOrEqual(60);
    expect(accountSlug(`${"Ação ".repeat(40)}`, "conta")).toMatch(/^[a-z0-9]+(-[a-z0-9]+)*$/);
  });

  it("sends both filename and filename*", () => {
    expect(attachmentDisposition("assinaturas-x-2026-11-26.csv")).toBe(
      `attachment; filename="assinaturas-x-2026-11-26.csv"; filename*=UTF-8''assinaturas-x-2026-11-26.csv`,
    );
    expect(attachmentDisposition('a"ção.csv')).toBe(`attachment; filename="a___o.csv"; filename*=UTF-8''a%22%C3%A7%C3%A3o.csv`);
  });
});

describe("exportHref", () => {
  it("carries the filters, not the page, page size or sort", () => {
    const { filters } = parseSubscriptionFilters({
      cliente: "Ação; Planejados",
      status: ["EXPIRADA", "TOLERANCIA"],
      trocas: "1",
      pagina: "4",
      porPagina: "100",
      ordem: "vencimento",
    });
    const href = exportHref("manufacturer", filters);
    expect(href.startsWith("/api/fabricante/assinaturas/exportar?")).toBe(true);
    const query = new URL(href, "http://x").searchParams;
    expect(query.get("cliente")).toBe("Ação; Planejados");
    expect(query.getAll("status")).toEqual(["EXPIRADA", "TOLERANCIA"]);
    expect(query.get("trocas")).toBe("1");
    expect([query.has("pagina"), query.has("porPagina"), query.has("ordem")]).toEqual([false, false, false]);
    expect(parseSubscriptionFilters(Object.fromEntries(query)).filters.cliente).toBe("Ação; Planejados");
  });

  it("points Minhas assinaturas to its own export and adds the comma option", () => {
    const { filters } = parseSubscriptionFilters({});
    expect(exportHref("customer", filters)).toBe("/api/minhas-assinaturas/exportar");
    expect(withDelimiter("/api/minhas-assinaturas/exportar", ",")).toBe("/api/minhas-assinaturas/exportar?delimitador=%2C");
    expect(withDelimiter("/x?status=ATIVA", ",")).toBe("/x?status=ATIVA&delimitador=%2C");
    expect(withDelimiter("/x?status=ATIVA", ";")).toBe("/x?status=ATIVA");
  });
});
