// The integration API on the custom server's own node:http path, in front of Next (as the license
// API): an ERP renewing thousands of serials pays no framework cost per request.
import type { IncomingMessage, ServerResponse } from "node:http";
import { createManufacturerApi, type ManufacturerApi } from "./api";
import { MANUFACTURER_API_PREFIX, MAX_BODY_BYTES } from "./types";
import { sendNodeResponse } from "@/lib/http/send-node-response";

/** Past this much a body is not even read to its end: the connection is dropped after the 413. */
const DRAIN_LIMIT_BYTES = 32 * 1024 * 1024;

export function isManufacturerApiRequest(url: string | undefined): boolean {
  return url !== undefined && url.startsWith(MANUFACTURER_API_PREFIX);
}

const header = (req: IncomingMessage, name: string) => {
  const value = req.headers[name];
  return Array.isArray(value) ? value[0] : value;
};

export function createManufacturerNodeHandler(api: ManufacturerApi = createManufacturerApi()) {
  return function handleManufacturerRequest(req: IncomingMessage, res: ServerResponse): void {
    const chunks: Buffer[] = [];
    let size = 0;
    req.on("data", (chunk: Buffer) => {
      size += chunk.length;
      if (size <= MAX_BODY_BYTES) chunks.push(chunk);
      else if (size > DRAIN_LIMIT_BYTES) req.destroy();
    });
    req.on("error", () => res.destroy());
    req.on("end", () => {
      const url = req.url ?? "/";
      const mark = url.indexOf("?");
      api({
        method: req.method ?? "GET",
        path: mark < 0 ? url : url.slice(0, mark),
        query: mark < 0 ? "" : url.slice(mark + 1),
        authorization: header(req, "authorization"),
        contentType: header(req, "content-type"),
        idempotencyKey: header(req, "idempotency-key"),
        acceptLanguage: header(req, "accept-language"),
        body: size <= MAX_BODY_BYTES ? Buffer.concat(chunks).toString("utf8") : "",
        bodyTooLarge: size > MAX_BODY_BYTES,
      }).then(
        (response) => sendNodeResponse(res, response),
        () => res.destroy(),
      );
    });
  };
}
