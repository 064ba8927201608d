// "Como bloquear / desbloquear a assinatura?" as a Fabricante user, the role checks a Convidado
// meets, and the lojista seeing the result. Works on page 2 of the list so that it doesn't touch
// the serials other specs read from page 1.
import type { Browser, Locator, Page } from "@playwright/test";
import { expect, test } from "./fixtures";

async function expand(details: Locator) {
  if ((await details.getAttribute("open")) === null) await details.locator("summary").click();
  await expect(details).toHaveAttribute("open", "");
  // The rows load from the server when the customer is opened.
  await expect(details.locator("tbody tr").first()).toBeVisible();
}

/** Opens the first serial of the n-th customer (−1: the last) of the list at `query`. */
async function openSerial(page: Page, query: string, index = 0): Promise<string> {
  await page.goto(`/fabricante/assinaturas?${query}`);
  const groups = page.locator("details");
  const group = index < 0 ? groups.last() : groups.nth(index);
  await expand(group);
  const link = group.locator("tbody a").first();
  const serial = (await link.textContent())!.trim();
  await link.click();
  await expect(page.getByRole("heading", { level: 1 })).toHaveText(`Número de Série ${serial}`);
  return serial;
}

async function signIn(browser: Browser, email: string): Promise<Page> {
  const context = await browser.newContext({ locale: "pt-BR" });
  const page = await context.newPage();
  const { csrfToken } = await (await page.request.get("/api/auth/csrf")).json();
  const response = await page.request.post("/api/auth/callback/credentials", {
    form: { email, password: "demo1234", csrfToken, json: "true" },
  });
  expect(response.ok()).toBe(true);
  return page;
}

