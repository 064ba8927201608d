// The list (a customer expanded), the serial page with its Ações menu open, its dialog and the
// Ativações tab at phone width (390 px, and 320 px for the menu) and at 1280 px: screenshots to
// look at, and assertions that no interactive element lies outside the viewport, that no table
// scrolls sideways, and that axe-core finds nothing.
import AxeBuilder from "@axe-core/playwright";
import type { Page, TestInfo } from "@playwright/test";
import { expect, test } from "./fixtures";

const WIDTHS = [390, 1280] as const;

/** Interactive elements that are rendered but lie (partly) outside the viewport's width. */
async function offscreenInteractive(page: Page, options: { vertical?: boolean } = {}): Promise<string[]> {
  return page.evaluate(({ vertical }) => {
    const selector = 'a[href], button, input:not([type="hidden"]), select, textarea, summary, [tabindex="0"], [role="menuitem"]';
    const width = document.documentElement.clientWidth;
    const height = window.innerHeight;
    return Array.from(document.querySelectorAll<HTMLElement>(selector))
      .filter((element) => {
        const style = getComputedStyle(element);
        const rect = element.getBoundingClientRect();
        if (style.visibility === "hidden" || rect.width === 0 || rect.height === 0) return false;
        // Visually hidden skip links (1 × 1 px, clipped) are not on screen until focused.
        if (style.position === "absolute" && rect.width <= 1 && rect.height <= 1) return false;
        const outside = rect.left < -0.5 || rect.right > width + 0.5;
        return outside || (vertical && (rect.top < -0.5 || rect.bottom > height + 0.5));
      })
      .map((element) => `${element.tagName.toLowerCase()} "${(element.textContent ?? "").trim().slice(0, 40)}"`);
  }, options);
}

/** Elements that scroll sideways (a table in a scroll box, or the page itself). */
async function sidewaysScrollers(page: Page): Promise<string[]> {
  return page.evaluate(() => {
    const found: string[] = [];
    if (document.documentElement.scrollWidth > document.documentElement.clientWidth + 1) found.push("the page");
    for (const element of Array.from(document.querySelectorAll<HTMLElement>("body *"))) {
      const overflow = getComputedStyle(element).overflowX;
      if ((overflow === "auto" || overflow === "scroll") && element.scrollWidth > element.clientWidth + 1)
        found.push(`${element.tagName.toLowerCase()}.${element.className}`.slice(0, 80));
    }
    for (const table of Array.from(document.querySelectorAll("table"))) {
      const rect = table.getBoundingClientRect();
      if (rect.right > document.documentElement.clientWidth + 0.5) found.push(`table "${table.caption?.textContent ?? ""}"`);
    }
    return found;
  });
}

async function expectAxeClean(page: Page) {
  const results = await new AxeBuilder({ page }).analyze();
  expect(
    results.violations.map((violation) => `${violation.id}: ${violation.nodes.map((node) => node.target).join(", ")}`),
  ).toEqual([]);
}

async function shoot(page: Page, testInfo: TestInfo, name: string, fullPage = false) {
  const path = testInfo.outputPath(`${name}.png`);
  await page.screenshot({ path, fullPage });
  await testInfo.attach(name, { path, contentType: "image/png" });
}

