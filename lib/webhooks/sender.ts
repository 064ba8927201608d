// One HTTP attempt of a delivery: POST, no redirect followed, a hard timeout, and at most 2 KB of
// the answer read (a receiver answering 50 MB costs us 2 KB). Never throws: every outcome is data.
import http from "node:http";
import https from "node:https";
import { isIP } from "node:net";
import { guardedLookup, isAllowedAddress, type AddressPolicy } from "./address-policy";

export const MAX_RESPONSE_BYTES = 2048;

export type AttemptOutcome = {
  ok: boolean;
  statusCode: number | null;
  latencyMs: number;
  /** The first 2 KB of the answer, as text. */
  responseBody: string | null;
  error: string | null;
};

// Keep-alive: at 1,000 deliveries/s a new TCP (and TLS) connection per delivery would dominate.
const agents = {
  http: new http.Agent({ keepAlive: true, maxSockets: 256 }),
  https: new https.Agent({ keepAlive: true, maxSockets: 256 }),
};

export function postWebhook(request: {
  url: string;
  body: string;
  headers: Record<string, string>;
  timeoutMs: number;
  policy: AddressPolicy;
}): Promise<AttemptOutcome> {
  const started = performance.now();
  const elapsed = () => Math.round(performance.now() - started);
  return new Promise((resolve) => {
    let settled = false;
    let statusCode: number | null = null;
    const chunks: Buffer[] = [];
    let received = 0;
    // Set once the request exists; finish() may run before that (a refused URL).
    const deadline: { timer?: NodeJS.Timeout } = {};
    const finish = (error: string | null) => {
      if (settled) return;
      settled = true;
      clearTimeout(deadline.timer);
      const text = Buffer.concat(chunks)
        .subarray(0, MAX_RESPONSE_BYTES)
        .toString("utf8")
        .replace(/\u0000/g, "");
      const ok = error === null && statusCode !== null && statusCode >= 200 && statusCode < 300;
      resolve({ ok, statusCode, latencyMs: elapsed(), responseBody: statusCode === null ? null : text, error });
    };
    let url: URL;
    try {
      url = new URL(request.url);
    } catch {
      return finish("invalid URL");
    }
    const host = url.hostname.replace(/^\[|\]$/g, "");
    if (url.protocol !== "https:" && !(request.policy.allowLocal && url.protocol === "http:")) return finish("https required");
    if (isIP(host) && !isAllowedAddress(host, request.policy)) return finish("refused address (private network)");
    const transport = url.protocol === "https:" ? https : http;
    const req = transport.request(
      url,
      {
        method: "POST",
        agent: url.protocol === "https:" ? agents.https : agents.http,
        lookup: guardedLookup(request.policy),
        headers: { ...request.headers, "content-type": "application/json", "content-length": Buffer.byteLength(request.body) },
      },
      (res) => {
        statusCode = res.statusCode ?? null;
        if (statusCode !== null && statusCode >= 300 && statusCode < 400) {
          res.destroy();
          return finish(`redirect not followed${res.headers.location ? ` (${String(res.headers.location).slice(0, 200)})` : ""}`);
        }
        res.on("data", (chunk: Buffer) => {
          chunks.push(chunk);
          received += chunk.length;
          // Enough read: drop the rest by closing the connection.
          if (received >= MAX_RESPONSE_BYTES) {
            res.destroy();
            finish(null);
          }
        });
        res.on("end", () => finish(null));
        res.on("error", () => finish(null));
        res.on("close", () => finish(null));
      },
    );
    deadline.timer = setTimeout(() => {
      // Headers with a 2xx came in time: the answer counts even if its body never ends.
      const error = statusCode === null ? `timeout after ${request.timeoutMs} ms` : null;
      req.destroy();
      finish(error);
    }, request.timeoutMs);
    req.on("error", (error: Error) => finish(describeError(error)));
    req.end(request.body);
  });
}

function describeError(error: Error): string {
  const code = (error as NodeJS.ErrnoException).code;
  return (code ? `${code}: ${error.message}` : error.message).slice(0, 300);
}
