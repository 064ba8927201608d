import { describe, expect, it } from "vitest";
import { MESSAGES } from "@/i18n/messages";

function keys(value: unknown, prefix = ""): string[] {
  if (typeof value !== "object" || value === null) return [prefix];
  return Object.entries(value).flatMap(([key, inner]) => keys(inner, prefix ? `${prefix}.${key}` : key));
}

describe("message catalogs", () => {
  it("have exactly the same keys in pt-BR and en", () => {
    expect(keys(MESSAGES.en).sort()).toEqual(keys(MESSAGES["pt-BR"]).sort());
  });

  it("use the reference article's words for the statuses", () => {
    expect(MESSAGES["pt-BR"].common.status).toEqual({
      ATIVA: "Ativa",
      TOLERANCIA: "Período de Tolerância",
      EXPIRADA: "Expirada",
    });
  });

  it("have no empty texts", () => {
    for (const locale of ["pt-BR", "en"] as const) {
      for (const key of keys(MESSAGES[locale])) {
        const text = key.split(".").reduce<unknown>((node, part) => (node as Record<string, unknown>)[part], MESSAGES[locale]);
        expect(String(text).trim(), `${locale} ${key}`).not.toBe("");
      }
    }
  });
});
