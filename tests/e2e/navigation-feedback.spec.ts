// A page that is changing says so at once and can't be acted on meanwhile: the serial's page is
// held back (its RSC request waits) to make "meanwhile" long enough to look at, as on a loaded server.
import type { Page } from "@playwright/test";
import { expect, test } from "./fixtures";

const LIST = "/fabricante/assinaturas?status=ATIVA&ordem=vencimento&porPagina=10&pagina=4";

/** Holds the RSC requests of the serial pages (GET …?_rsc=…) until release() is called. */
async function holdSerialPages(page: Page) {
  let release!: () => void;
  const released = new Promise<void>((resolve) => (release = resolve));
  let held = 0;
  await page.route(
    (url) => url.searchParams.has("_rsc") && /^\/fabricante\/assinaturas\/[^/]+$/.test(url.pathname),
    async (route) => {
      if (route.request().method() !== "GET") return route.continue();
      held++;
      await released;
      await route.continue();
    },
  );
  return { release, held: () => held };
}

/** Opens the first two customers of the list; returns them. */
async function openCustomers(page: Page) {
  await page.goto(LIST);
  await expect(page.getByRole("heading", { level: 1, name: "Assinaturas" })).toBeVisible();
  const groups = [page.locator("details").nth(0), page.locator("details").nth(1)];
  for (const group of groups) {
    await group.locator("summary").click();
    await expect(group.locator("tbody tr").first()).toBeVisible();
  }
  return groups;
}

test("clicking a serial number shows at once that the page is changing; the list can't be acted on meanwhile", async ({
  page,
  loginAs,
}) => {
  await loginAs("fabricante@demo.test");
  const [group, other] = await openCustomers(page);
  const hold = await holdSerialPages(page);
  const link = group!.locator("tbody a").first();
  const serial = (await link.textContent())!.trim();

  await link.click();
  const pending = page.getByRole("status").filter({ hasText: "Carregando a página…" });
  await expect(pending).toBeVisible();
  expect(hold.held()).toBeGreaterThan(0);
  const list = page.locator("[data-navigation-pending]");
  await expect(list).toHaveAttribute("inert", "");
  await expect(list).toHaveAttribute("aria-busy", "true");
  // Another row's Ações menu doesn't open while the serial's page is on its way.
  await other!.locator("button", { hasText: "Ações" }).first().click({ force: true });
  await expect(page.getByRole("menuitem", { name: "Suspender" })).toHaveCount(0);

  hold.release();
  await expect(page.getByRole("heading", { level: 1 })).toHaveText(`Número de Série ${serial}`);
  await expect(pending).toHaveCount(0);
  await expect(page.locator("[inert]")).toHaveCount(0);
  await expect(page.getByRole("dialog")).toHaveCount(0);
});

test("after Sim the page shows it is refreshing until the new status is on it", async ({ page, loginAs }) => {
  await loginAs("fabricante@demo.test");
  const [group] = await openCustomers(page);
  const link = group!.locator("tbody a").first();
  const serial = (await link.textContent())!.trim();
  await link.click();
  await expect(page.getByRole("heading", { level: 1 })).toHaveText(`Número de Série ${serial}`);
  const hold = await holdSerialPages(page);

  await page.getByRole("button", { name: "Ações" }).click();
  await page.getByRole("menuitem", { name: "Suspender" }).click();
  const dialog = page.getByRole("dialog", { name: `Suspender assinatura ${serial}` });
  await dialog.getByLabel("Motivo").selectOption({ index: 1 });
  const description = dialog.getByLabel("Descrição");
  await description.fill("Teste de atualização da página.");
  await dialog.getByRole("button", { name: "Sim" }).click();
  const pending = page.getByRole("status").filter({ hasText: "Carregando a página…" });
  await expect(pending).toBeVisible();
  await expect(page.locator("[data-navigation-pending]")).toHaveAttribute("aria-busy", "true");

  hold.release();
  await expect(pending).toHaveCount(0);
  const status = page.locator("section").filter({ has: page.getByRole("heading", { name: "Status", exact: true }) });
  await expect(status.getByText("Suspensa pelo Fabricante").first()).toBeVisible();

  // Back as it was, for the other specs.
  await page.getByRole("button", { name: "Ações" }).click();
  await page.getByRole("menuitem", { name: "Liberar" }).click();
  await page
    .getByRole("dialog", { name: `Liberar assinatura ${serial}` })
    .getByRole("button", { name: "Sim" })
    .click();
  await expect(status.getByText("Suspensa pelo Fabricante")).toHaveCount(0);
});
