// The benchmark's view of a real portal server: started from the shared production build (bench-build.ts) on a given
// database, signed in through next-auth's own endpoints, and watched through /proc for its RSS.
import { spawn, type ChildProcess } from "node:child_process";
import { readFileSync } from "node:fs";
import { TEST_LICENSE_SIGNING_KEY } from "../support/portal-process";
import { BENCH_DIST_DIR } from "./bench-build";
import { waitUntilHealthy } from "./bench-portal";

export type RunningServer = { process: ChildProcess; pid: number; baseUrl: string; stop(): Promise<void> };

/** The application_name the server's connections carry, so pg_stat_activity can tell them apart. */
export const BENCH_APPLICATION = "portal-export-bench";

export function withApplicationName(databaseUrl: string): string {
  const url = new URL(databaseUrl);
  url.searchParams.set("application_name", BENCH_APPLICATION);
  return url.toString();
}

export async function startServer(
  databaseUrl: string,
  port: number,
  options: { cpuProfileDir?: string } = {},
): Promise<RunningServer> {
  const baseUrl = `http://127.0.0.1:${port}`;
  // --cpu-prof writes the server's profile when it exits (SIGTERM below ends it cleanly).
  const profile = options.cpuProfileDir ? ["--cpu-prof", `--cpu-prof-dir=${options.cpuProfileDir}`] : [];
  // node --import tsx: one process, so its pid is the server's and /proc shows its memory.
  const child = spawn(process.execPath, [...profile, "--import", "tsx", "server.ts"], {
    env: {
      ...process.env,
      NODE_ENV: "production",
      NEXT_DIST_DIR: BENCH_DIST_DIR,
      DATABASE_URL: withApplicationName(databaseUrl),
      PORT: String(port),
      HOST: "127.0.0.1",
      NEXTAUTH_URL: baseUrl,
      NEXTAUTH_SECRET: process.env.NEXTAUTH_SECRET ?? "bench-secret-bench-secret-bench-secret-42",
      LICENSE_SIGNING_KEY: process.env.LICENSE_SIGNING_KEY ?? TEST_LICENSE_SIGNING_KEY,
    },
    stdio: ["ignore", "pipe", "pipe"],
  });
  let output = "";
  child.stdout!.on("data", (chunk) => (output += chunk));
  child.stderr!.on("data", (chunk) => (output += chunk));
  const stop = () =>
    new Promise<void>((resolve) => {
      if (child.exitCode !== null) return resolve();
      child.once("exit", () => resolve());
      child.kill("SIGTERM");
    });
  await waitUntilHealthy(child, baseUrl, stop, () => output);
  return { process: child, pid: child.pid!, baseUrl, stop };
}

/** Resident set size of a process in bytes (VmRSS). */
export function rssBytes(pid: number): number {
  const match = /VmRSS:\s+(\d+) kB/.exec(readFileSync(`/proc/${pid}/status`, "utf8"));
  return match ? Number(match[1]) * 1024 : 0;
}

/** Samples the RSS every `everyMs` until stopped; returns the peak. */
export function sampleRss(pid: number, everyMs = 20) {
  let peak = rssBytes(pid);
  const timer = setInterval(() => {
    peak = Math.max(peak, rssBytes(pid));
  }, everyMs);
  return {
    stop() {
      clearInterval(timer);
      return Math.max(peak, rssBytes(pid));
    },
  };
}
