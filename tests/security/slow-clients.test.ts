// Finding: a request that declared a body and never sent it held its connection ~319 s (Node's
// defaults). Replayed on a node:http server configured as server.ts configures the portal's, with
// short timeouts so the test is quick (the real 10 s / 30 s are replayed in slow-clients.spec.ts).
import { createServer, type Server } from "node:http";
import { connect } from "node:net";
import { afterAll, beforeAll, describe, expect, it } from "vitest";
import { configureHttpServer, HEADERS_TIMEOUT_MS, REQUEST_TIMEOUT_MS } from "@/lib/runtime/configure-http-server";

let server: Server;
let port = 0;

beforeAll(async () => {
  server = createServer((req, res) => {
    if (req.url === "/stream") {
      // A long answer (like the CSV export) after a complete request: never cut by the request timeout.
      let sent = 0;
      const timer = setInterval(() => {
        res.write(`linha ${sent}\n`);
        if (++sent === 8) {
          clearInterval(timer);
          res.end();
        }
      }, 500);
      return;
    }
    req.resume();
    req.on("end", () => res.end("ok"));
  });
  configureHttpServer(server, { headersTimeoutMs: 1000, requestTimeoutMs: 2000 });
  await new Promise<void>((resolve) => server.listen(0, "127.0.0.1", resolve));
  port = (server.address() as { port: number }).port;
});
afterAll(() => new Promise((resolve) => server.close(resolve)));

/** Writes `text` and reports what the server answered and when it closed the connection. */
function hold(text: string): Promise<{ answer: string; closedAfterMs: number }> {
  return new Promise((resolve) => {
    const started = Date.now();
    let answer = "";
    const socket = connect(port, "127.0.0.1", () => socket.write(text));
    socket.setEncoding("utf8");
    socket.on("data", (chunk: string) => (answer += chunk));
    socket.on("error", () => undefined);
    socket.on("close", () => resolve({ answer, closedAfterMs: Date.now() - started }));
  });
}

describe("slow clients", () => {
  it("uses 10 s for the headers and 30 s for the whole request", () => {
    expect([HEADERS_TIMEOUT_MS, REQUEST_TIMEOUT_MS]).toEqual([10_000, 30_000]);
  });

  it("a body declared and never sent is cut at the request timeout with 408", async () => {
    const result = await hold("POST / HTTP/1.1\r\nHost: x\r\nContent-Length: 1000\r\n\r\nab");
    expect(result.answer).toMatch(/^HTTP\/1\.1 408/);
    expect(result.closedAfterMs).toBeLessThan(4000);
  });

  it("headers that never end are cut at the headers timeout", async () => {
    const result = await hold("GET / HTTP/1.1\r\nHost: x\r\nX-Slow: a");
    expect(result.closedAfterMs).toBeLessThan(2500);
  });

  it("a long answer to a complete request keeps streaming past the request timeout", async () => {
    const result = await hold("GET /stream HTTP/1.1\r\nHost: x\r\nConnection: close\r\n\r\n");
    expect(result.answer).toMatch(/^HTTP\/1\.1 200/);
    expect(result.answer).toContain("linha 7");
    expect(result.closedAfterMs).toBeGreaterThan(3500);
  });
});
