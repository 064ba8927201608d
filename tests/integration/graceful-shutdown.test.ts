// SIGTERM to a real server process (node --import tsx server.ts on this file's PostgreSQL database):
// requests in flight finish, keep-alive clients are not reset, background loops and pools end,
// the process exits 0. Also what a process manager signals (npm start) and the production start's
// refusal without shared secrets.
import http from "node:http";
import net from "node:net";
import { afterEach, describe, expect, it } from "vitest";
import { freePort, startPortal, type PortalProcess } from "../support/portal-process";
import { testDatabase } from "../support/test-database";

const started: PortalProcess[] = [];
afterEach(async () => {
  for (const portal of started.splice(0)) await portal.stop("SIGKILL");
});

async function start(options: Partial<Parameters<typeof startPortal>[0]> = {}) {
  await testDatabase();
  const portal = await startPortal({ databaseUrl: process.env.DATABASE_URL!, port: await freePort(), ...options });
  started.push(portal);
  return portal;
}

type LoadResult = { ok: number; refused: number; retried: number; notAccepted: number; failures: string[] };

/**
 * clients keep-alive clients loading path in a loop until the server refuses connections. As
 * Node's docs advise, a request on a reused socket that the server closed while idle is retried;
 * a reset of a connection the server never accepted counts as refused; any other error, or a 5xx,
 * is a failure.
 */
function keepAliveLoad(url: string, path: string, clients: number, running: () => boolean): Promise<LoadResult> {
  const agent = new http.Agent({ keepAlive: true, maxSockets: clients });
  const result: LoadResult = { ok: 0, refused: 0, retried: 0, notAccepted: 0, failures: [] };
  const once = () =>
    new Promise<"ok" | "refused" | "retry">((resolve) => {
      const req = http.get(`${url}${path}`, { agent }, (res) => {
        res.resume();
        res.on("end", () => {
          if (res.statusCode! >= 500) result.failures.push(`HTTP ${res.statusCode}`);
          resolve("ok");
        });
        res.on("error", (error) => {
          result.failures.push(`response ${error.message}`);
          resolve("ok");
        });
      });
      req.on("error", (error: NodeJS.ErrnoException) => {
        if (error.code === "ECONNREFUSED") return resolve("refused");
        if (req.reusedSocket && (error.code === "ECONNRESET" || error.message === "socket hang up")) return resolve("retry");
        // A new connection still in the kernel's accept queue when the server stopped listening is
        // reset without the server ever reading it: a refusal, for the client (it retries elsewhere).
        if (!req.reusedSocket && error.code === "ECONNRESET") return resolve("refused");
        result.failures.push(`${error.code ?? ""} ${error.message}`);
        resolve("ok");
      });
    });
  const client = async () => {
    while (running()) {
      const outcome = await once();
      if (outcome === "refused") {
        result.refused++;
        return;
      }
      if (outcome === "retry") result.retried++;
      else result.ok++;
    }
  };
  return Promise.all(Array.from({ length: clients }, client)).then(() => {
    agent.destroy();
    return result;
  });
}

/** A check-in whose body arrives in two halves: in flight (headers read, body pending) meanwhile. */
function slowRequest(port: number) {
  const body = JSON.stringify({ serialNumber: "AAAA-BBBB-CCCC-DDDD", computerId: "pc-1", machineName: "PC" });
  const socket = net.connect(port, "127.0.0.1");
  const answer = new Promise<string>((resolve, reject) => {
    let text = "";
    socket.on("data", (chunk) => (text += chunk.toString("utf8")));
    socket.on("end", () => resolve(text));
    socket.on("error", reject);
  });
  const connected = new Promise<void>((resolve) => socket.once("connect", () => resolve()));
  return {
    async sendHead() {
      await connected;
      socket.write(
        `POST /api/v1/licenses/check-in HTTP/1.1\r\nHost: localhost\r\nContent-Type: application/json\r\n` +
          `Content-Length: ${Buffer.byteLength(body)}\r\n\r\n${body.slice(0, 10)}`,
      );
    },
    finish() {
      socket.write(body.slice(10));
      return answer;
    },
  };
}

describe("graceful shutdown (SIGTERM)", () => {
  it("finishes requests in flight, resets no keep-alive client and exits 0", async () => {
    const portal = await start();
    const slow = Array.from({ length: 5 }, () => slowRequest(portal.port));
    for (const request of slow) await request.sendHead();
    let loading = true;
    const load = keepAliveLoad(portal.url, "/login", 40, () => loading);
    await new Promise((resolve) => setTimeout(resolve, 1_500));

    portal.child.kill("SIGTERM");
    // Once the server says it is draining, the requests it was reading are still answered, and told to close.
    await expect
      .poll(() => portal.entries().some((entry) => String(entry.msg).startsWith("[shutdown] parando")), { timeout: 20_000 })
      .toBe(true);
    const answers = await Promise.all(slow.map((request) => request.finish()));
    for (const answer of answers) {
      expect(answer).toMatch(/^HTTP\/1\.1 (?:2|4)\d\d /);
      expect(answer.toLowerCase()).toContain("connection: close");
    }
    const exit = await portal.exited;
    loading = false;
    const result = await load;

    expect(exit).toEqual({ code: 0, signal: null });
    expect(result.failures).toEqual([]);
    expect(result.ok).toBeGreaterThan(40);
    const log = portal.entries();
    expect(log.some((entry) => entry.msg === "[shutdown] encerrado")).toBe(true);
  }, 180_000);

  it("npm start hands SIGTERM to the server itself: npm ends and no server is left running", async () => {
    const portal = await start({ command: "npm-start" });
    const exit = await portal.stop("SIGTERM");
    expect(exit.code).toBe(0);
    const refused = await fetch(`${portal.url}/api/health/live`).then(
      () => false,
      () => true,
    );
    expect(refused).toBe(true);
  }, 180_000);

  it("a production start on PostgreSQL without LICENSE_SIGNING_KEY refuses to run", async () => {
    const portal = await start({ env: { LICENSE_SIGNING_KEY: undefined }, noWait: true });
    const exit = await portal.exited;
    expect(exit.code).toBe(1);
    expect(portal.log()).toContain("LICENSE_SIGNING_KEY");
  }, 60_000);
});
