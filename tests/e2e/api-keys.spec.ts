// Fabricante → Configurações → Integrações → Chaves de API: create a key (shown once), use it against
// the integration API, revoke it, and see the API refuse it at once.
import { expect, test } from "./fixtures";

test("create an API key, see it once, use it, revoke it", async ({ page, loginAs, request }) => {
  await loginAs("fabricante@demo.test");
  await page.goto("/fabricante/configuracoes/integracoes");
  await expect(page.getByRole("heading", { level: 1, name: "Integrações" })).toBeVisible();
  const keys = page.getByRole("list", { name: "Chaves de API da conta" });
  // The demo's key is there, by its prefix only.
  await expect(keys.getByRole("listitem", { name: "ERP de demonstração" })).toContainText("pak_demo_por…");

  await page.getByRole("button", { name: "Nova chave de API" }).click();
  const dialog = page.getByRole("dialog", { name: "Nova chave de API" });
  await dialog.getByRole("button", { name: "Criar chave" }).click();
  await expect(dialog.getByLabel("Nome")).toBeFocused();
  await dialog.getByLabel("Nome").fill("ERP de teste e2e");
  await dialog.getByLabel(/Escrita \(write\)/).uncheck();
  await dialog.getByRole("button", { name: "Criar chave" }).click();
  await expect(dialog.getByText("ela não será mostrada de novo")).toBeVisible();
  const key = await dialog.getByLabel("Chave de API").inputValue();
  expect(key).toMatch(/^pak_[A-Za-z0-9_-]{43}$/);
  await dialog.getByRole("button", { name: "Fechar" }).click();
  await expect(dialog).toBeHidden();

  const card = keys.getByRole("listitem", { name: "ERP de teste e2e" });
  await expect(card).toContainText(key.slice(0, 12));
  await expect(card).toContainText("leitura");
  await expect(card).not.toContainText("escrita");
  await expect(card).toContainText("Ainda não usada");
  // Shown once: nowhere on the page any more.
  await expect(page.getByText(key)).toHaveCount(0);
  expect(await page.content()).not.toContain(key);

  const auth = { authorization: `Bearer ${key}` };
  expect((await request.get("/api/v1/manufacturer/subscriptions?limit=1", { headers: auth })).status()).toBe(200);
  // A read-only key can't write.
  const write = await request.post("/api/v1/manufacturer/customers", { headers: auth, data: {} });
  expect(write.status()).toBe(403);

  await page.reload();
  await expect(page.getByRole("heading", { level: 1, name: "Integrações" })).toBeVisible();
  await expect(card).toContainText("Último uso");
  await card.getByRole("button", { name: "Revogar ERP de teste e2e" }).click();
  const revoke = page.getByRole("dialog", { name: "Revogar chave de API" });
  await expect(revoke).toContainText("ERP de teste e2e");
  await revoke.getByRole("button", { name: "Sim, revogar" }).click();
  await expect(revoke).toBeHidden();
  await expect(card).toContainText("Revogada");
  await expect(card.getByRole("button", { name: /Revogar/ })).toHaveCount(0);
  expect((await request.get("/api/v1/manufacturer/subscriptions?limit=1", { headers: auth })).status()).toBe(401);
});
