// Configurações → Motivos: the Fabricante writes a reason in Portuguese and English, the Suspender
// dialog offers it in each language, and once deactivated it is no longer offered.
import type { Page } from "@playwright/test";
import { expect, test } from "./fixtures";

test("a reason written in Configurações is offered by Suspender in both languages, until deactivated", async ({
  page,
  loginAs,
  context,
  baseURL,
  expectNoSeriousA11yViolations,
}) => {
  const label = `Auditoria ${Date.now()}`;
  await loginAs("fabricante@demo.test");
  await page.goto("/fabricante/configuracoes");
  await expect(page.getByRole("heading", { level: 1, name: "Configurações da conta" })).toBeVisible();
  await page.getByRole("link", { name: "Editar os motivos" }).click();
  await expect(page).toHaveURL(/\/fabricante\/configuracoes\/motivos$/);
  await expect(page.getByRole("heading", { level: 1, name: "Motivos de suspensão e cancelamento" })).toBeVisible();

  const suspensions = page.getByRole("region", { name: "Motivos de suspensão" });
  await suspensions.getByRole("button", { name: "Novo motivo" }).click();
  const dialog = page.getByRole("dialog", { name: "Novo motivo" });
  await expect(dialog).toBeVisible();
  // Saved empty: the error is on the field, and focus is there.
  await dialog.getByRole("button", { name: "Salvar" }).click();
  const labelField = dialog.getByRole("textbox", { name: /Motivo \(português\)/ });
  await expect(labelField).toHaveAttribute("aria-invalid", "true");
  await expect(labelField).toBeFocused();
  await expect(dialog.getByText("Campo obrigatório.")).toBeVisible();

  await labelField.fill(label);
  await dialog.getByRole("textbox", { name: "Motivo (inglês)" }).fill(`Audit ${label.slice(10)}`);
  await dialog.getByRole("button", { name: "Salvar" }).click();
  await expect(dialog).toBeHidden();
  const row = suspensions.getByRole("row").filter({ hasText: label });
  await expect(row).toContainText(`Audit ${label.slice(10)}`);
  await expect(row).toContainText("Ativo");

  // The same wording twice is refused on the field.
  await suspensions.getByRole("button", { name: "Novo motivo" }).click();
  await dialog.getByRole("textbox", { name: /Motivo \(português\)/ }).fill(label.toUpperCase());
  await dialog.getByRole("button", { name: "Salvar" }).click();
  await expect(dialog.getByText("Já existe um motivo deste tipo com este texto.")).toBeVisible();
  await page.keyboard.press("Escape");
  await expectNoSeriousA11yViolations(page);

  // Offered by Suspender, in Portuguese and in English.
  const serial = await firstActiveSerial(page);
  await page.goto(`/fabricante/assinaturas/${serial}`);
  await expect(page.getByRole("heading", { level: 1 })).toHaveText(`Número de Série ${serial}`);
  await page.getByRole("button", { name: "Ações", exact: true }).click();
  await page.getByRole("menuitem", { name: "Suspender" }).click();
  const suspend = page.getByRole("dialog", { name: new RegExp(`Suspender .*${serial}`) });
  await expect(suspend.getByRole("option", { name: label })).toBeAttached();
  await page.keyboard.press("Escape");

  await context.addCookies([{ name: "NEXT_LOCALE", value: "en", url: baseURL! }]);
  await page.goto(`/fabricante/assinaturas/${serial}`);
  await expect(page.getByRole("heading", { level: 1 })).toContainText(serial);
  await page.getByRole("button", { name: "Actions", exact: true }).click();
  await page.getByRole("menuitem", { name: "Suspend" }).click();
  await expect(page.getByRole("dialog").getByRole("option", { name: `Audit ${label.slice(10)}` })).toBeAttached();
  await page.keyboard.press("Escape");
  await context.addCookies([{ name: "NEXT_LOCALE", value: "pt-BR", url: baseURL! }]);

  // Deactivated: still listed in Motivos, no longer offered.
  await page.goto("/fabricante/configuracoes/motivos");
  await expect(page.getByRole("heading", { level: 1, name: "Motivos de suspensão e cancelamento" })).toBeVisible();
  await page.getByRole("button", { name: `Desativar o motivo ${label}` }).click();
  await expect(suspensions.getByRole("row").filter({ hasText: label })).toContainText("Desativado");
  await page.goto(`/fabricante/assinaturas/${serial}`);
  await expect(page.getByRole("heading", { level: 1 })).toHaveText(`Número de Série ${serial}`);
  await page.getByRole("button", { name: "Ações", exact: true }).click();
  await page.getByRole("menuitem", { name: "Suspender" }).click();
  await expect(page.getByRole("dialog").getByRole("option", { name: "Pendência financeira" })).toBeAttached();
  await expect(page.getByRole("dialog").getByRole("option", { name: label })).toHaveCount(0);
});

async function firstActiveSerial(page: Page): Promise<string> {
  await page.goto("/fabricante/assinaturas?status=ATIVA");
  await expect(page.getByRole("heading", { level: 1, name: "Assinaturas" })).toBeVisible();
  const group = page.locator("details").first();
  await group.locator("summary").click();
  const link = group.locator("tbody tr a").first();
  await expect(link).toBeVisible();
  return (await link.textContent())!.trim();
}
