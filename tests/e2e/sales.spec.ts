// Novo cliente, Nova assinatura and Registrar renovação as a Fabricante user (issue 10), and the
// profiles that may not do them.
import type { Locator, Page } from "@playwright/test";
import { cnpjFromRoot } from "../../prisma/seed/identifiers";
import { expect, test } from "./fixtures";

async function expand(details: Locator) {
  if ((await details.getAttribute("open")) === null) await details.locator("summary").click();
  await expect(details).toHaveAttribute("open", "");
  await expect(details.locator("tbody tr").first()).toBeVisible();
}

async function openList(page: Page, query = "") {
  await page.goto(`/fabricante/assinaturas${query}`);
  await expect(page.getByRole("heading", { level: 1, name: "Assinaturas" })).toBeVisible();
}

test.describe("new customers and subscriptions", () => {
  test("registers a customer and its first subscription, then finds the new serial in the list", async ({ page, loginAs }) => {
    await loginAs("fabricante@demo.test");
    await openList(page);
    const name = `Móveis Teste ${Date.now().toString(36)}`;
    const document = cnpjFromRoot(String(10_000_000 + (Date.now() % 80_000_000)));

    await page.getByRole("button", { name: "Novo cliente" }).click();
    const dialog = page.getByRole("dialog", { name: "Novo cliente" });
    // An empty form names every missing field and puts focus on the first one.
    await dialog.getByRole("button", { name: "Cadastrar cliente" }).click();
    await expect(dialog.getByLabel("Nome ou razão social")).toBeFocused();
    await expect(dialog.getByText("Campo obrigatório.").first()).toBeVisible();
    await dialog.getByLabel("Nome ou razão social").fill(name);
    await dialog.getByLabel("CNPJ ou CPF").fill("11.222.333/0001-00");
    await dialog.getByLabel("Tipo").selectOption({ label: "Lojista" });
    await dialog.getByLabel("Cidade").fill("Campinas");
    await dialog.getByLabel("UF").selectOption("SP");
    await dialog.getByLabel("E-mail").fill("compras@teste.com.br");
    await dialog.getByRole("button", { name: "Cadastrar cliente" }).click();
    await expect(dialog.getByText("CNPJ ou CPF inválido: confira os dígitos.")).toBeVisible();
    await expect(dialog.getByLabel("CNPJ ou CPF")).toBeFocused();
    await dialog.getByLabel("CNPJ ou CPF").fill(document);
    await dialog.getByRole("button", { name: "Cadastrar cliente" }).click();
    await expect(dialog.getByRole("status").filter({ hasText: `Cliente ${name} cadastrado.` })).toBeVisible();

    const first = dialog.getByRole("form", { name: `Nova assinatura para ${name}` });
    await first.getByLabel("Produto").selectOption("Render Studio");
    await first.getByLabel("Plano").selectOption({ label: "Anual" });
    await first.getByRole("button", { name: "Criar assinatura" }).click();
    const created = dialog.getByRole("status").filter({ hasText: "Assinatura criada: número de série" });
    await expect(created).toBeVisible();
    const serial = /([A-Z0-9]{4}-[A-Z0-9]{4}-[A-Z0-9]{4}-[A-Z0-9]{4})/.exec((await created.textContent()) ?? "")![1]!;
    await dialog.getByRole("button", { name: "Fechar" }).click();
    await expect(dialog).toBeHidden();

    // The new customer and its serial in the list, Ativa.
    await openList(page, `?cliente=${encodeURIComponent(name)}`);
    const group = page.locator("details").filter({ hasText: name });
    await expect(group).toHaveCount(1);
    await expand(group);
    const row = group.locator("tbody tr").filter({ hasText: serial });
    await expect(row.getByRole("link", { name: serial })).toBeVisible();
    await expect(row.getByText("Render Studio")).toBeVisible();
    await expect(row.getByText("Ativa", { exact: true })).toBeVisible();

    // A second subscription from the customer's row; its Histórico says who created it.
    await group.getByRole("button", { name: `Nova assinatura para ${name}` }).click();
    const second = page.getByRole("dialog", { name: `Nova assinatura para ${name}` });
    await second.getByLabel("Produto").selectOption("Projetista 3D Pro");
    await second.getByRole("button", { name: "Criar assinatura" }).click();
    await expect(second.getByRole("status").filter({ hasText: "Assinatura criada" })).toBeVisible();
    await second.getByRole("link", { name: /Abrir o número de série/ }).click();
    await expect(page.getByRole("heading", { level: 1 })).toHaveText(/^Número de Série [A-Z0-9-]{19}$/);
    await page.getByRole("link", { name: "Histórico", exact: true }).click();
    await expect(page).toHaveURL(/aba=historico/);
    const createdEvent = page.getByRole("listitem").filter({ hasText: "Assinatura criada" });
    await expect(createdEvent).toContainText("Fernanda Albuquerque");
    await expect(createdEvent).toContainText("Válida até");
  });

  test("a Convidado sees no Novo cliente and no Nova assinatura, and is told why", async ({ page, loginAs }) => {
    await loginAs("convidado@demo.test");
    await openList(page);
    await expect(page.getByText(/Somente o perfil Fabricante pode .* cadastrar clientes e assinaturas/)).toBeVisible();
    await expect(page.getByRole("button", { name: "Novo cliente" })).toHaveCount(0);
    const group = page.locator("details").first();
    await expand(group);
    await expect(group.getByRole("button", { name: /Nova assinatura/ })).toHaveCount(0);
  });
});