test.describe("Ações as a Fabricante", () => {
  test("suspend with a reason that needs a description, read it in Detalhes and Histórico, then release", async ({
    page,
    loginAs,
  }) => {
    await loginAs("fabricante@demo.test");
    const serial = await openSerial(page, "status=ATIVA&pagina=2");

    await page.getByRole("button", { name: "Ações" }).click();
    await page.getByRole("menuitem", { name: "Suspender" }).click();
    const dialog = page.getByRole("dialog", { name: `Suspender assinatura ${serial}` });
    await dialog.getByLabel("Motivo").selectOption({ label: "Violação de contrato (exige descrição)" });
    await expect(dialog.getByText("Obrigatória para este motivo.")).toBeVisible();
    await dialog.getByRole("button", { name: "Sim" }).click();
    await expect(dialog.getByText("Este motivo exige uma descrição.")).toBeVisible();
    await dialog.getByLabel("Descrição").fill("Uso em mais lojas do que o contratado.");
    await dialog.getByRole("button", { name: "Sim" }).click();
    await expect(page.getByRole("status").filter({ hasText: `Assinatura ${serial} suspensa.` })).toBeVisible();

    const status = page.locator("section").filter({ has: page.getByRole("heading", { name: "Status", exact: true }) });
    await expect(status.getByText("Violação de contrato", { exact: true })).toBeVisible();
    await expect(status.getByText("Uso em mais lojas do que o contratado.")).toBeVisible();
    await expect(status.getByText("Fernanda Albuquerque")).toBeVisible();
    await expect(page.getByText("Pausada enquanto a assinatura estiver suspensa")).toBeVisible();

    await page.getByRole("link", { name: "Histórico", exact: true }).click();
    const event = page.getByRole("listitem").filter({ hasText: "Suspensa" }).first();
    await expect(event).toContainText("Motivo: Violação de contrato");
    await expect(event).toContainText("Uso em mais lojas do que o contratado.");
    await expect(event).toContainText("Fernanda Albuquerque");

    await page.getByRole("button", { name: "Ações" }).click();
    await expect(page.getByRole("menuitem", { name: "Suspender" })).toHaveCount(0);
    await page.getByRole("menuitem", { name: "Liberar" }).click();
    const release = page.getByRole("dialog", { name: `Liberar assinatura ${serial}` });
    await expect(release.getByText("volta a ser uma assinatura ativa")).toBeVisible();
    await release.getByRole("button", { name: "Sim" }).click();
    await expect(page.getByRole("status").filter({ hasText: `Assinatura ${serial} liberada.` })).toBeVisible();
    await expect(page.getByRole("listitem").filter({ hasText: "Liberada" }).first()).toBeVisible();
  });

  test("releasing a serial whose paid period ended shows the article's ATENÇÃO", async ({ page, loginAs }) => {
    await loginAs("fabricante@demo.test");
    const serial = await openSerial(page, "status=TOLERANCIA&ordem=vencimento", -1);
    await page.getByRole("button", { name: "Ações" }).click();
    await page.getByRole("menuitem", { name: "Suspender" }).click();
    const dialog = page.getByRole("dialog", { name: `Suspender assinatura ${serial}` });
    await dialog.getByLabel("Motivo").selectOption({ label: "Pendência financeira" });
    await dialog.getByRole("button", { name: "Sim" }).click();
    await expect(page.getByRole("status").filter({ hasText: "suspensa." })).toBeVisible();
    await page.getByRole("button", { name: "Ações" }).click();
    await page.getByRole("menuitem", { name: "Liberar" }).click();
    const release = page.getByRole("dialog", { name: `Liberar assinatura ${serial}` });
    await expect(release.getByText("ATENÇÃO")).toBeVisible();
    await expect(release.getByText(/renove a assinatura com pagamento retroativo/)).toBeVisible();
    await release.getByRole("button", { name: "Não" }).click();
    await expect(release).toBeHidden();
  });

  test("cancel a serial after reading the instructions; Liberar is no longer offered", async ({ page, loginAs }) => {
    await loginAs("fabricante@demo.test");
    const serial = await openSerial(page, "status=ATIVA&pagina=2", 1);
    await page.getByRole("button", { name: "Ações" }).click();
    await page.getByRole("menuitem", { name: "Cancelar" }).click();
    const dialog = page.getByRole("dialog", { name: `Cancelar assinatura ${serial}` });
    await expect(dialog.getByText(/não poderá ser liberada novamente/)).toBeVisible();
    await dialog.getByLabel("Motivo").selectOption({ label: "Lojista deixou de ser cliente" });
    await dialog.getByRole("button", { name: "Sim" }).click();
    await expect(page.getByRole("status").filter({ hasText: `Assinatura ${serial} cancelada.` })).toBeVisible();
    await page.reload();
    await expect(page.getByText("Cancelada").first()).toBeVisible();
    await expect(page.getByRole("button", { name: "Ações" })).toHaveCount(0);
    await expect(page.getByRole("menuitem", { name: "Liberar" })).toHaveCount(0);
  });

  test("suspend from a row of the list: the row shows the new status at once", async ({ page, loginAs }) => {
    await loginAs("fabricante@demo.test");
    // No status filter, so the suspended serial stays in the list.
    await page.goto("/fabricante/assinaturas?pagina=2");
    // Pinned by the customer's name: once suspended, its "Ativa" count is gone.
    const customer = (await page
      .locator("details")
      .filter({ hasText: "Ativa" })
      .last()
      .locator("summary span.font-semibold")
      .first()
      .textContent())!.trim();
    const group = page.locator("details").filter({ has: page.getByText(customer, { exact: true }) });
    await expand(group);
    const row = group
      .locator("tbody tr")
      .filter({ has: page.getByText("Ativa", { exact: true }) })
      .first();
    const serial = (await row.locator("a").first().textContent())!.trim();
    await row.getByRole("button", { name: `Ações do número de série ${serial}` }).click();
    await page.getByRole("menuitem", { name: "Suspender" }).click();
    const dialog = page.getByRole("dialog", { name: `Suspender assinatura ${serial}` });
    await dialog.getByLabel("Motivo").selectOption({ label: "Pendência financeira" });
    await dialog.getByRole("button", { name: "Sim" }).click();
    await expect(page.getByRole("status").filter({ hasText: `Assinatura ${serial} suspensa.` })).toBeVisible();
    await expect(group.locator("tbody tr").filter({ hasText: serial }).getByText("Suspensa pelo Fabricante")).toBeVisible();
  });

  test("bulk-suspend three serials from the list", async ({ page, loginAs }) => {
    await loginAs("fabricante@demo.test");
    await page.goto("/fabricante/assinaturas?status=ATIVA&pagina=2");
    const groups = page.locator("details");
    const boxes = page.locator('input[name="serials"]');
    for (let index = 2; (await page.locator('details[open] input[name="serials"]').count()) < 3; index++)
      await expand(groups.nth(index));
    const chosen: string[] = [];
    for (const box of (await page.locator('details[open] input[name="serials"]').all()).slice(0, 3)) {
      await box.check();
      chosen.push((await box.getAttribute("value"))!);
    }
    await expect(page.getByText("3 números de série selecionados")).toBeVisible();
    const bulk = page.getByRole("region", { name: "Ações em lote" });
    await bulk.getByLabel("Ação").selectOption("SUSPEND");
    await bulk.getByLabel("Motivo").selectOption({ label: "Pendência financeira" });
    await bulk.getByRole("button", { name: "Aplicar" }).click();
    await page
      .getByRole("dialog", { name: /Aplicar Suspender a 3 números de série/ })
      .getByRole("button", { name: "Sim" })
      .click();
    const result = page.getByRole("dialog", { name: "Resultado" });
    await expect(result.getByText("3 aplicados, nenhum recusado.")).toBeVisible();
    for (const serial of chosen) await expect(result.getByText(serial)).toBeVisible();
    await result.getByRole("button", { name: "Fechar" }).click();
    expect(await boxes.evaluateAll((inputs) => inputs.filter((input) => (input as HTMLInputElement).checked).length)).toBe(0);
    for (const serial of chosen) {
      await page.goto(`/fabricante/assinaturas/${serial}`);
      await expect(page.getByText("Suspensa pelo Fabricante").first()).toBeVisible();
    }
  });

  test("a Convidado sees no Ações and no bulk actions; the lojista sees the new status", async ({ page, loginAs, browser }) => {
    await loginAs("fabricante@demo.test");
    const serial = await openSerial(page, "cliente=Casa+Estilo&status=ATIVA");
    await page.getByRole("button", { name: "Ações" }).click();
    await page.getByRole("menuitem", { name: "Suspender" }).click();
    const dialog = page.getByRole("dialog", { name: `Suspender assinatura ${serial}` });
    await dialog.getByLabel("Motivo").selectOption({ label: "Solicitação do lojista" });
    await dialog.getByRole("button", { name: "Sim" }).click();
    await expect(page.getByRole("status").filter({ hasText: "suspensa." })).toBeVisible();

    const guest = await signIn(browser, "convidado@demo.test");
    await guest.goto("/fabricante/assinaturas");
    await expect(guest.getByRole("heading", { level: 1, name: "Assinaturas" })).toBeVisible();
    await expect(guest.getByRole("region", { name: "Ações em lote" })).toHaveCount(0);
    await expect(guest.locator('input[name="serials"]')).toHaveCount(0);
    await guest.goto(`/fabricante/assinaturas/${serial}`);
    await expect(guest.getByText("Suspensa pelo Fabricante").first()).toBeVisible();
    await expect(guest.getByRole("button", { name: /Ações/ })).toHaveCount(0);
    await guest.context().close();

    const lojista = await signIn(browser, "lojista@demo.test");
    await lojista.goto(`/minhas-assinaturas/${serial}`);
    await expect(lojista.getByText("Suspensa pelo Fabricante").first()).toBeVisible();
    await expect(lojista.getByText("Solicitação do lojista").first()).toBeVisible();
    await expect(lojista.getByRole("button", { name: /Ações/ })).toHaveCount(0);
    await lojista.context().close();
  });
});
