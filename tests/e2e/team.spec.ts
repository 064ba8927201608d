// Equipe in Chromium: the Responsável invites a new address as Fabricante, the invitee reads the
// e-mail (from a real SMTP server this spec runs), accepts, signs in and suspends a serial; losing
// the profile stops their next Suspender. Then "Esqueci minha senha" end to end, and signing out
// really ending the session.
import type { Browser, Page } from "@playwright/test";
import { e2eSmtpPort } from "../support/e2e-smtp";
import { startSmtpTestServer, type SmtpTestServer } from "../support/smtp-test-server";
import { expect, test } from "./fixtures";

test.describe.configure({ mode: "serial" });

let smtp: SmtpTestServer;
const NEW_EMAIL = "nova.fabricante@demo.test";
const NEW_NAME = "Beatriz Nogueira";
const NEW_PASSWORD = "convite-2026";

test.beforeAll(async () => {
  smtp = await startSmtpTestServer({ port: e2eSmtpPort() });
});

test.afterAll(async () => {
  await smtp?.close();
});

async function linkIn(to: string, path: string): Promise<string> {
  const mail = await smtp.waitFor((m) => m.to.includes(to) && m.text.includes(path));
  const match = new RegExp(`https?://[^\\s]+${path}[A-Za-z0-9_-]{43}`).exec(mail.text);
  expect(match, `a ${path} link in the e-mail to ${to}`).not.toBeNull();
  return new URL(match![0]).pathname;
}

async function signInThroughForm(page: Page, email: string, password: string) {
  await expect(page.getByRole("heading", { level: 1, name: "Entrar no Portal de Assinaturas" })).toBeVisible();
  await page.getByLabel("E-mail").fill(email);
  await page.getByLabel("Senha").fill(password);
  await page.getByRole("button", { name: "Entrar" }).click();
  await expect(page.getByRole("heading", { level: 1 })).toHaveText(/^Olá, /);
}

async function freshPage(browser: Browser): Promise<Page> {
  const context = await browser.newContext({ locale: "pt-BR", timezoneId: "America/Sao_Paulo" });
  return context.newPage();
}

async function openActiveSerial(page: Page, index: number): Promise<string> {
  await page.goto("/fabricante/assinaturas?status=ATIVA&ordem=vencimento&pagina=2");
  const group = page.locator("details").nth(index);
  await group.locator("summary").click();
  const link = group.locator("tbody a").first();
  await expect(link).toBeVisible();
  const serial = (await link.textContent())!.trim();
  await link.click();
  await expect(page.getByRole("heading", { level: 1 })).toHaveText(`Número de Série ${serial}`);
  return serial;
}

