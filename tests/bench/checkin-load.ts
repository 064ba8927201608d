// Load for the license benchmark: wrk or autocannon at N connections against check-in or activate, each
// request for a random serial from a random IP (X-Forwarded-For; the server runs with TRUST_PROXY=1),
// as thousands of desktops would send it.
import { execFile } from "node:child_process";
import http from "node:http";
import autocannon from "autocannon";

export type LoadResult = { rps: number; p50: number; p99: number; ok: number; other: number; errors: number };

export type LoadPlan = {
  url: string;
  path: "/api/v1/licenses/check-in" | "/api/v1/licenses/activate";
  connections: number;
  seconds: number;
  /** Builds one request body; called once per request. */
  body: (sequence: number) => unknown;
};

let sequence = 0;

function ipFor(n: number): string {
  return `10.${(n >> 16) & 255}.${(n >> 8) & 255}.${n & 255}`;
}

export async function runLoad(plan: LoadPlan): Promise<LoadResult> {
  const result = await autocannon({
    url: plan.url,
    connections: plan.connections,
    duration: plan.seconds,
    requests: [
      {
        method: "POST",
        path: plan.path,
        setupRequest: (request) => {
          const n = ++sequence;
          return {
            ...request,
            headers: { "content-type": "application/json", "x-forwarded-for": ipFor(n) },
            body: JSON.stringify(plan.body(n)),
          };
        },
      },
    ],
  });
  return {
    rps: result.requests.average,
    p50: result.latency.p50,
    p99: result.latency.p99,
    ok: result["2xx"],
    other: result.non2xx,
    errors: result.errors + result.timeouts,
  };
}

/** A nonce the API accepts, cheap to make at thousands per second. */
export function benchNonce(n: number): string {
  return `bench${n.toString(36).padStart(12, "0")}`;
}

export type WrkPlan = {
  url: string;
  mode: "check-in" | "activate";
  /** check-in: "serial machine-id" lines; activate: one serial per line. */
  file: string;
  connections: number;
  seconds: number;
  threads: number;
};

/** The same load with wrk (C, a fraction of autocannon's CPU) and tests/bench/checkin-wrk.lua. */
export function runWrk(plan: WrkPlan): Promise<LoadResult> {
  const args = [
    `-t${plan.threads}`,
    `-c${plan.connections}`,
    `-d${plan.seconds}s`,
    "-s",
    "tests/bench/checkin-wrk.lua",
    plan.url,
    "--",
    plan.file,
    plan.mode,
    String(plan.threads),
  ];
  return new Promise((resolve, reject) => {
    execFile("wrk", args, { maxBuffer: 1 << 20 }, (error, stdout) => {
      const line = stdout.split("\n").find((text) => text.startsWith("WRK_RESULT "));
      if (error || !line) return reject(error ?? new Error(`wrk printed no result:\n${stdout}`));
      const r = JSON.parse(line.slice("WRK_RESULT ".length)) as {
        requests: number;
        seconds: number;
        p50: number;
        p99: number;
        non2xx: number;
        errors: number;
      };
      resolve({
        rps: r.requests / r.seconds,
        p50: Math.round(r.p50 * 10) / 10,
        p99: Math.round(r.p99 * 10) / 10,
        ok: r.requests - r.non2xx,
        other: r.non2xx,
        errors: r.errors,
      });
    });
  });
}

/**
 * Open-loop load at a constant rate (what wrk2 does): one request every 1/rate s over a pool of
 * keep-alive connections, each latency measured from when the request was due, so a stalled server
 * can't hide its queue (no coordinated omission). autocannon's own pacing sends each connection's
 * quota in a burst at the start of every second, which measures the burst instead.
 */
export async function runPaced(plan: LoadPlan & { rate: number }): Promise<LoadResult> {
  const agent = new http.Agent({ keepAlive: true, maxSockets: plan.connections });
  const target = new URL(plan.path, plan.url);
  const total = Math.round(plan.rate * plan.seconds);
  const latencies: number[] = [];
  let [ok, other, errors] = [0, 0, 0];
  const start = performance.now();
  await new Promise<void>((resolve) => {
    let sent = 0;
    let settled = 0;
    const settle = (due: number) => {
      latencies.push(performance.now() - due);
      if (++settled === total) resolve();
    };
    const fire = (due: number) => {
      const n = ++sequence;
      const body = JSON.stringify(plan.body(n));
      const request = http.request(target, {
        method: "POST",
        agent,
        headers: { "content-type": "application/json", "content-length": Buffer.byteLength(body), "x-forwarded-for": ipFor(n) },
      });
      request.on("response", (response) => {
        response.resume();
        response.on("end", () => {
          if (response.statusCode === 200) ok++;
          else other++;
          settle(due);
        });
      });
      request.on("error", () => {
        errors++;
        settle(due);
      });
      request.end(body);
    };
    const tick = () => {
      const now = performance.now();
      for (; sent < total && start + (sent * 1000) / plan.rate <= now; sent++) fire(start + (sent * 1000) / plan.rate);
      if (sent < total) setTimeout(tick, 1);
    };
    tick();
  });
  agent.destroy();
  latencies.sort((a, b) => a - b);
  const at = (q: number) => Math.round(latencies[Math.min(latencies.length - 1, Math.floor(q * latencies.length))]! * 10) / 10;
  return { rps: (ok + other) / ((performance.now() - start) / 1000), p50: at(0.5), p99: at(0.99), ok, other, errors };
}
