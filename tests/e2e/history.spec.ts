// Histórico da conta and the dashboard as the Fabricante uses them: suspend a serial, find the event
// at the top of the account's history, filter by the action and the person, export the CSV, see the
// suspension in this week's bar on the dashboard; both pages at 1280 px and at 390 px (no sideways
// scrolling), and axe-core clean.
import { readFile } from "node:fs/promises";
import type { Page } from "@playwright/test";
import { expect, test } from "./fixtures";

/** This week's suspensions on the dashboard, read from the chart's data table (the last week's row). */
async function suspensionsThisWeek(page: Page): Promise<number> {
  await page.goto("/");
  await expect(
    page.getByRole("heading", { level: 2, name: "Suspensões, cancelamentos, liberações e renovações por semana" }),
  ).toBeVisible();
  const table = page.getByRole("table", { name: "Eventos por semana (início da semana, segunda-feira)" });
  await expect(table.getByRole("columnheader", { name: "Suspensões" })).toBeAttached();
  const lastWeek = table.locator("tbody tr").last();
  return Number((await lastWeek.locator("td").first().textContent())!.replace(/\D/g, ""));
}

test.describe("Histórico da conta", () => {
  test("a suspension appears at the top, filters by action and user, and exports", async ({
    page,
    loginAs,
    expectNoSeriousA11yViolations,
  }, testInfo) => {
    // A long walk through three pages, at two widths, with two accessibility checks.
    test.setTimeout(180_000);
    await loginAs("fabricante@demo.test");
    await page.setViewportSize({ width: 1280, height: 900 });
    const before = await suspensionsThisWeek(page);
    // A serial of its own (active, nearest expiry first, last customer of the page): not one the other specs act on.
    await page.goto("/fabricante/assinaturas?status=ATIVA&ordem=vencimento&porPagina=10");
    const group = page.locator("details").last();
    await group.locator("summary").click();
    const link = group.locator("tbody a").first();
    await expect(link).toBeVisible();
    const serial = (await link.textContent())!.trim();
    await link.click();
    await expect(page.getByRole("heading", { level: 1 })).toHaveText(`Número de Série ${serial}`);
    await page.getByRole("button", { name: "Ações" }).click();
    await page.getByRole("menuitem", { name: "Suspender" }).click();
    const dialog = page.getByRole("dialog", { name: `Suspender assinatura ${serial}` });
    await dialog.getByLabel("Motivo").selectOption({ label: "Pendência financeira" });
    await dialog.getByRole("button", { name: "Sim" }).click();
    await expect(page.getByRole("status").filter({ hasText: `Assinatura ${serial} suspensa.` })).toBeVisible();

    await page.getByRole("navigation", { name: "Menu principal" }).getByRole("link", { name: "Histórico da conta" }).click();
    await expect(page.getByRole("heading", { level: 1, name: "Histórico da conta" })).toBeVisible();
    const table = page.getByRole("table", { name: "Eventos da conta, do mais recente ao mais antigo" });
    const mine = table.getByRole("row").filter({ hasText: serial }).filter({ hasText: "Suspensa" });
    await expect(mine.first()).toBeVisible();
    await expect(mine.first()).toContainText("Fernanda Albuquerque");
    await expect(mine.first()).toContainText("Ativa → Suspensa pelo Fabricante");
    await expect(mine.first()).toContainText("Pendência financeira");

    // Filter by the action and the person (and the serial, so that other tests' events can't come first).
    const filters = page.getByRole("search", { name: "Filtros do histórico" });
    await filters.getByRole("checkbox", { name: "Suspensa" }).check();
    await filters.getByLabel("Quem").selectOption({ label: "Fernanda Albuquerque" });
    await filters.getByLabel("Número de Série").fill(serial);
    await filters.getByRole("button", { name: "Filtrar" }).click();
    await expect(page).toHaveURL(/acao=SUSPENDED/);
    await expect(page).toHaveURL(/quem=[0-9a-f-]{36}/);
    const rows = table.locator("tbody tr");
    await expect(rows).toHaveCount(1);
    await expect(rows.first()).toContainText(serial);
    await expect(rows.first().getByRole("link", { name: serial })).toHaveAttribute("href", `/fabricante/assinaturas/${serial}`);
    await expectNoSeriousA11yViolations(page);
    await page.screenshot({ path: testInfo.outputPath("historico-1280.png"), fullPage: true });

    const download = page.waitForEvent("download");
    await page.getByRole("link", { name: "Exportar", exact: true }).click();
    const file = await download;
    expect(file.suggestedFilename()).toMatch(/^historico-moveis-aurora-industria-\d{4}-\d{2}-\d{2}\.csv$/);
    const text = await readFile((await file.path())!, "utf8");
    const lines = text.split("\r\n").filter(Boolean);
    expect(lines[0]).toBe(
      "\uFEFFData e hora;Ação;Origem;Quem;Número de Série;Cliente;CNPJ/CPF;Produto;Status anterior;Novo status;Motivo;Descrição;Nome da Máquina",
    );
    expect(lines).toHaveLength(2);
    expect(lines[1]).toContain(`;Suspensa;Usuário;Fernanda Albuquerque;${serial};`);
    expect(lines[1]).toContain(";Ativa;Suspensa pelo Fabricante;Pendência financeira;");

    // At 390 px the rows are cards: nothing scrolls sideways.
    await page.setViewportSize({ width: 390, height: 844 });
    await page.goto("/historico");
    await expect(page.getByRole("heading", { level: 1, name: "Histórico da conta" })).toBeVisible();
    await expect(table.locator("tbody tr").first()).toBeVisible();
    expect(await page.evaluate(() => document.documentElement.scrollWidth)).toBeLessThanOrEqual(390);
    await expectNoSeriousA11yViolations(page);
    await page.screenshot({ path: testInfo.outputPath("historico-390.png"), fullPage: true });

    // The dashboard counts the suspension in this week's bar; readable at both widths.
    expect(await suspensionsThisWeek(page)).toBeGreaterThanOrEqual(before + 1);
    expect(await page.evaluate(() => document.documentElement.scrollWidth)).toBeLessThanOrEqual(390);
    await expectNoSeriousA11yViolations(page);
    await page.screenshot({ path: testInfo.outputPath("inicio-390.png"), fullPage: true });
    await page.setViewportSize({ width: 1280, height: 900 });
    await page.reload();
    await expect(page.getByRole("heading", { level: 2, name: "Trocas de computador por semana" })).toBeVisible();
    await expectNoSeriousA11yViolations(page);
    await page.screenshot({ path: testInfo.outputPath("inicio-1280.png"), fullPage: true });
  });

  test("a bad filter in the URL is ignored and listed; a lojista sees no manufacturer's people", async ({ page, loginAs }) => {
    await loginAs("lojista@demo.test");
    await page.goto("/historico?acao=NADA&de=31/02/2026&quem=3f0c2b9e-8d1a-4c57-9a1e-2b7d6c5e4f30");
    await expect(page.getByRole("heading", { level: 1, name: "Histórico da conta" })).toBeVisible();
    const note = page.getByRole("status").filter({ hasText: "Alguns filtros foram ignorados:" });
    await expect(note).toContainText("Ações: valor inválido");
    await expect(note).toContainText("De: data inválida");
    await expect(note).toContainText("Quem: valor inválido");
    await expect(page.getByRole("table").locator("tbody tr").first()).toBeVisible();
    await expect(page.getByText("Fernanda Albuquerque")).toHaveCount(0);
    await expect(page.getByRole("link", { name: "Exportar", exact: true })).toBeVisible();
  });
});
