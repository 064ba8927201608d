// The license API on the custom server's own node:http path, in front of Next: desktops check in
// every few minutes, and Next's request pipeline would cost most of the time of each answer.
import type { IncomingMessage, ServerResponse } from "node:http";
import { clientIp } from "@/lib/http/client-ip";
import { apiError, LICENSE_API_PREFIX, MAX_BODY_BYTES, type LicenseApi } from "./api";
import { sendNodeResponse } from "@/lib/http/send-node-response";

/**
 * A body over the limit is read to its end and discarded before the 413, so the client sees the
 * answer rather than a reset connection (closing a socket with unread data resets it); past this
 * much the connection is dropped instead. server.ts's request timeout bounds a slow sender.
 */
const DRAIN_LIMIT_BYTES = 32 * 1024 * 1024;

export function isLicenseApiRequest(url: string | undefined): boolean {
  return url !== undefined && url.startsWith(LICENSE_API_PREFIX);
}

export function createLicenseNodeHandler(api: LicenseApi) {
  return function handleLicenseRequest(req: IncomingMessage, res: ServerResponse): void {
    const declared = Number(req.headers["content-length"] ?? 0);
    if (declared > DRAIN_LIMIT_BYTES) {
      sendNodeResponse(res, apiError("PAYLOAD_TOO_LARGE", {}, { connection: "close" }));
      req.destroy();
      return;
    }
    const chunks: Buffer[] = [];
    let size = 0;
    req.on("data", (chunk: Buffer) => {
      size += chunk.length;
      if (size <= MAX_BODY_BYTES) chunks.push(chunk);
      else if (size > DRAIN_LIMIT_BYTES) {
        sendNodeResponse(res, apiError("PAYLOAD_TOO_LARGE", {}, { connection: "close" }));
        req.destroy();
      }
    });
    req.on("error", () => res.destroy());
    req.on("end", () => {
      api({
        method: req.method ?? "GET",
        path: (req.url ?? "/").split("?")[0]!,
        contentType: req.headers["content-type"],
        body: size <= MAX_BODY_BYTES ? Buffer.concat(chunks).toString("utf8") : "",
        bodyTooLarge: size > MAX_BODY_BYTES,
        ip: clientIp(req.headers),
      }).then(
        (response) => sendNodeResponse(res, response),
        (error: unknown) => {
          console.error("[license-api] unhandled error:", error);
          sendNodeResponse(res, apiError("INTERNAL"));
        },
      );
    });
  };
}
