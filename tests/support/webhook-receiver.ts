// A real HTTP receiver for webhook tests: records every request (headers, raw body, when, how many
// were in flight at once) and answers as the test says.
import { createServer, type IncomingHttpHeaders, type ServerResponse } from "node:http";
import type { AddressInfo } from "node:net";

export type ReceivedRequest = { headers: IncomingHttpHeaders; body: string; receivedAt: number; eventId: string };

export type Answer = (request: ReceivedRequest, res: ServerResponse) => void;

export const answerOk: Answer = (_request, res) => res.writeHead(200, { "content-type": "text/plain" }).end("ok");

export async function startWebhookReceiver(answer: Answer = answerOk) {
  const received: ReceivedRequest[] = [];
  const inFlight = new Map<string, number>();
  let overlaps = 0;
  let current = answer;
  const server = createServer((req, res) => {
    const chunks: Buffer[] = [];
    req.on("data", (chunk: Buffer) => chunks.push(chunk));
    req.on("end", () => {
      const request: ReceivedRequest = {
        headers: req.headers,
        body: Buffer.concat(chunks).toString("utf8"),
        receivedAt: Date.now(),
        eventId: String(req.headers["portal-event-id"] ?? ""),
      };
      received.push(request);
      const count = (inFlight.get(request.eventId) ?? 0) + 1;
      if (count > 1) overlaps++;
      inFlight.set(request.eventId, count);
      res.on("close", () => inFlight.set(request.eventId, (inFlight.get(request.eventId) ?? 1) - 1));
      current(request, res);
    });
  });
  server.keepAliveTimeout = 30_000;
  await new Promise<void>((resolve) => server.listen(0, "127.0.0.1", resolve));
  const { port } = server.address() as AddressInfo;
  return {
    url: `http://127.0.0.1:${port}/hooks`,
    received,
    /** How many times a request arrived while another of the same event was still being answered. */
    overlaps: () => overlaps,
    answerWith(next: Answer) {
      current = next;
    },
    close: () =>
      new Promise<void>((resolve) => {
        server.closeAllConnections();
        server.close(() => resolve());
      }),
  };
}
