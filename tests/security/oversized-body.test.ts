// Finding: a 10 MB body to the license API got its 413 and then a reset socket, so clients saw
// ECONNRESET (or EPIPE) instead of the answer. Replayed on the handler server.ts mounts.
import { request } from "node:http";
import { describe, expect, it } from "vitest";
import { licenseServer } from "../integration/license-test-client";

const api = licenseServer();

/** Posts `bytes` of JSON-ish body in 64 KB writes; resolves with the status and any socket error. */
function postLarge(bytes: number, chunked = false): Promise<{ status?: number; body: string; error?: string }> {
  const url = new URL(`${api.url()}/api/v1/licenses/check-in`);
  return new Promise((resolve) => {
    let answer: { status?: number; body: string; error?: string } = { body: "" };
    const headers: Record<string, string | number> = { "content-type": "application/json" };
    if (!chunked) headers["content-length"] = bytes;
    const req = request(
      { host: url.hostname, port: url.port, path: url.pathname, method: "POST", headers, agent: false },
      (res) => {
        answer.status = res.statusCode;
        res.setEncoding("utf8");
        res.on("data", (text: string) => (answer.body += text));
        // A reset would surface as an error on the request shortly after the answer.
        res.on("end", () => setTimeout(() => resolve(answer), 100));
      },
    );
    req.on("error", (error: NodeJS.ErrnoException) => (answer = { ...answer, error: error.code ?? error.message }));
    req.on("close", () => setTimeout(() => resolve(answer), 100));
    const chunk = Buffer.alloc(64 * 1024, "a");
    let sent = 0;
    const write = () => {
      while (sent < bytes) {
        sent += chunk.length;
        if (!req.write(chunk)) return void req.once("drain", write);
      }
      req.end();
    };
    write();
  });
}

describe("a body far over the license API's limit", () => {
  it.each([false, true])(
    "10 MB (chunked: %s) is answered 413 PAYLOAD_TOO_LARGE, and the socket is not reset",
    async (chunked) => {
      for (let attempt = 0; attempt < 5; attempt++) {
        const answer = await postLarge(10 * 1024 * 1024, chunked);
        expect(answer.error).toBeUndefined();
        expect(answer.status).toBe(413);
        expect(JSON.parse(answer.body)).toMatchObject({ error: { code: "PAYLOAD_TOO_LARGE" } });
      }
    },
  );
});
