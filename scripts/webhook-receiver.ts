// A webhook receiver to try the portal's webhooks on this computer: prints every delivery and
// whether its signature is valid (with the README's verification example), answers 200 or 400.
//   npm run webhook:receiver                   port 4000, the demo endpoint's secret
//   PORT=5000 WEBHOOK_SECRET=whsec_… npm run webhook:receiver
import { createServer } from "node:http";
import { verifyWebhook } from "../examples/verify-webhook.mjs";
import { DEMO_WEBHOOK_SECRET, DEMO_WEBHOOK_URL } from "../prisma/seed/demo-webhook";

const port = Number(process.env.PORT ?? new URL(DEMO_WEBHOOK_URL).port);
const secret = process.env.WEBHOOK_SECRET ?? DEMO_WEBHOOK_SECRET;

const server = createServer((req, res) => {
  const chunks: Buffer[] = [];
  req.on("data", (chunk: Buffer) => chunks.push(chunk));
  req.on("end", () => {
    const body = Buffer.concat(chunks).toString("utf8");
    const valid = verifyWebhook(secret, String(req.headers["portal-signature"] ?? ""), body);
    let summary = body.slice(0, 200);
    try {
      const event = JSON.parse(body) as { id: string; type: string; data?: { serialNumber?: string; status?: string } };
      summary = [event.type, event.data?.serialNumber, event.data?.status, `id=${event.id}`].filter(Boolean).join(" ");
    } catch {
      // Not JSON: shown as received.
    }
    const time = new Date().toISOString().slice(11, 19);
    console.log(`${time} ${valid ? "✔ assinatura válida  " : "✘ assinatura inválida"} ${req.method} ${req.url} ${summary}`);
    res.writeHead(valid ? 200 : 400, { "content-type": "text/plain" }).end(valid ? "ok" : "invalid signature");
  });
});

server.listen(port, () => {
  console.log(`Receptor de webhooks em http://localhost:${port}/webhooks (Ctrl+C para parar)`);
  console.log(secret === DEMO_WEBHOOK_SECRET ? "Segredo: o do endpoint de demonstração." : "Segredo: WEBHOOK_SECRET.");
});