test.describe("Registrar renovação", () => {
  test("renews an expired serial retroactively and brings it back to Ativa, with the event in Histórico", async ({
    page,
    loginAs,
  }) => {
    await loginAs("fabricante@demo.test");
    await openList(page, "?situacao=EXPIRADA");
    const group = page.locator("details").last();
    await expand(group);
    const link = group.locator("tbody a").first();
    const serial = (await link.textContent())!.trim();
    await link.click();
    await expect(page.getByRole("heading", { level: 1 })).toHaveText(`Número de Série ${serial}`);
    const status = page.locator("section").filter({ has: page.getByRole("heading", { name: "Status", exact: true }) });
    await expect(status.getByText("Expirada").first()).toBeVisible();

    await page.getByRole("button", { name: "Ações" }).click();
    await page.getByRole("menuitem", { name: "Registrar renovação" }).click();
    const dialog = page.getByRole("dialog", { name: `Registrar renovação de ${serial}` });
    const periods = dialog.getByLabel("Períodos pagos");
    await periods.fill("0");
    await dialog.getByRole("button", { name: "Sim" }).click();
    await expect(dialog.getByText("Informe de 1 a 36 períodos.")).toBeVisible();
    await expect(periods).toBeFocused();
    // One period counted from the old expiry of a long-expired serial leaves it expired: said before confirming.
    await periods.fill("36");
    const preview = dialog.getByText(/^Nova validade: \d{2}\/\d{2}\/\d{4}\.$/);
    await expect(preview).toBeVisible();
    const newExpiry = /(\d{2}\/\d{2}\/\d{4})/.exec((await preview.textContent()) ?? "")![1]!;
    await dialog.getByRole("button", { name: "Sim" }).click();
    await expect(page.getByRole("status").filter({ hasText: `Renovação registrada: ${serial} válido até ${newExpiry}.` })).toBeVisible();

    await expect(status.getByText("Ativa", { exact: true }).first()).toBeVisible();
    const plan = page.locator("section").filter({ has: page.getByRole("heading", { name: "Plano e vigência" }) });
    await expect(plan.getByText(newExpiry).first()).toBeVisible();
    await expect(plan.getByText(new RegExp(`validade de \\d{2}/\\d{2}/\\d{4} para ${newExpiry}`))).toBeVisible();

    await page.getByRole("link", { name: "Histórico", exact: true }).click();
    await expect(page).toHaveURL(/aba=historico/);
    const renewed = page.getByRole("listitem").filter({ hasText: "Renovada" }).first();
    await expect(renewed).toContainText(`→ ${newExpiry}`);
    await expect(renewed).toContainText("Fernanda Albuquerque");
  });
});