for (const width of WIDTHS) {
  test.describe(`at ${width} px`, () => {
    test.use({ viewport: { width, height: width < 1024 ? 844 : 800 } });

    test("the list with a customer expanded", async ({ page, loginAs }, testInfo) => {
      await loginAs("fabricante@demo.test");
      await page.goto("/fabricante/assinaturas?porPagina=10&pagina=4");
      await expect(page.getByRole("heading", { level: 1, name: "Assinaturas" })).toBeVisible();
      if (width < 1024) {
        // Filters and bulk actions fold behind one button each; the first customer is on the first screen.
        const toggle = page.getByRole("button", { name: /^Filtros/ });
        await expect(toggle).toHaveAttribute("aria-expanded", "false");
        await expect(page.getByRole("search")).toBeHidden();
        const firstCustomer = page.locator("details summary").first();
        const box = await firstCustomer.boundingBox();
        expect(box!.y + box!.height, "the first customer is on the first screen").toBeLessThan(844 * 1.5);
      }
      const group = page.locator("details").first();
      await group.locator("summary").click();
      await expect(group.locator("tbody tr").first()).toBeVisible();
      expect(await sidewaysScrollers(page)).toEqual([]);
      expect(await offscreenInteractive(page)).toEqual([]);
      await shoot(page, testInfo, `list-${width}`, true);
      await expectAxeClean(page);

      if (width < 1024) {
        const toggle = page.getByRole("button", { name: /^Filtros/ });
        await toggle.click();
        await expect(page.getByRole("search")).toBeVisible();
        expect(await offscreenInteractive(page)).toEqual([]);
        await shoot(page, testInfo, `list-filters-open-${width}`);
      }
    });

    test("the serial page with the Ações menu open, its dialog, and Ativações", async ({ page, loginAs }, testInfo) => {
      await loginAs("fabricante@demo.test");
      await page.goto("/fabricante/assinaturas?status=ATIVA&porPagina=10&pagina=2&ordem=trocas");
      const group = page.locator("details").first();
      await group.locator("summary").click();
      const link = group.locator("tbody tr a").first();
      const serial = (await link.textContent())!.trim();
      await page.goto(`/fabricante/assinaturas/${serial}`);
      await expect(page.getByRole("heading", { level: 1 })).toHaveText(`Número de Série ${serial}`);

      await page.getByRole("button", { name: "Ações", exact: true }).click();
      await expect(page.getByRole("menuitem", { name: "Suspender" })).toBeVisible();
      expect(
        await offscreenInteractive(page, { vertical: true }).then((all) =>
          all.filter((item) => item.includes("menuitem") || item.startsWith("button")),
        ),
      ).toEqual([]);
      const menu = await page.getByRole("menu").boundingBox();
      expect(menu!.x).toBeGreaterThanOrEqual(0);
      expect(menu!.x + menu!.width).toBeLessThanOrEqual(width);
      await shoot(page, testInfo, `serial-menu-${width}`);
      await expectAxeClean(page);

      await page.getByRole("menuitem", { name: "Suspender" }).click();
      const dialog = page.getByRole("dialog", { name: `Suspender assinatura ${serial}` });
      await expect(dialog).toBeVisible();
      const box = await dialog.boundingBox();
      expect(box!.x).toBeGreaterThanOrEqual(0);
      expect(box!.x + box!.width).toBeLessThanOrEqual(width);
      expect(
        await dialog.evaluate(
          (element) =>
            Array.from(element.querySelectorAll<HTMLElement>("button, select, textarea, input"))
              .map((control) => control.getBoundingClientRect())
              .filter((rect) => rect.left < 0 || rect.right > document.documentElement.clientWidth).length,
        ),
      ).toBe(0);
      await shoot(page, testInfo, `serial-dialog-${width}`);
      await expectAxeClean(page);
      await page.keyboard.press("Escape");

      await page.getByRole("link", { name: "Ativações" }).click();
      await expect(page).toHaveURL(/aba=ativacoes/);
      expect(await sidewaysScrollers(page)).toEqual([]);
      expect(await offscreenInteractive(page)).toEqual([]);
      await shoot(page, testInfo, `serial-activations-${width}`, true);
    });
  });
}

test.describe("at 320 px", () => {
  test.use({ viewport: { width: 320, height: 640 } });

  test("the row menu of the last column stays on screen", async ({ page, loginAs }) => {
    await loginAs("fabricante@demo.test");
    await page.goto("/fabricante/assinaturas?status=ATIVA&porPagina=10&pagina=2&ordem=trocas");
    const group = page.locator("details").first();
    await group.locator("summary").click();
    const button = group
      .locator("tbody tr")
      .first()
      .getByRole("button", { name: /Ações do número de série/ });
    await button.click();
    await expect(page.getByRole("menuitem").first()).toBeVisible();
    const menu = await page.getByRole("menu").boundingBox();
    expect(menu!.x).toBeGreaterThanOrEqual(0);
    expect(menu!.x + menu!.width).toBeLessThanOrEqual(320);
    expect(await sidewaysScrollers(page)).toEqual([]);
  });
});
