// The reference article's procedure as a manufacturer: Fabricante → Assinaturas, filters,
// expanding a customer's "aba", the serial's Detalhes, Ativações and Histórico, and back.
import { FILTER_FUZZ_CASES, fuzzQuery } from "../support/filter-fuzz";
import type { Locator } from "@playwright/test";
import { expect, test } from "./fixtures";

/** Opens a customer's "aba" unless it is already open (a single result starts open). */
async function expand(details: Locator) {
  if ((await details.getAttribute("open")) === null) await details.locator("summary").click();
  await expect(details).toHaveAttribute("open", "");
  // The rows load from the server when the customer is opened.
  await expect(details.locator("tbody tr").first()).toBeVisible();
}

test.describe("Fabricante → Assinaturas", () => {
  test("filter, expand a customer, open a serial, read its tabs and come back with the filters intact", async ({
    page,
    loginAs,
  }) => {
    await loginAs("fabricante@demo.test");
    await page.goto("/");
    await page.getByRole("navigation", { name: "Menu principal" }).getByRole("link", { name: "Assinaturas" }).click();
    await expect(page.getByRole("heading", { level: 1, name: "Assinaturas" })).toBeVisible();

    // Filter by customer, typing the name without accents and in lower case.
    const firstSummary = page.locator("details summary").first();
    const customerName = (await firstSummary.locator("span.font-semibold").first().textContent())!.trim();
    const typed = customerName
      .normalize("NFD")
      .replace(/[\u0300-\u036f]/g, "")
      .toLowerCase()
      .split(" ")
      .slice(0, 2)
      .join(" ");
    await page.getByLabel("Cliente (nome ou CNPJ/CPF)").fill(typed);
    await page.getByRole("button", { name: "Filtrar" }).click();
    await expect(page).toHaveURL(/cliente=/);
    await expect(page.locator("details summary").filter({ hasText: customerName })).toHaveCount(1);

    // Filter by status with a chip: every serial shown is in Período de Tolerância.
    await page.getByRole("link", { name: "Limpar filtros" }).click();
    await page
      .getByRole("navigation", { name: /Status dos números de série/ })
      .getByRole("link", { name: /Período de Tolerância/ })
      .click();
    await expect(page).toHaveURL(/status=TOLERANCIA/);
    const group = page.locator("details").first();
    await expand(group);
    const rows = group.locator("tbody tr");
    await expect(rows.first()).toBeVisible();
    for (const row of await rows.all()) await expect(row.getByText("Período de Tolerância", { exact: true })).toBeVisible();
    await expect(rows.first().getByText(/Expira definitivamente em \d+ dias?/)).toBeVisible();

    // Filter by machine name, taken from a serial that has an active computer.
    // The last customer of page 1: other specs act on the first customers and on page 2.
    await page.goto("/fabricante/assinaturas?status=ATIVA");
    await expand(page.locator("details").last());
    const headers = await page.locator("details[open] thead th").allTextContents();
    const machineColumn = headers.findIndex((text) => text.trim() === "Nome da Máquina") + 1;
    expect(machineColumn).toBeGreaterThan(0);
    const machineCell = page
      .locator(`details[open] tbody tr td:nth-child(${machineColumn})`)
      .filter({ hasNotText: "Nenhum computador ativo" })
      .first();
    const machine = (await machineCell.textContent())!.trim();
    await page.getByLabel("Nome da Máquina").fill(machine.toLowerCase());
    await page.getByRole("button", { name: "Filtrar" }).click();
    await expect(page).toHaveURL(/maquina=/);
    await expand(page.locator("details").first());
    await expect(page.locator("details[open] tbody").getByText(machine, { exact: true }).first()).toBeVisible();
    const listUrl = page.url();

    // Open the serial and read its tabs.
    const serialLink = page.locator("details[open] tbody a").first();
    const serial = (await serialLink.textContent())!.trim();
    await serialLink.click();
    await expect(page.getByRole("heading", { level: 1 })).toHaveText(`Número de Série ${serial}`);
    await expect(page.getByRole("link", { name: "Detalhes" })).toHaveAttribute("aria-current", "page");
    await expect(page.getByText("Computador ativo")).toBeVisible();
    await expect(page.getByText(machine, { exact: true })).toBeVisible();
    await expect(page.getByText("Cobrança de renovação")).toBeVisible();
    await page.getByRole("link", { name: "Ativações" }).click();
    await expect(page.getByRole("table").getByText(machine, { exact: true })).toBeVisible();
    await page.getByRole("link", { name: "Histórico", exact: true }).click();
    await expect(page.getByText("Assinatura criada")).toBeVisible();

    // Back to the list: the link keeps the filters, and so does the browser's back button.
    await page.getByRole("link", { name: "Voltar para a lista" }).click();
    await expect(page).toHaveURL(/maquina=/);
    await expect(page.getByLabel("Nome da Máquina")).toHaveValue(machine.toLowerCase());
    await page.goBack();
    await page.goBack();
    await page.goBack();
    await page.goBack();
    await expect(page).toHaveURL(listUrl);
    await expect(page.getByLabel("Nome da Máquina")).toHaveValue(machine.toLowerCase());
  });

  test("Detalhes of a suspended serial shows the reason, who suspended it and when", async ({ page, loginAs }) => {
    await loginAs("fabricante@demo.test");
    await page.goto("/fabricante/assinaturas?situacao=SUSPENSA");
    await expand(page.locator("details").first());
    await page.locator("details[open] tbody a").first().click();
    const status = page.locator("section").filter({ has: page.getByRole("heading", { name: "Status" }) });
    await expect(status.getByText("Suspensa pelo Fabricante").first()).toBeVisible();
    await expect(status.getByText("Motivo", { exact: true })).toBeVisible();
    await expect(status.getByText("Responsável", { exact: true })).toBeVisible();
    await expect(status.getByText(/\d{2}\/\d{2}\/\d{4} \d{2}:\d{2}/)).toBeVisible();
  });

  test("another tenant's serial answers 404, also for a user of the same company without access", async ({
    page,
    loginAs,
    browser,
  }) => {
    await loginAs("fabricante3@demo.test");
    await page.goto("/fabricante/assinaturas");
    await expand(page.locator("details").first());
    const foreignSerial = (await page.locator("details[open] tbody a").first().textContent())!.trim();

    const other = await browser.newContext();
    const otherPage = await other.newPage();
    const csrf = await (await otherPage.request.get("/api/auth/csrf")).json();
    await otherPage.request.post("/api/auth/callback/credentials", {
      form: { email: "admin@demo.test", password: "demo1234", csrfToken: csrf.csrfToken, json: "true" },
    });
    const response = await otherPage.goto(`/fabricante/assinaturas/${foreignSerial}`);
    expect(response?.status()).toBe(404);
    await expect(otherPage.getByRole("heading", { name: "Página não encontrada" })).toBeVisible();
    const filtered = await otherPage.goto(`/fabricante/assinaturas?serie=${foreignSerial}`);
    expect(filtered?.status()).toBe(200);
    await expect(otherPage.getByText("Nenhuma assinatura encontrada")).toBeVisible();
    await other.close();
  });

  test("list and serial pages have no serious accessibility violations", async ({
    page,
    loginAs,
    expectNoSeriousA11yViolations,
  }) => {
    await loginAs("fabricante@demo.test");
    await page.goto("/fabricante/assinaturas");
    await expand(page.locator("details").first());
    await expectNoSeriousA11yViolations(page);
    await page.locator("details[open] tbody a").first().click();
    await expect(page.getByRole("heading", { level: 1 })).toBeVisible();
    await expectNoSeriousA11yViolations(page);
    await page.getByRole("link", { name: "Ativações" }).click();
    await expectNoSeriousA11yViolations(page);
    await page.getByRole("link", { name: "Histórico", exact: true }).click();
    await expectNoSeriousA11yViolations(page);
  });

  test("Próxima and Anterior walk the pages as the page numbers do, carrying a cursor", async ({ page, loginAs }) => {
    await loginAs("fabricante@demo.test");
    // Each customer's name: the first bold text of its summary.
    const names = () =>
      page
        .locator("details summary")
        .evaluateAll((summaries) => summaries.map((summary) => summary.querySelector("span.font-semibold")?.textContent ?? ""));
    const byNumber: string[][] = [];
    for (const pagina of [1, 2, 3]) {
      await page.goto(`/fabricante/assinaturas?porPagina=10${pagina > 1 ? `&pagina=${pagina}` : ""}`);
      await expect(page.getByText(`Página ${pagina} de `)).toBeVisible();
      byNumber.push(await names());
    }
    expect(byNumber.map((names) => names.length)).toEqual([10, 10, 10]);
    expect(new Set(byNumber.flat()).size).toBe(30);

    const pagination = page.getByRole("navigation", { name: "Paginação" });
    await page.goto("/fabricante/assinaturas?porPagina=10");
    await pagination.getByRole("link", { name: "Próxima" }).click();
    await expect(page).toHaveURL(/porPagina=10&pagina=2&apos=[0-9a-f-]{36}$/);
    await expect(page.getByText("Página 2 de ")).toBeVisible();
    expect(await names()).toEqual(byNumber[1]);
    await pagination.getByRole("link", { name: "Próxima" }).click();
    await expect(page.getByText("Página 3 de ")).toBeVisible();
    expect(await names()).toEqual(byNumber[2]);
    await pagination.getByRole("link", { name: "Anterior" }).click();
    await expect(page).toHaveURL(/porPagina=10&pagina=2&antes=[0-9a-f-]{36}$/);
    await expect(page.getByText("Página 2 de ")).toBeVisible();
    expect(await names()).toEqual(byNumber[1]);
    await pagination.getByRole("link", { name: "Anterior" }).click();
    await expect(page).toHaveURL(/assinaturas\?porPagina=10$/);
    await expect(page.getByText("Página 1 de ")).toBeVisible();
    expect(await names()).toEqual(byNumber[0]);
  });

  test("garbage in the URL never breaks the list (fuzz over HTTP)", async ({ page, loginAs }) => {
    await loginAs("fabricante@demo.test");
    expect(FILTER_FUZZ_CASES.length).toBeGreaterThanOrEqual(200);
    test.setTimeout(300_000);
    const queries = FILTER_FUZZ_CASES.map(fuzzQuery);
    for (let start = 0; start < queries.length; start += 6) {
      await Promise.all(
        queries.slice(start, start + 6).map(async (query) => {
          const response = await page.request.get(`/fabricante/assinaturas${query}`);
          // Node's HTTP server answers 431 itself to a request line over its 16 KB header limit.
          const expected = query.length > 16_000 ? 431 : 200;
          expect(response.status(), query.slice(0, 200)).toBe(expected);
        }),
      );
    }
    for (const path of ["x".repeat(300), "'%20OR%201=1", "..%2F..%2Fetc", "%00"]) {
      const response = await page.request.get(`/fabricante/assinaturas/${path}`);
      expect(response.status(), path).toBe(404);
    }
    expect((await page.request.get("/fabricante/assinaturas/%E0%A4%A")).status()).toBe(400);
    await page.goto("/fabricante/assinaturas?cliente=ab&pagina=-4&status=BOGUS");
    await expect(page.getByText("Alguns filtros foram ignorados:")).toBeVisible();
    await expect(page.getByText("Cliente: digite pelo menos 3 caracteres")).toBeVisible();
  });
});

test.describe("Minhas assinaturas", () => {
  test("a lojista sees only its own serials, from both manufacturers, read-only", async ({ page, loginAs }) => {
    await loginAs("lojista@demo.test");
    await page.goto("/");
    await page.getByRole("navigation", { name: "Menu principal" }).getByRole("link", { name: "Minhas assinaturas" }).click();
    await expect(page.getByRole("heading", { level: 1, name: "Minhas assinaturas" })).toBeVisible();
    const summaries = page.locator("details summary");
    await expect(summaries).toHaveCount(2);
    // One group per manufacturer, named by the manufacturer (the customer is the account itself).
    for (const summary of await summaries.all()) await expect(summary).not.toContainText("Casa & Estilo Planejados");
    await expand(page.locator("details").first());
    await expand(page.locator("details").last());
    const manufacturers = new Set(
      (await page.locator("details summary span.block.font-semibold").allTextContents()).map((text) => text.trim()),
    );
    expect(manufacturers.size).toBe(2);
    await expect(page.getByRole("link", { name: "Assinaturas", exact: true })).toHaveCount(0);
    const manufacturerList = await page.request.get("/fabricante/assinaturas");
    expect(manufacturerList.status()).toBe(404);
  });
});
