// What server.ts does to every connection and response for safety, kept in one place:
// - timeouts a slow client can't stretch: the headers within 10 s, the whole request within 30 s
//   (the CSV export's response streams as long as it needs; only the request is bounded);
// - the browser security headers (lib/http/security-headers.ts) on every response, the license
//   API's included.
import type { IncomingMessage, Server, ServerResponse } from "node:http";
import { securityHeaders, servesHttps } from "@/lib/http/security-headers";

export const HEADERS_TIMEOUT_MS = 10_000;
export const REQUEST_TIMEOUT_MS = 30_000;

export function configureHttpServer(
  server: Server,
  options: { publicUrl?: string; headersTimeoutMs?: number; requestTimeoutMs?: number } = {},
): void {
  server.headersTimeout = options.headersTimeoutMs ?? HEADERS_TIMEOUT_MS;
  server.requestTimeout = options.requestTimeoutMs ?? REQUEST_TIMEOUT_MS;
  // Node checks both timeouts on this interval; the default (30 s) would let a slow client stay twice as long.
  (server as Server & { connectionsCheckingInterval?: number }).connectionsCheckingInterval = 1_000;
  const headers = Object.entries(securityHeaders({ https: servesHttps(options.publicUrl) }));
  server.prependListener("request", (_req: IncomingMessage, res: ServerResponse) => {
    for (const [name, value] of headers) res.setHeader(name, value);
  });
}
