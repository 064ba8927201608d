// Writes a plain API answer (status, headers, JSON text) on node:http, once.
import type { ServerResponse } from "node:http";

export type PlainResponse = { status: number; headers: Record<string, string>; body: string };

export function sendNodeResponse(res: ServerResponse, response: PlainResponse): void {
  if (res.headersSent) return;
  res.writeHead(response.status, { ...response.headers, "content-length": Buffer.byteLength(response.body) });
  res.end(response.body);
}
