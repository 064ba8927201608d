// Fabricante → Configurações → Integrações: configure a webhook endpoint, suspend a serial in the
// UI, and see the signed delivery arrive at a real receiver and in the delivery log with status 200.
import { createServer, type Server } from "node:http";
import type { AddressInfo } from "node:net";
import type { Locator } from "@playwright/test";
import { verifyWebhook } from "../../examples/verify-webhook.mjs";
import { expect, test } from "./fixtures";

type Received = { signature: string; body: string };
let receiver: Server;
let receiverUrl = "";
const received: Received[] = [];

test.beforeAll(async () => {
  receiver = createServer((req, res) => {
    const chunks: Buffer[] = [];
    req.on("data", (chunk: Buffer) => chunks.push(chunk));
    req.on("end", () => {
      received.push({ signature: String(req.headers["portal-signature"]), body: Buffer.concat(chunks).toString("utf8") });
      res.writeHead(200, { "content-type": "text/plain" }).end("recebido");
    });
  });
  await new Promise<void>((resolve) => receiver.listen(0, resolve));
  receiverUrl = `http://localhost:${(receiver.address() as AddressInfo).port}/hooks`;
});

test.afterAll(async () => {
  receiver.closeAllConnections();
  await new Promise((resolve) => receiver.close(resolve));
});

async function expand(details: Locator) {
  if ((await details.getAttribute("open")) === null) await details.locator("summary").click();
  await expect(details).toHaveAttribute("open", "");
  await expect(details.locator("tbody tr").first()).toBeVisible();
}

test("configure an endpoint, suspend a serial, see the delivery with status 200", async ({ page, loginAs }) => {
  await loginAs("fabricante@demo.test");
  await page.goto("/");
  await page.getByRole("navigation", { name: "Menu principal" }).getByRole("link", { name: "Integrações" }).click();
  await expect(page.getByRole("heading", { level: 1, name: "Integrações" })).toBeVisible();

  await page.getByRole("button", { name: "Novo endpoint" }).click();
  const dialog = page.getByRole("dialog", { name: "Novo endpoint de webhook" });
  await dialog.getByLabel("URL").fill("ftp://erp.exemplo.com.br/webhooks");
  await dialog.getByRole("button", { name: "Salvar" }).click();
  await expect(dialog.getByText("Use uma URL https://.")).toBeVisible();
  await expect(dialog.getByLabel("URL")).toBeFocused();
  await dialog.getByLabel("URL").fill(receiverUrl);
  await dialog.getByRole("button", { name: "Salvar" }).click();
  await expect(dialog.getByText("ele não será mostrado novamente")).toBeVisible();
  const secret = await dialog.getByLabel("Segredo de assinatura").inputValue();
  expect(secret).toMatch(/^whsec_/);
  await dialog.getByRole("button", { name: "Fechar" }).click();
  const card = page.getByRole("listitem").filter({ hasText: receiverUrl });
  await expect(card).toContainText("Ativo");

  // Suspend a serial from the list, as the help article describes.
  await page.goto("/fabricante/assinaturas?status=ATIVA&pagina=2");
  const group = page.locator("details").last();
  await expand(group);
  const link = group.locator("tbody a").first();
  const serial = (await link.textContent())!.trim();
  await link.click();
  await expect(page.getByRole("heading", { level: 1 })).toHaveText(`Número de Série ${serial}`);
  await page.getByRole("button", { name: "Ações" }).click();
  await page.getByRole("menuitem", { name: "Suspender" }).click();
  const suspend = page.getByRole("dialog", { name: `Suspender assinatura ${serial}` });
  await suspend.getByLabel("Motivo").selectOption({ index: 1 });
  await suspend.getByLabel("Descrição").fill("Teste de webhook.");
  await suspend.getByRole("button", { name: "Sim" }).click();
  await expect(page.getByRole("status").filter({ hasText: `Assinatura ${serial} suspensa.` })).toBeVisible();

  await page.goto("/fabricante/configuracoes/integracoes");
  await expect(page.getByRole("heading", { level: 1, name: "Integrações" })).toBeVisible();
  await card.getByRole("link", { name: "Ver entregas" }).click();
  await expect(page.getByRole("heading", { level: 1, name: "Entregas do webhook" })).toBeVisible();
  const delivery = page.getByRole("listitem").filter({ hasText: serial });
  // The worker sends it in the background: reload until the log shows it delivered.
  await expect(async () => {
    await page.reload();
    await expect(delivery).toContainText("Entregue", { timeout: 1000 });
  }).toPass({ timeout: 20_000 });
  await expect(delivery).toContainText("serial.suspended");
  await expect(delivery).toContainText("Última resposta: 200");
  await delivery.getByText("Tentativas recentes").click();
  await expect(delivery).toContainText("recebido");

  const sent = received.find((request) => request.body.includes(serial));
  expect(sent).toBeDefined();
  expect(verifyWebhook(secret, sent!.signature, sent!.body)).toBe(true);
  expect(JSON.parse(sent!.body)).toMatchObject({ type: "serial.suspended", data: { serialNumber: serial, status: "SUSPENSA" } });
});

test("a Convidado and a lojista don't see Integrações, and the page is not found for them", async ({ page, loginAs }) => {
  for (const email of ["convidado@demo.test", "lojista@demo.test"]) {
    await loginAs(email);
    await page.goto("/");
    await expect(page.getByRole("navigation", { name: "Menu principal" })).toBeVisible();
    await expect(page.getByRole("navigation", { name: "Menu principal" }).getByRole("link", { name: "Integrações" })).toHaveCount(
      0,
    );
    const response = await page.goto("/fabricante/configuracoes/integracoes");
    expect(response?.status(), email).toBe(404);
  }
});
