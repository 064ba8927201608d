// English as a second language (reasons, dates), clean filter URLs, the words that say who may act
// and what each export does, Minhas assinaturas by manufacturer, and the housekeeping files.
import { expect, test } from "./fixtures";

test.describe("in English", () => {
  test.use({ locale: "en" });

  test("reasons and dates follow the interface language", async ({ page, loginAs, context, baseURL }) => {
    await context.addCookies([{ name: "NEXT_LOCALE", value: "en", url: baseURL! }]);
    await loginAs("fabricante@demo.test");
    await page.goto("/fabricante/assinaturas?situacao=SUSPENSA");
    await expect(page.getByRole("heading", { level: 1, name: "Subscriptions" })).toBeVisible();
    const group = page.locator("details").first();
    await group.locator("summary").click();
    const row = group.locator("tbody tr").first();
    await expect(row).toBeVisible();
    const serial = (await row.locator("a").first().textContent())!.trim();
    await expect(row.getByText(/\b\d{1,2} (Jan|Feb|Mar|Apr|May|Jun|Jul|Aug|Sep|Oct|Nov|Dec) \d{4}\b/).first()).toBeVisible();
    await expect(row).not.toContainText(/\d{2}\/\d{2}\/\d{4}/);

    await page.goto(`/fabricante/assinaturas/${serial}`);
    const english = /Outstanding payment|Breach of contract|Retailer's request|Other/;
    await expect(page.getByText(english).first()).toBeVisible();
    await expect(page.locator("main")).not.toContainText(/Pendência financeira|Violação de contrato|Solicitação do lojista/);
    await expect(page.locator("main")).not.toContainText(/\d{2}\/\d{2}\/\d{4}/);

    await page.getByRole("button", { name: "Actions", exact: true }).click();
    await page.getByRole("menuitem", { name: "Cancel" }).click();
    const dialog = page.getByRole("dialog", { name: `Cancel subscription ${serial}` });
    await expect(dialog.getByRole("option", { name: "Retailer is no longer a customer" })).toBeAttached();
    await expect(dialog.getByRole("option", { name: "Other (requires a description)" })).toBeAttached();
    await page.keyboard.press("Escape");

    await page.goto(`/fabricante/assinaturas/${serial}?aba=historico`);
    await expect(
      page.getByText(/Reason: (Outstanding payment|Breach of contract|Retailer's request|Other)/).first(),
    ).toBeVisible();

    const csv = await page.request.get(`/api/fabricante/assinaturas/exportar?serie=${serial}`);
    expect(csv.ok()).toBe(true);
    expect(await csv.text()).toMatch(english);
  });
});

test("the filter form leaves empty fields out of the URL", async ({ page, loginAs }) => {
  await loginAs("fabricante@demo.test");
  await page.goto("/fabricante/assinaturas");
  await page.getByRole("searchbox", { name: "Número de Série" }).fill("AAAA");
  await page.getByRole("button", { name: "Filtrar" }).click();
  await expect(page).toHaveURL(/\/fabricante\/assinaturas\?serie=AAAA$/);
});

test("Administrador and Convidado are told which profile may act; the export says what each link does", async ({
  page,
  loginAs,
}) => {
  await loginAs("convidado@demo.test");
  await page.goto("/fabricante/assinaturas");
  await expect(page.getByText(/Somente o perfil Fabricante pode suspender, cancelar ou liberar/)).toBeVisible();
  await expect(page.getByText(/Seu perfil nesta conta: Convidado/)).toBeVisible();
  await loginAs("admin@demo.test");
  await page.goto("/fabricante/assinaturas");
  await expect(page.getByText(/Seu perfil nesta conta: Administrador/)).toBeVisible();
  await expect(page.getByText(/“Exportar” separa as colunas por ponto e vírgula/)).toBeVisible();
});

test("Minhas assinaturas is grouped by manufacturer, without the customer filter", async ({ page, loginAs }) => {
  await loginAs("lojista@demo.test");
  await page.goto("/minhas-assinaturas");
  await expect(page.getByRole("heading", { level: 1, name: "Minhas assinaturas" })).toBeVisible();
  await expect(page.getByLabel("Cliente (nome ou CNPJ/CPF)")).toHaveCount(0);
  const names = await page.locator("details summary span.block.font-semibold").allTextContents();
  expect(names.length).toBeGreaterThan(0);
  expect(new Set(names).size, "one group per manufacturer").toBe(names.length);
  expect(names, "in the manufacturers' name order").toEqual([...names].sort((a, b) => a.localeCompare(b, "pt-BR")));
  await expect(page.locator("details summary").first()).toContainText("Fabricante");
});

test("robots.txt keeps crawlers out, and pages describe themselves", async ({ page, request, loginAs }) => {
  const robots = await request.get("/robots.txt", { maxRedirects: 0 });
  expect(robots.status()).toBe(200);
  expect(await robots.text()).toMatch(/User-Agent: \*\s+Disallow: \//i);
  await page.goto("/login");
  await expect(page.locator('meta[name="description"]')).toHaveAttribute("content", /.{20,}/);
  await loginAs("fabricante@demo.test");
  await page.goto("/fabricante/assinaturas");
  await expect(page.locator('meta[name="description"]')).toHaveAttribute("content", /Assinaturas e números de série/);
});
