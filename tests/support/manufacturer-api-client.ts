// Drives the integration API over real HTTP: the node:http handler server.ts mounts, on an ephemeral
// port, with the options a test needs (limits, clock).
import { createServer, type Server } from "node:http";
import type { AddressInfo } from "node:net";
import { createManufacturerApi, type ManufacturerApiOptions } from "@/lib/manufacturer-api/api";
import { createManufacturerNodeHandler } from "@/lib/manufacturer-api/node-handler";

export type ApiAnswer = { status: number; headers: Headers; body: Record<string, unknown> & { error?: ApiErrorBody } };
type ApiErrorBody = { code: string; message: string; fields: Record<string, string[]> };

export async function startManufacturerApi(options: ManufacturerApiOptions = {}) {
  const server: Server = createServer(createManufacturerNodeHandler(createManufacturerApi(options)));
  await new Promise<void>((resolve) => server.listen(0, "127.0.0.1", resolve));
  const base = `http://127.0.0.1:${(server.address() as AddressInfo).port}/api/v1/manufacturer`;

  async function call(
    method: string,
    path: string,
    { key, body, headers = {} }: { key?: string; body?: unknown; headers?: Record<string, string> } = {},
  ): Promise<ApiAnswer> {
    const init: RequestInit = {
      method,
      headers: {
        ...(key && { authorization: `Bearer ${key}` }),
        ...(body !== undefined && { "content-type": "application/json" }),
        ...headers,
      },
      body: body === undefined ? undefined : typeof body === "string" ? body : JSON.stringify(body),
    };
    const response = await fetch(`${base}${path}`, init);
    const text = await response.text();
    return { status: response.status, headers: response.headers, body: text ? JSON.parse(text) : {} };
  }

  return {
    base,
    call,
    close: () => new Promise<void>((resolve) => server.close(() => resolve())),
  };
}
