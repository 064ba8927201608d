import { describe, expect, it } from "vitest";
import { mapColumns } from "@/lib/import/import-columns";
import { parseImportRow } from "@/lib/validation/import-row";

describe("import columns", () => {
  it("maps the export's pt-BR and en headers and common names, whatever the case and accents", () => {
    const map = mapColumns(["cliente", "CNPJ/CPF", "TIPO", "Cidade", "uf", "Email", "Numero de serie", "Produto", "Plano", "Início", "Expira em", "Status"]);
    expect(map.index).toEqual({ name: 0, document: 1, type: 2, city: 3, state: 4, email: 5, serialNumber: 6, product: 7, plan: 8, startedAt: 9, expiresAt: 10 });
    expect(map.ignored).toEqual(["Status"]);
    expect(mapColumns(["Customer", "CNPJ/CPF", "Serial number", "Expires on"]).index).toEqual({ name: 0, document: 1, serialNumber: 2, expiresAt: 3 });
    expect(mapColumns(["CNPJ", "CPF"]).duplicated).toEqual(["CPF"]);
  });
});

describe("import rows", () => {
  it("reads the export's labels and dates", () => {
    expect(
      parseImportRow(2, {
        document: "529.982.247-25",
        name: " Ana ",
        type: "Profissional liberal",
        state: "rj",
        serialNumber: "abcd efgh jkmn pqrs",
        plan: "Anual",
        startedAt: "01/12/2026",
        expiresAt: "2027-12-01",
      }),
    ).toEqual({
      row: {
        line: 2,
        customer: { document: "52998224725", name: "Ana", type: "PROFISSIONAL", city: undefined, state: "RJ", email: undefined },
        subscription: { serialNumber: "ABCD-EFGH-JKMN-PQRS", product: undefined, plan: "ANUAL", startedAt: "2026-12-01", expiresAt: "2027-12-01" },
      },
    });
  });

  it("names each bad cell, refuses formulas (also behind an apostrophe) and subscription data without a serial", () => {
    expect(parseImportRow(7, { document: "", name: "=1+1", city: "'@SUM(A1)", type: "Outro", plan: "Semanal", startedAt: "31/02/2026" }).issues).toEqual([
      { line: 7, field: "name", key: "formula" },
      { line: 7, field: "city", key: "formula" },
      { line: 7, field: "type", key: "customerTypeInvalid" },
      { line: 7, field: "plan", key: "planInvalid" },
      { line: 7, field: "startedAt", key: "dateInvalid" },
      { line: 7, field: "document", key: "required" },
    ]);
    expect(parseImportRow(3, { document: "52998224725", product: "Render Studio" }).issues).toEqual([
      { line: 3, field: "serialNumber", key: "importSerialRequired" },
    ]);
  });
});
