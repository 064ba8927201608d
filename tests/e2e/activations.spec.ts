// The desktop activates a serial on two computers (a troca) through the license API, and the
// Fabricante sees it in Ativações and Histórico, then frees the serial's computer from Ativações.
import { randomBytes } from "node:crypto";
import type { APIRequestContext, Page } from "@playwright/test";
import { expect, test } from "./fixtures";

const SERIAL = /^[A-Z0-9]{4}(-[A-Z0-9]{4}){3}$/;
const computer = (name: string) => ({ id: randomBytes(16).toString("hex"), name, os: "Windows 11 Pro", appVersion: "5.4.2" });
const nonce = () => randomBytes(16).toString("base64url");

/** Serial numbers of paid-up subscriptions, from the first customers of the list. */
async function activeSerials(page: Page): Promise<string[]> {
  await page.goto("/fabricante/assinaturas?situacao=ATIVA");
  const groups = page.locator("details");
  await expect(groups.first()).toBeVisible();
  for (const details of (await groups.all()).slice(0, 3)) {
    if ((await details.getAttribute("open")) === null) await details.locator("summary").click();
    // The rows load from the server when the customer is opened.
    await expect(details.locator("tbody tr").first()).toBeVisible();
  }
  const texts = await page.locator("details[open] tbody a").allTextContents();
  return texts.map((text) => text.trim()).filter((text) => SERIAL.test(text));
}

/** A serial that accepts two more machine changes: activated on A, then swapped to B. */
async function swapSomeSerial(request: APIRequestContext, serials: string[], a: ReturnType<typeof computer>, b: typeof a) {
  for (const serialNumber of serials) {
    const first = await request.post("/api/v1/licenses/activate", { data: { serialNumber, machine: a, nonce: nonce() } });
    if (first.status() !== 200) continue;
    const second = await request.post("/api/v1/licenses/activate", { data: { serialNumber, machine: b, nonce: nonce() } });
    if (second.status() === 200) return serialNumber;
  }
  throw new Error("no demo serial accepted two machine changes");
}

test.describe("Ativações", () => {
  test("a troca made by the desktop shows in Ativações and Histórico; the Fabricante then deactivates the computer", async ({
    page,
    loginAs,
    expectNoSeriousA11yViolations,
  }) => {
    await loginAs("fabricante@demo.test");
    const tag = randomBytes(3).toString("hex").toUpperCase();
    const [oldMachine, newMachine] = [computer(`E2E-ANTIGO-${tag}`), computer(`E2E-NOVO-${tag}`)];
    const serial = await swapSomeSerial(page.request, await activeSerials(page), oldMachine, newMachine);

    await page.goto(`/fabricante/assinaturas/${serial}`);
    await page.getByRole("link", { name: "Ativações" }).click();
    const table = page.getByRole("table");
    const newRow = table.getByRole("row").filter({ hasText: newMachine.name });
    const oldRow = table.getByRole("row").filter({ hasText: oldMachine.name });
    await expect(newRow.getByText("Ativo", { exact: true })).toBeVisible();
    await expect(oldRow.getByText("Troca de computador")).toBeVisible();

    await page.getByRole("link", { name: "Histórico", exact: true }).click();
    const swapEvent = page.getByRole("listitem").filter({ hasText: "Troca de computador" }).filter({ hasText: newMachine.name });
    await expect(swapEvent).toBeVisible();
    await expect(swapEvent.getByText("Aplicativo no computador")).toBeVisible();

    // The Fabricante frees the serial: a reason is required, then "Sim".
    await page.getByRole("link", { name: "Ativações" }).click();
    await newRow.getByRole("button", { name: "Desativar computador" }).click();
    const dialog = page.getByRole("dialog", { name: "Desativar computador" });
    await expect(dialog).toBeVisible();
    await expect(dialog.getByText(newMachine.name)).toBeVisible();
    await expectNoSeriousA11yViolations(page);
    await dialog.getByRole("button", { name: "Sim" }).click();
    await expect(dialog.getByText("Campo obrigatório.")).toBeVisible();
    const note = `Computador formatado pelo cliente (${tag})`;
    await dialog.getByLabel("Motivo da desativação").fill(note);
    await dialog.getByRole("button", { name: "Sim" }).click();
    await expect(dialog.getByRole("status")).toHaveText(new RegExp(`Computador ${newMachine.name} desativado`));
    await dialog.getByRole("button", { name: "Fechar" }).click();
    await expect(dialog).toBeHidden();

    await expect(newRow.getByText("Desativada pelo Fabricante")).toBeVisible();
    await expect(newRow.getByText(note)).toBeVisible();
    await expect(table.getByText("Ativo", { exact: true })).toHaveCount(0);
    await expect(page.getByRole("button", { name: "Desativar computador" })).toHaveCount(0);

    await page.getByRole("link", { name: "Histórico", exact: true }).click();
    const deactivated = page.getByRole("listitem").filter({ hasText: "Computador desativado" }).filter({ hasText: note });
    await expect(deactivated).toBeVisible();

    // The desktop learns it on its next check-in.
    const checkIn = await page.request.post("/api/v1/licenses/check-in", {
      data: { serialNumber: serial, machineId: newMachine.id, nonce: nonce() },
    });
    expect(checkIn.status()).toBe(409);
    expect((await checkIn.json()).error.code).toBe("NOT_ACTIVATED");
  });

  test("Fabricante → Configurações: the swap limit and the tolerance days, checked before saving", async ({
    page,
    loginAs,
    expectNoSeriousA11yViolations,
  }) => {
    await loginAs("fabricante@demo.test");
    await page.goto("/");
    await page.getByRole("navigation", { name: "Menu principal" }).getByRole("link", { name: "Configurações" }).click();
    await expect(page.getByRole("heading", { level: 1, name: "Configurações da conta" })).toBeVisible();
    const swapLimit = page.getByLabel("Limite de trocas de computador em 30 dias");
    const graceDays = page.getByLabel("Período de Tolerância (dias)");
    const current = { swapLimit: await swapLimit.inputValue(), graceDays: await graceDays.inputValue() };
    expect(Number(current.swapLimit)).toBeGreaterThanOrEqual(0);
    await expectNoSeriousA11yViolations(page);

    await swapLimit.fill("101");
    await page.getByRole("button", { name: "Salvar" }).click();
    await expect(page.getByText("Valor inválido.")).toBeVisible();
    await expect(swapLimit).toHaveAttribute("aria-invalid", "true");

    // Saved unchanged, so the other tests' demo data keeps its rules.
    await swapLimit.fill(current.swapLimit);
    await page.getByRole("button", { name: "Salvar" }).click();
    await expect(page.getByRole("status")).toHaveText("Configurações salvas.");
    await page.reload();
    await expect(swapLimit).toHaveValue(current.swapLimit);
    await expect(graceDays).toHaveValue(current.graceDays);
  });

  test("Configurações is only for the Fabricante profile: others get a 404 and no menu entry", async ({ page, loginAs }) => {
    for (const email of ["convidado@demo.test", "admin@demo.test", "lojista@demo.test"]) {
      await page.context().clearCookies();
      await loginAs(email);
      await page.goto("/");
      await expect(page.getByRole("link", { name: "Configurações" })).toHaveCount(0);
      const response = await page.goto("/fabricante/configuracoes");
      expect(response?.status(), email).toBe(404);
    }
  });
});
