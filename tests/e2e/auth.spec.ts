import { DEMO_LOGINS } from "@/prisma/seed/demo-logins";
import { expect, test } from "./fixtures";

test.describe("login and logout", () => {
  for (const login of DEMO_LOGINS) {
    test(`${login.email} signs in through the form and sees the home page`, async ({ page }) => {
      await page.goto("/");
      await expect(page).toHaveURL(/\/login/);
      await page.getByLabel("E-mail").fill(login.email);
      await page.getByLabel("Senha").fill("demo1234");
      await page.getByRole("button", { name: "Entrar" }).click();
      await expect(page.getByRole("heading", { level: 1 })).toContainText("Olá");
      await expect(page.getByRole("button", { name: /Conta atual/ })).toBeVisible();
    });
  }

  test("empty fields get field errors in pt-BR; a wrong password gets a clear message", async ({ page }) => {
    await page.goto("/login");
    await page.getByRole("button", { name: "Entrar" }).click();
    await expect(page.getByText("Informe o e-mail.")).toBeVisible();
    await expect(page.getByText("Informe a senha.")).toBeVisible();
    await page.getByLabel("E-mail").fill("sem-arroba");
    await page.getByLabel("Senha").fill("x");
    await page.getByRole("button", { name: "Entrar" }).click();
    await expect(page.getByText(/Informe um e-mail válido/)).toBeVisible();

    await page.getByLabel("E-mail").fill("convidado@demo.test");
    await page.getByLabel("Senha").fill("senha-errada");
    await page.getByRole("button", { name: "Entrar" }).click();
    await expect(page.getByRole("alert").filter({ hasText: "E-mail ou senha incorretos." })).toBeVisible();
    await expect(page).toHaveURL(/\/login/);
  });

  test("logout ends the session", async ({ page, loginAs }) => {
    await loginAs("admin@demo.test");
    await page.goto("/");
    await page.getByRole("button", { name: "Sair" }).click();
    await expect(page).toHaveURL(/\/login/);
    await page.goto("/");
    await expect(page).toHaveURL(/\/login/);
  });

  test("a tampered session cookie sends the user back to the login page", async ({ page, loginAs, context }) => {
    await loginAs("admin@demo.test");
    const cookies = await context.cookies();
    const session = cookies.find((cookie) => cookie.name.endsWith("next-auth.session-token"));
    expect(session).toBeDefined();
    await context.addCookies([{ ...session!, value: `${session!.value.slice(0, -4)}AAAA` }]);
    await page.goto("/");
    await expect(page).toHaveURL(/\/login/);
  });

  test("login and home pages have no serious accessibility violations", async ({
    page,
    loginAs,
    expectNoSeriousA11yViolations,
  }) => {
    await page.goto("/login");
    await expectNoSeriousA11yViolations(page);
    await loginAs("fabricante@demo.test");
    await page.goto("/");
    await expect(page.getByRole("heading", { level: 1 })).toBeVisible();
    await expectNoSeriousA11yViolations(page);
  });
});
