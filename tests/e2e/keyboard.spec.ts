// Suspender, Liberar and Cancelar with the keyboard alone — on the serial page and from a row of
// the list — checking after every step where focus is: the Ações menu (Enter/Space, arrows,
// Escape, Tab out), its dialogs (Escape, Não, a failed Sim, Sim) and the skip links.
import type { Locator, Page } from "@playwright/test";
import { expect, test } from "./fixtures";

/** Presses Tab until `target` has focus (at most `max` presses); returns how many it took. */
async function tabTo(page: Page, target: Locator, max = 60): Promise<number> {
  for (let presses = 1; presses <= max; presses++) {
    await page.keyboard.press("Tab");
    if (await target.evaluate((element) => element === document.activeElement)) return presses;
  }
  throw new Error(`focus never reached ${target} in ${max} Tab presses`);
}

/** Active serials of one customer, read from the list (setup only: the test itself uses no mouse). */
async function activeSerials(page: Page, query: string, count: number): Promise<string[]> {
  await page.goto(`/fabricante/assinaturas?${query}`);
  const serials: string[] = [];
  for (const group of await page.locator("details").all()) {
    await group.locator("summary").click();
    await expect(group.locator("tbody tr").first()).toBeVisible();
    for (const link of await group.locator("tbody tr a").all()) serials.push((await link.textContent())!.trim());
    if (serials.length >= count) return serials.slice(0, count);
  }
  throw new Error(`fewer than ${count} active serials at ${query}`);
}

/** Chooses a reason in the focused Motivo by typing its first letter, as a keyboard user does. */
async function chooseReason(page: Page, motivo: Locator, letter: string, label: string) {
  await expect(motivo).toBeFocused();
  await page.keyboard.press(letter);
  await expect(motivo.locator("option:checked")).toHaveText(label);
}

/**
 * The three actions through `menuButton`, which must have focus. `afterCancel` is where focus
 * must be once the serial is cancelled (the menu is gone then).
 */
async function suspendReleaseCancel(
  page: Page,
  serial: string,
  menuButton: Locator,
  /** Where the serial's status shows (the page's header, or the row). */
  status: Locator,
  afterCancel: () => Locator,
) {
  const menu = page.getByRole("menu");
  const suspend = page.getByRole("dialog", { name: `Suspender assinatura ${serial}` });

  // Enter opens on the first item; arrows move and wrap; Escape closes back onto the button.
  await page.keyboard.press("Enter");
  await expect(menu.getByRole("menuitem", { name: "Suspender" })).toBeFocused();
  await page.keyboard.press("ArrowDown");
  await expect(menu.getByRole("menuitem", { name: "Cancelar" })).toBeFocused();
  await page.keyboard.press("ArrowDown");
  await expect(menu.getByRole("menuitem", { name: "Registrar renovação" })).toBeFocused();
  await page.keyboard.press("ArrowDown");
  await expect(menu.getByRole("menuitem", { name: "Suspender" })).toBeFocused();
  await page.keyboard.press("ArrowUp");
  await expect(menu.getByRole("menuitem", { name: "Registrar renovação" })).toBeFocused();
  await page.keyboard.press("Escape");
  await expect(menu).toHaveCount(0);
  await expect(menuButton).toBeFocused();
  await expect(menuButton).toHaveAttribute("aria-expanded", "false");

  // Space opens it too; Tab leaves it and it closes.
  await page.keyboard.press(" ");
  await expect(menu.getByRole("menuitem", { name: "Suspender" })).toBeFocused();
  await page.keyboard.press("Tab");
  await expect(menu).toHaveCount(0);
  await page.keyboard.press("Shift+Tab");
  await expect(menuButton).toBeFocused();

  // Suspender: Escape closes the dialog back onto Ações; so does Não.
  await page.keyboard.press("Enter");
  await page.keyboard.press("Enter");
  await expect(suspend).toBeVisible();
  const motivo = suspend.getByLabel("Motivo");
  await expect(suspend.getByText("Motivo (obrigatório)")).toBeVisible();
  await expect(motivo).toHaveAttribute("aria-required", "true");
  await expect(motivo).toBeFocused();
  await page.keyboard.press("Escape");
  await expect(suspend).toHaveCount(0);
  await expect(menuButton).toBeFocused();

  await page.keyboard.press("Enter");
  await page.keyboard.press("Enter");
  await expect(suspend).toBeVisible();
  await tabTo(page, suspend.getByRole("button", { name: "Não" }));
  await page.keyboard.press("Enter");
  await expect(suspend).toHaveCount(0);
  await expect(menuButton).toBeFocused();

  // Sim without a reason: the error is shown and focus goes to Motivo, the field to fix.
  await page.keyboard.press("Enter");
  await page.keyboard.press("Enter");
  await tabTo(page, suspend.getByRole("button", { name: "Sim" }));
  await page.keyboard.press("Enter");
  await expect(suspend.getByText("Selecione o motivo.", { exact: true })).toBeVisible();
  await expect(motivo).toHaveAttribute("aria-invalid", "true");
  await expect(motivo).toBeFocused();
  await chooseReason(page, motivo, "p", "Pendência financeira");
  await tabTo(page, suspend.getByRole("button", { name: "Sim" }));
  await page.keyboard.press("Enter");
  await expect(suspend).toHaveCount(0);
  await expect(page.getByRole("status").filter({ hasText: `Assinatura ${serial} suspensa.` })).toBeVisible();
  await expect(status.getByText("Suspensa pelo Fabricante").first()).toBeVisible();
  await expect(menuButton).toBeFocused();

  // Liberar, now offered after Cancelar.
  const release = page.getByRole("dialog", { name: `Liberar assinatura ${serial}` });
  await page.keyboard.press("Enter");
  await expect(menu.getByRole("menuitem", { name: "Cancelar" })).toBeFocused();
  await page.keyboard.press("ArrowDown");
  await expect(menu.getByRole("menuitem", { name: "Liberar" })).toBeFocused();
  await page.keyboard.press("Enter");
  await expect(release).toBeVisible();
  await tabTo(page, release.getByRole("button", { name: "Sim" }));
  await page.keyboard.press("Enter");
  await expect(release).toHaveCount(0);
  await expect(page.getByRole("status").filter({ hasText: `Assinatura ${serial} liberada.` })).toBeVisible();
  await expect(menuButton).toBeFocused();
  await expect(menuButton).toHaveAttribute("aria-expanded", "false");

  // Cancelar, reached with End (Registrar renovação, the last item) and one step up.
  const cancel = page.getByRole("dialog", { name: `Cancelar assinatura ${serial}` });
  await page.keyboard.press("Enter");
  await expect(menu.getByRole("menuitem", { name: "Suspender" })).toBeFocused();
  await page.keyboard.press("End");
  await expect(menu.getByRole("menuitem", { name: "Registrar renovação" })).toBeFocused();
  await page.keyboard.press("ArrowUp");
  await expect(menu.getByRole("menuitem", { name: "Cancelar" })).toBeFocused();
  await page.keyboard.press("Enter");
  await expect(cancel).toBeVisible();
  await chooseReason(page, cancel.getByLabel("Motivo"), "e", "Encerramento de contrato");
  await tabTo(page, cancel.getByRole("button", { name: "Sim" }));
  await page.keyboard.press("Enter");
  await expect(cancel).toHaveCount(0);
  await expect(menuButton).toHaveCount(0);
  await expect(afterCancel()).toBeFocused();
}

