// The list benchmark's real portal: the benchmarks' shared production build (bench-build.ts), `tsx server.ts` on the
// benchmark database, a next-auth sign-in, and timed page requests with the session's cookies.
import { spawn, type ChildProcess } from "node:child_process";
import { TEST_LICENSE_SIGNING_KEY } from "../support/portal-process";
import { BENCH_DIST_DIR } from "./bench-build";
import { waitUntilHealthy } from "./bench-portal";

export type PortalServer = { baseUrl: string; pid: number; stop(): Promise<void> };

export async function startPortal(databaseUrl: string, port: number): Promise<PortalServer> {
  const baseUrl = `http://localhost:${port}`;
  const child: ChildProcess = spawn("npx", ["tsx", "server.ts"], {
    env: {
      ...process.env,
      NODE_ENV: "production",
      DATABASE_URL: databaseUrl,
      PORT: String(port),
      NEXT_DIST_DIR: BENCH_DIST_DIR,
      NEXTAUTH_URL: baseUrl,
      NEXTAUTH_SECRET: process.env.NEXTAUTH_SECRET ?? "list-bench-secret-list-bench-secret-0123",
      LICENSE_SIGNING_KEY: process.env.LICENSE_SIGNING_KEY ?? TEST_LICENSE_SIGNING_KEY,
    },
    stdio: ["ignore", "pipe", "pipe"],
    // Its own process group, so stopping it also stops tsx's node child and nothing else.
    detached: true,
  });
  let output = "";
  child.stdout!.on("data", (chunk) => (output += chunk));
  child.stderr!.on("data", (chunk) => (output += chunk));
  const stop = () =>
    new Promise<void>((resolve) => {
      if (child.exitCode !== null) return resolve();
      child.once("exit", () => resolve());
      process.kill(-child.pid!, "SIGTERM");
    });
  await waitUntilHealthy(child, baseUrl, stop, () => output);
  return { baseUrl, pid: child.pid!, stop };
}

/** GETs a page and reads the whole streamed body; fails on anything but 200 with the marker. */
export async function fetchPage(url: string, cookie: string, marker: string): Promise<number> {
  const started = performance.now();
  const response = await fetch(url, { headers: { cookie }, redirect: "manual" });
  const body = await response.text();
  const elapsed = performance.now() - started;
  if (response.status !== 200) throw new Error(`${url} answered ${response.status}`);
  if (!body.includes(marker)) throw new Error(`${url} does not show "${marker}"`);
  return elapsed;
}