test("the Responsável invites a Fabricante, who accepts, acts, and is stopped once the profile is removed", async ({
  page,
  browser,
  loginAs,
  expectNoSeriousA11yViolations,
}) => {
  test.setTimeout(180_000);
  await loginAs("fabricante@demo.test");
  await page.goto("/");
  await page.getByRole("navigation", { name: "Menu principal" }).getByRole("link", { name: "Equipe" }).click();
  await expect(page.getByRole("heading", { level: 1, name: "Equipe" })).toBeVisible();
  await expectNoSeriousA11yViolations(page);

  await page.getByRole("button", { name: "Convidar usuário" }).click();
  const invite = page.getByRole("dialog", { name: "Convidar usuário" });
  await invite.getByRole("button", { name: "Convidar" }).click();
  await expect(invite.getByText("Informe o e-mail.")).toBeVisible();
  await expect(invite.getByText("Escolha ao menos um perfil.", { exact: true })).toBeVisible();
  await invite.getByLabel("E-mail").fill(NEW_EMAIL);
  await invite.getByRole("checkbox", { name: "Fabricante" }).check();
  await expectNoSeriousA11yViolations(page);
  await invite.getByRole("button", { name: "Convidar" }).click();
  await expect(invite.getByRole("status")).toContainText(`Convite enviado para ${NEW_EMAIL}`);
  await invite.getByRole("button", { name: "Fechar" }).click();
  const row = page.getByRole("row").filter({ hasText: NEW_EMAIL });
  await expect(row).toContainText("Convite pendente");

  // The invitee, in another browser.
  const invitee = await freshPage(browser);
  await invitee.goto(await linkIn(NEW_EMAIL, "/convite/"));
  await expect(invitee.getByRole("heading", { level: 1, name: "Aceitar convite" })).toBeVisible();
  await expect(invitee.getByText("Móveis Aurora Indústria")).toBeVisible();
  await expectNoSeriousA11yViolations(invitee);
  await invitee.getByLabel("Seu nome").fill(NEW_NAME);
  await invitee.getByLabel("Crie uma senha").fill(NEW_PASSWORD);
  await invitee.getByLabel("Repita a senha").fill(NEW_PASSWORD);
  await invitee.getByRole("button", { name: "Aceitar convite" }).click();
  await expect(invitee.getByRole("status")).toContainText("Convite aceito");
  await invitee.getByRole("link", { name: "Ir para o login" }).click();
  await signInThroughForm(invitee, NEW_EMAIL, NEW_PASSWORD);

  const suspended = await openActiveSerial(invitee, 2);
  await invitee.getByRole("button", { name: "Ações" }).click();
  await invitee.getByRole("menuitem", { name: "Suspender" }).click();
  const suspend = invitee.getByRole("dialog", { name: `Suspender assinatura ${suspended}` });
  await suspend.getByLabel("Motivo").selectOption({ label: "Pendência financeira" });
  await suspend.getByRole("button", { name: "Sim" }).click();
  await expect(invitee.getByRole("status").filter({ hasText: `Assinatura ${suspended} suspensa.` })).toBeVisible();
  await invitee.getByRole("link", { name: "Histórico", exact: true }).click();
  await expect(invitee.getByRole("listitem").filter({ hasText: "Suspensa" }).first()).toContainText(NEW_NAME);

  // The invitee opens the next Suspender before the Responsável takes the profile away.
  const next = await openActiveSerial(invitee, 3);
  await invitee.getByRole("button", { name: "Ações" }).click();
  await invitee.getByRole("menuitem", { name: "Suspender" }).click();
  const refused = invitee.getByRole("dialog", { name: `Suspender assinatura ${next}` });
  await refused.getByLabel("Motivo").selectOption({ label: "Pendência financeira" });

  await page.reload();
  await expect(page.getByRole("heading", { level: 1, name: "Equipe" })).toBeVisible();
  await expect(page.getByRole("row").filter({ hasText: NEW_EMAIL })).toContainText("Ativo");
  await page.getByRole("button", { name: `Editar perfis de ${NEW_NAME}` }).click();
  const profiles = page.getByRole("dialog", { name: `Perfis de ${NEW_NAME}` });
  await profiles.getByRole("checkbox", { name: "Fabricante" }).uncheck();
  await profiles.getByRole("button", { name: "Salvar perfis" }).click();
  await expect(profiles.getByText("Escolha ao menos um perfil.", { exact: true })).toBeVisible();
  await profiles.getByRole("checkbox", { name: "Convidado" }).check();
  await profiles.getByRole("button", { name: "Salvar perfis" }).click();
  await expect(profiles.getByRole("status")).toContainText(`Perfis de ${NEW_NAME} atualizados.`);
  await profiles.getByRole("button", { name: "Fechar" }).click();
  const member = page.getByRole("row").filter({ hasText: NEW_EMAIL });
  await expect(member).toContainText("Convidado");
  await member.getByText("Alterações recentes").click();
  await expect(member.getByText("Perfis alterados (Fabricante → Convidado) por Fernanda Albuquerque")).toBeVisible();
  await expect(member.getByText("Convite aceito")).toBeVisible();

  await refused.getByRole("button", { name: "Sim" }).click();
  await expect(refused.getByRole("alert")).toHaveText("Seu perfil nesta conta não permite esta operação.");
  await invitee.reload();
  await expect(invitee.getByRole("heading", { level: 1 })).toHaveText(`Número de Série ${next}`);
  await expect(invitee.getByRole("button", { name: "Ações" })).toHaveCount(0);
  await invitee.context().close();

  // Leave the suspended serial as the demo had it.
  await page.goto(`/fabricante/assinaturas/${suspended}`);
  await page.getByRole("button", { name: "Ações" }).click();
  await page.getByRole("menuitem", { name: "Liberar" }).click();
  await page
    .getByRole("dialog", { name: `Liberar assinatura ${suspended}` })
    .getByRole("button", { name: "Sim" })
    .click();
  await expect(page.getByRole("status").filter({ hasText: `Assinatura ${suspended} liberada.` })).toBeVisible();
});