test.describe("keyboard only", () => {
  test("the serial page: suspend, release and cancel through the Ações menu", async ({ page, loginAs }) => {
    await loginAs("fabricante@demo.test");
    const [serial] = await activeSerials(page, "status=ATIVA&ordem=vencimento&porPagina=10&pagina=3", 1);
    await page.goto(`/fabricante/assinaturas/${serial}`);
    await expect(page.getByRole("heading", { level: 1 })).toHaveText(`Número de Série ${serial}`);

    const menuButton = page.getByRole("button", { name: "Ações", exact: true });
    await tabTo(page, menuButton);
    await suspendReleaseCancel(page, serial!, menuButton, page.locator("main"), () =>
      page.getByRole("status").filter({ hasText: `Assinatura ${serial} cancelada.` }),
    );
    await expect(page.getByText("Cancelada", { exact: true }).first()).toBeVisible();
  });

  test("a row of the list: skip links, then suspend, release and cancel from the row's menu", async ({ page, loginAs }) => {
    await loginAs("fabricante@demo.test");
    const [, serial] = await activeSerials(page, "status=ATIVA&ordem=vencimento&porPagina=10&pagina=3", 2);
    // Filtered to this serial (not by status), so the row stays in the list whatever it becomes.
    await page.goto(`/fabricante/assinaturas?serie=${serial}`);
    await expect(page.getByRole("heading", { level: 1, name: "Assinaturas" })).toBeVisible();

    // From the top of the page: skip to the content, skip the filters, and the first customer is next.
    await page.keyboard.press("Tab");
    await expect(page.getByRole("link", { name: "Pular para o conteúdo" })).toBeFocused();
    await page.keyboard.press("Enter");
    await page.keyboard.press("Tab");
    await expect(page.getByRole("link", { name: "Pular para a lista de clientes" })).toBeFocused();
    await page.keyboard.press("Enter");
    await page.keyboard.press("Tab");
    const group = page.locator("details").first();
    await expect(group.locator("summary")).toBeFocused();

    const row = group.locator("tbody tr").filter({ hasText: serial! });
    await expect(row).toBeVisible();
    const menuButton = row.getByRole("button", { name: `Ações do número de série ${serial}` });
    const presses = await tabTo(page, menuButton, 5);
    expect(presses, "checkbox and serial link, then the row's Ações").toBeLessThanOrEqual(3);
    await suspendReleaseCancel(page, serial!, menuButton, row, () =>
      row.getByRole("status").filter({ hasText: `Assinatura ${serial} cancelada.` }),
    );
    await expect(row.getByText(/^Cancelada · Encerramento de contrato/)).toBeVisible();
  });

  test("a failed login puts focus back on the form", async ({ page }) => {
    await page.goto("/login");
    await page.getByLabel("E-mail").focus();
    await page.keyboard.press("Enter");
    await expect(page.getByLabel("E-mail")).toBeFocused();
    await expect(page.getByLabel("E-mail")).toHaveAttribute("aria-invalid", "true");
    await page.keyboard.type("fabricante@demo.test");
    await page.keyboard.press("Tab");
    await page.keyboard.type("senha-errada");
    await page.keyboard.press("Enter");
    await expect(page.getByRole("alert")).toBeVisible();
    await expect(page.getByLabel("E-mail")).toBeFocused();
  });
});
