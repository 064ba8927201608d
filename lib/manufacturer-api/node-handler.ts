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
    let answered = false;
    const answer = () => {
      if (answered) return;
      answered = true;
      const url = req.url ?? "/";
      const mark = url.indexOf("?");
      const tooLarge = size > MAX_BODY_BYTES || Number(req.headers["content-length"] ?? 0) > DRAIN_LIMIT_BYTES;
      api({
        method: req.method ?? "GET",
        path: mark < 0 ? url : url.slice(0, mark),
        query: mark < 0 ? "" : url.slice(mark + 1),
        authorization: header(req, "authorization"),
        contentType: header(req, "content-type"),
        idempotencyKey: header(req, "idempotency-key"),
        acceptLanguage: header(req, "accept-language"),
        body: tooLarge ? "" : Buffer.concat(chunks).toString("utf8"),
        bodyTooLarge: tooLarge,
      }).then(
        (response) => {
          sendNodeResponse(res, response);
          // A body too large to drain: the answer goes out, then the connection is dropped.
          if (!req.complete) res.on("finish", () => req.destroy());
        },
        () => res.destroy(),
      );
    };
    // Declared over the drain limit: answered (413) without reading it.
    if (Number(req.headers["content-length"] ?? 0) > DRAIN_LIMIT_BYTES) return answer();
    req.on("data", (chunk: Buffer) => {
      size += chunk.length;
      if (size <= MAX_BODY_BYTES) chunks.push(chunk);
      else if (size > DRAIN_LIMIT_BYTES) {
        req.pause();
        answer();
      }
    });
    req.on("error", () => res.destroy());
    req.on("end", answer);
  };
}