test("Esqueci minha senha: the link by e-mail sets a new password once", async ({ page, expectNoSeriousA11yViolations }) => {
  await page.goto("/login");
  await page.getByRole("link", { name: "Esqueci minha senha" }).click();
  await expect(page.getByRole("heading", { level: 1, name: "Esqueci minha senha" })).toBeVisible();
  await expectNoSeriousA11yViolations(page);
  await page.getByLabel("E-mail").fill(NEW_EMAIL);
  await page.getByRole("button", { name: "Enviar link" }).click();
  await expect(page.getByRole("status")).toContainText("Se houver um usuário com este e-mail");

  const link = await linkIn(NEW_EMAIL, "/redefinir-senha/");
  await page.goto(link);
  await expect(page.getByRole("heading", { level: 1, name: "Criar nova senha" })).toBeVisible();
  await expectNoSeriousA11yViolations(page);
  await page.getByLabel("Nova senha", { exact: true }).fill("curta");
  await page.getByLabel("Repita a nova senha").fill("curta");
  await page.getByRole("button", { name: "Salvar nova senha" }).click();
  await expect(page.getByText("A senha precisa ter pelo menos 8 caracteres.")).toBeVisible();
  await page.getByLabel("Nova senha", { exact: true }).fill("redefinida-77");
  await page.getByLabel("Repita a nova senha").fill("redefinida-77");
  await page.getByRole("button", { name: "Salvar nova senha" }).click();
  await expect(page.getByRole("status")).toContainText("Senha redefinida.");

  await page.getByRole("link", { name: "Ir para o login" }).click();
  await signInThroughForm(page, NEW_EMAIL, "redefinida-77");
  await page.goto(link);
  await expect(page.getByRole("alert").filter({ hasText: "não é válido, já foi usado ou expirou" })).toBeVisible();
});

test("Minha conta: Sair de todos os dispositivos ends the other browser's session too; Equipe is not for a Convidado", async ({
  page,
  browser,
  loginAs,
  expectNoSeriousA11yViolations,
}) => {
  await loginAs("convidado@demo.test");
  const other = await freshPage(browser);
  await other.goto("/login");
  await signInThroughForm(other, "convidado@demo.test", "demo1234");
  // Equipe is for Responsável and Administrador: a Convidado finds no such page.
  await page.goto("/equipe");
  await expect(page.getByRole("heading", { level: 1, name: "Página não encontrada" })).toBeVisible();
  await page.goto("/");
  await expect(page.getByRole("navigation", { name: "Menu principal" }).getByRole("link", { name: "Equipe" })).toHaveCount(0);
  await page.getByRole("link", { name: "Minha conta" }).click();
  await expect(page.getByRole("heading", { level: 1, name: "Minha conta" })).toBeVisible();
  await expectNoSeriousA11yViolations(page);
  await page.getByRole("button", { name: "Sair de todos os dispositivos" }).click();
  await expect(page).toHaveURL(/\/login/);
  await other.goto("/");
  await expect(other).toHaveURL(/\/login/);
  await other.context().close();
});

test("signing out ends the session: the old cookie no longer opens a page", async ({ page, browser, loginAs, context }) => {
  await loginAs("admin@demo.test");
  await page.goto("/");
  await expect(page.getByRole("heading", { level: 1 })).toHaveText(/^Olá, /);
  const stolen = (await context.cookies()).filter((cookie) => cookie.name.includes("next-auth.session-token"));
  expect(stolen).toHaveLength(1);
  await page.getByRole("button", { name: "Sair" }).click();
  await expect(page).toHaveURL(/\/login/);

  const replay = await browser.newContext();
  await replay.addCookies(stolen);
  const attacker = await replay.newPage();
  await attacker.goto("/");
  await expect(attacker).toHaveURL(/\/login/);
  const api = await attacker.request.get("/api/fabricante/assinaturas/exportar");
  expect(api.status()).toBe(401);
  await replay.close();
});
