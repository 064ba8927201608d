// Exportar (the reference article's "Como exportar as informações das assinaturas?"): clicking
// Exportar on the list downloads a .csv of exactly what the filters select, ready for Excel pt-BR.
import { readFile } from "node:fs/promises";
import type { Download, Page } from "@playwright/test";
import Papa from "papaparse";
import { HEADER } from "../support/export-header";
import { expect, test } from "./fixtures";

/** The number of serials the list says the filters select ("12 números de série em 5 clientes"). */
async function listedSerials(page: Page): Promise<number> {
  const summary = await page
    .getByText(/(\d[\d.]*|Nenhum) números? de série/)
    .first()
    .textContent();
  const match = /(\d[\d.]*) números? de série/.exec(summary ?? "");
  return match ? Number(match[1]!.replaceAll(".", "")) : 0;
}

async function readCsv(download: Download, delimiter: ";" | ",") {
  const bytes = await readFile((await download.path())!);
  expect([...bytes.subarray(0, 3)], "UTF-8 BOM").toEqual([0xef, 0xbb, 0xbf]);
  const text = new TextDecoder("utf-8", { fatal: true }).decode(bytes.subarray(3));
  const parsed = Papa.parse<string[]>(text, { delimiter, skipEmptyLines: true });
  expect(parsed.errors).toEqual([]);
  expect(parsed.meta.linebreak).toBe("\r\n");
  const [header, ...rows] = parsed.data;
  return { header, rows };
}

async function clickAndDownload(page: Page, name: string): Promise<Download> {
  const [download] = await Promise.all([page.waitForEvent("download"), page.getByRole("link", { name, exact: true }).click()]);
  expect(await download.failure()).toBeNull();
  return download;
}

test.describe("Exportar", () => {
  test("Fabricante → Assinaturas: Exportar downloads every filtered serial, all pages, as CSV", async ({ page, loginAs }) => {
    await loginAs("fabricante@demo.test");
    await page.goto("/fabricante/assinaturas?status=EXPIRADA&porPagina=10");
    const listed = await listedSerials(page);
    expect(listed).toBeGreaterThan(10);

    const download = await clickAndDownload(page, "Exportar");
    expect(download.suggestedFilename()).toMatch(/^assinaturas-moveis-aurora-industria-\d{4}-\d{2}-\d{2}\.csv$/);
    const { header, rows } = await readCsv(download, ";");
    expect(header).toEqual(HEADER);
    expect(rows).toHaveLength(listed);
    for (const row of rows) {
      expect(row).toHaveLength(HEADER.length);
      expect(row[8]).toBe("Expirada");
      expect(row[16]).toMatch(/^\d{2}\/\d{2}\/\d{4}$/);
    }
    expect(rows.map((row) => row[9])).toContain("Suspensa pelo Fabricante");

    const comma = await clickAndDownload(page, "Exportar com vírgula");
    const withCommas = await readCsv(comma, ",");
    expect(withCommas.header).toEqual(HEADER);
    expect(withCommas.rows).toEqual(rows);
  });

  test("Minhas assinaturas: a lojista exports its own serials", async ({ page, loginAs }) => {
    await loginAs("lojista@demo.test");
    await page.goto("/minhas-assinaturas");
    const listed = await listedSerials(page);
    expect(listed).toBeGreaterThan(0);
    const download = await clickAndDownload(page, "Exportar");
    expect(download.suggestedFilename()).toMatch(/^assinaturas-casa-estilo-planejados-\d{4}-\d{2}-\d{2}\.csv$/);
    const { header, rows } = await readCsv(download, ";");
    expect(header).toEqual(HEADER);
    expect(rows).toHaveLength(listed);
    expect(new Set(rows.map((row) => row[0]))).toEqual(new Set(["Casa & Estilo Planejados"]));
  });

  test("a Convidado may not export", async ({ page, loginAs }) => {
    await loginAs("convidado@demo.test");
    const response = await page.request.get("/api/fabricante/assinaturas/exportar");
    expect(response.status()).toBe(403);
    expect((await response.json()).error.message).toBe("Seu perfil nesta conta não permite esta operação.");
  });
});
