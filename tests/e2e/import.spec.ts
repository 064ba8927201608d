// Importar (CSV) as a Fabricante user (issue 10): the dry run shows the errors, Confirmar applies
// the good rows, the same file again changes nothing; a Latin-1 file is refused clearly.
import { readFile } from "node:fs/promises";
import type { Page } from "@playwright/test";
import { cnpjFromRoot } from "../../prisma/seed/identifiers";
import { generateSerialNumber } from "../../lib/domain/serial-generator";
import { expect, test } from "./fixtures";

async function openImport(page: Page) {
  await page.goto("/fabricante/assinaturas");
  await expect(page.getByRole("heading", { level: 1, name: "Assinaturas" })).toBeVisible();
  await page.getByRole("link", { name: "Importar (CSV)" }).click();
  await expect(page.getByRole("heading", { level: 1, name: "Importar assinaturas (CSV)" })).toBeVisible();
}

async function simulate(page: Page, name: string, content: string | Buffer) {
  await page.getByLabel("Arquivo CSV").setInputFiles({ name, mimeType: "text/csv", buffer: Buffer.from(content) });
  await page.getByRole("button", { name: "Simular importação" }).click();
}

test("dry run shows the errors, Confirmar applies the good rows, the same file again changes nothing", async ({ page, loginAs }) => {
  await loginAs("fabricante@demo.test");
  const name = `Loja Importada ${Date.now().toString(36)}`;
  const document = cnpjFromRoot(String(10_000_000 + (Date.now() % 80_000_000)));
  const serial = generateSerialNumber();
  const csv = [
    "Cliente;CNPJ/CPF;Tipo;Cidade;UF;E-mail;Número de Série;Produto;Plano;Início;Expira em",
    `${name};${document};Lojista;Santos;SP;compras@importada.com.br;${serial};Render Studio;Anual;01/12/2026;01/12/2027`,
    `${name};${document};Lojista;Santos;SP;;${generateSerialNumber()};Planilha Mágica;Mensal;;`,
    `Outra Loja;123.456;Lojista;Santos;SP;outra@example.com;${generateSerialNumber()};Render Studio;Mensal;;`,
    `=CMD();06990590000123;Lojista;Santos;SP;x@example.com;;;;;`,
  ].join("\r\n");

  await openImport(page);
  // Nothing chosen yet: the field says so and takes focus.
  await page.getByRole("button", { name: "Simular importação" }).click();
  await expect(page.getByText("Escolha um arquivo CSV.")).toBeVisible();
  await expect(page.getByLabel("Arquivo CSV")).toBeFocused();

  await simulate(page, "clientes.csv", csv);
  const result = page.getByRole("region", { name: "Resultado da simulação" });
  await expect(result).toBeVisible();
  await expect(result.getByRole("definition").nth(3)).toHaveText("1"); // Assinaturas novas
  await expect(result.getByRole("term").filter({ hasText: "Linhas com erro" })).toBeVisible();
  const issues = page.getByRole("table", { name: "Linhas com erro" });
  await expect(issues.getByRole("row").filter({ hasText: "Produto desconhecido" })).toContainText("3");
  await expect(issues.getByRole("row").filter({ hasText: "CNPJ ou CPF inválido" })).toContainText("4");
  await expect(issues.getByRole("row").filter({ hasText: "fórmula" })).toContainText("5");

  const download = page.waitForEvent("download");
  await page.getByRole("button", { name: "Baixar relatório de erros (CSV)" }).click();
  const report = await readFile(await (await download).path(), "utf8");
  expect(report).toContain("Linha;Coluna;Motivo");
  expect(report).toContain("3;Produto;Produto desconhecido");

  await page.getByRole("button", { name: "Confirmar importação" }).click();
  const applied = page.getByRole("region", { name: "Importação concluída" });
  await expect(applied).toBeVisible();
  await expect(applied.getByText("Todos os lotes foram gravados.")).toBeVisible();

  // The new customer and its serial are in the list.
  await page.goto(`/fabricante/assinaturas?cliente=${encodeURIComponent(name)}`);
  const group = page.locator("details").filter({ hasText: name });
  await expect(group).toHaveCount(1);
  await expect(group.getByRole("link", { name: serial })).toBeVisible();

  // The same file again: nothing to change, nothing to confirm.
  await openImport(page);
  await simulate(page, "clientes.csv", csv);
  await expect(page.getByRole("region", { name: "Resultado da simulação" })).toBeVisible();
  await expect(page.getByText("Nada a alterar: o conteúdo deste arquivo já está no portal.")).toBeVisible();
  await expect(page.getByRole("button", { name: "Confirmar importação" })).toHaveCount(0);
});

test("a Latin-1 file and a file without the CNPJ/CPF column are refused with what to do", async ({ page, loginAs }) => {
  await loginAs("fabricante@demo.test");
  await openImport(page);
  await simulate(page, "latin1.csv", Buffer.from("Cliente;CNPJ/CPF\nJoão Ação;52998224725\n", "latin1"));
  await expect(page.getByRole("alert").filter({ hasText: "O arquivo não está em UTF-8" })).toBeVisible();
  await simulate(page, "sem-documento.csv", "Nome;Cidade\nAna;Santos\n");
  await expect(page.getByRole("alert").filter({ hasText: "O arquivo não tem a coluna CNPJ/CPF" })).toBeVisible();
});
