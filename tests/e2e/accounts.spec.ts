import { expect, test } from "./fixtures";

test.describe("accounts in the header", () => {
  test("a Fabricante in two manufacturer accounts switches between them from the header", async ({ page, loginAs }) => {
    await loginAs("fabricante@demo.test");
    await page.goto("/");
    const switcher = page.getByRole("button", { name: /Conta atual/ });
    const before = (await switcher.textContent()) ?? "";
    await switcher.click();
    const options = page.getByRole("button").filter({ hasText: "Fabricante" }).and(page.locator("[name=accountId]"));
    await expect(options).toHaveCount(2);
    await options.filter({ hasNotText: "atual" }).click();
    await expect(switcher).not.toHaveText(before);
    const after = (await switcher.textContent()) ?? "";

    // The choice survives a reload: it is kept for the session, and re-checked on every request.
    await page.reload();
    await expect(page.getByRole("button", { name: /Conta atual/ })).toHaveText(after);
  });

  test("a forged current-account cookie falls back to the default account", async ({ page, loginAs, context }) => {
    await loginAs("fabricante@demo.test");
    await page.goto("/");
    const defaultLabel = (await page.getByRole("button", { name: /Conta atual/ }).textContent()) ?? "";
    await context.addCookies([{ name: "pa-account", value: "00000000-0000-0000-0000-000000000000", url: page.url() }]);
    await page.reload();
    await expect(page.getByRole("button", { name: /Conta atual/ })).toHaveText(defaultLabel);
  });
});
