// Finding: slow clients held connections — a request that declared a body and never sent it was
// held ~319 s (Node's defaults). Replayed against the real server: 10 s for the headers, 30 s for
// the whole request.
import { connect } from "node:net";
import { expect, test } from "@playwright/test";

/** Writes `text` and reports what the server answered and when it closed the connection. */
function hold(baseURL: string, text: string): Promise<{ answer: string; closedAfterMs: number }> {
  const url = new URL(baseURL);
  return new Promise((resolve) => {
    const started = Date.now();
    let answer = "";
    const socket = connect(Number(url.port), url.hostname, () => socket.write(text));
    socket.setEncoding("utf8");
    socket.on("data", (chunk: string) => (answer += chunk));
    socket.on("error", () => undefined);
    socket.on("close", () => resolve({ answer, closedAfterMs: Date.now() - started }));
  });
}

test.describe("slow clients", () => {
  test.setTimeout(60_000);

  test("a login post whose body never arrives is cut with 408 after 30 s", async ({ baseURL }) => {
    const host = new URL(baseURL!).host;
    const result = await hold(
      baseURL!,
      `POST /api/auth/callback/credentials HTTP/1.1\r\nHost: ${host}\r\nContent-Type: application/x-www-form-urlencoded\r\nContent-Length: 5000\r\n\r\nemail=`,
    );
    expect(result.answer).toMatch(/^HTTP\/1\.1 408/);
    expect(result.closedAfterMs).toBeGreaterThanOrEqual(29_000);
    expect(result.closedAfterMs).toBeLessThan(33_000);
  });

  test("headers that never end are cut after 10 s", async ({ baseURL }) => {
    const result = await hold(baseURL!, `GET /login HTTP/1.1\r\nHost: ${new URL(baseURL!).host}\r\nX-Slow: a`);
    expect(result.closedAfterMs).toBeGreaterThanOrEqual(9_000);
    expect(result.closedAfterMs).toBeLessThan(13_000);
  });
});
