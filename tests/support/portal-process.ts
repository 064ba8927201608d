// A real portal server process (node --import tsx server.ts) for the tests and fault scripts that
// signal, restart or run several servers: started on a given database and port, its log kept
// (JSON lines), ready when /api/health/ready answers 200.
import { spawn, type ChildProcess } from "node:child_process";
import { generateKeyPairSync } from "node:crypto";
import { once } from "node:events";
import { ensureBuild } from "./next-build";

/** The build the processes serve: NEXT_DIST_DIR, or the default .next (built when stale). */
export function portalDistDir(): string {
  return process.env.NEXT_DIST_DIR ?? ".next";
}

/** Shared by every server of a run, as production requires (lib/runtime/bootstrap-env.ts). */
export const TEST_NEXTAUTH_SECRET = "process-test-secret-process-test-secret-0123";

/** One license signing key per test run, shared by its servers (PKCS8 PEM). */
export const TEST_LICENSE_SIGNING_KEY = generateKeyPairSync("ed25519")
  .privateKey.export({ type: "pkcs8", format: "pem" })
  .toString();

/** A port nobody listens on now (the OS picks it). */
export async function freePort(): Promise<number> {
  const { createServer } = await import("node:net");
  const server = createServer();
  await new Promise<void>((resolve) => server.listen(0, "127.0.0.1", resolve));
  const port = (server.address() as { port: number }).port;
  await new Promise((resolve) => server.close(resolve));
  return port;
}

export type PortalProcess = {
  child: ChildProcess;
  url: string;
  port: number;
  /** Everything the process wrote so far (stdout and stderr). */
  log(): string;
  /** Parsed JSON log lines so far. */
  entries(): Record<string, unknown>[];
  /** Sends signal and waits for the exit: its code (or the signal that ended it). */
  stop(signal?: NodeJS.Signals): Promise<{ code: number | null; signal: NodeJS.Signals | null }>;
  exited: Promise<{ code: number | null; signal: NodeJS.Signals | null }>;
};

export type StartOptions = {
  databaseUrl: string;
  port: number;
  env?: Record<string, string | undefined>;
  args?: string[];
  /** The command: node (default) or npm start, to test what a process manager signals. */
  command?: "node" | "npm-start";
  readyTimeoutMs?: number;
  /** Don't wait for readiness (a start expected to fail). */
  noWait?: boolean;
};

export async function waitForReady(url: string, timeoutMs: number, exited?: Promise<unknown>): Promise<void> {
  const deadline = Date.now() + timeoutMs;
  let gone = false;
  void exited?.then(() => (gone = true));
  while (Date.now() < deadline && !gone) {
    const status = await fetch(`${url}/api/health/ready`, { signal: AbortSignal.timeout(2_000) })
      .then((response) => response.status)
      .catch(() => 0);
    if (status === 200) return;
    await new Promise((resolve) => setTimeout(resolve, 200));
  }
  throw new Error(
    gone ? `the server at ${url} exited before it was ready` : `the server at ${url} was not ready within ${timeoutMs} ms`,
  );
}

export async function startPortal(options: StartOptions): Promise<PortalProcess> {
  const distDir = portalDistDir();
  ensureBuild(distDir);
  const env: NodeJS.ProcessEnv = {
    ...process.env,
    NODE_ENV: "production",
    NEXT_DIST_DIR: distDir,
    DATABASE_URL: options.databaseUrl,
    PORT: String(options.port),
    HOST: "127.0.0.1",
    NEXTAUTH_URL: `http://localhost:${options.port}`,
    NEXTAUTH_SECRET: TEST_NEXTAUTH_SECRET,
    LICENSE_SIGNING_KEY: TEST_LICENSE_SIGNING_KEY,
    ...options.env,
  };
  for (const [key, value] of Object.entries(env)) if (value === undefined) delete env[key];
  const child =
    options.command === "npm-start"
      ? spawn("npm", ["start", "--silent", "--", ...(options.args ?? [])], { env, stdio: ["ignore", "pipe", "pipe"] })
      : spawn(process.execPath, ["--import", "tsx", "server.ts", ...(options.args ?? [])], {
          env,
          stdio: ["ignore", "pipe", "pipe"],
        });
  const chunks: string[] = [];
  child.stdout!.on("data", (chunk: Buffer) => chunks.push(chunk.toString("utf8")));
  child.stderr!.on("data", (chunk: Buffer) => chunks.push(chunk.toString("utf8")));
  const exited = once(child, "exit").then(([code, signal]) => ({
    code: code as number | null,
    signal: signal as NodeJS.Signals | null,
  }));
  const url = `http://127.0.0.1:${options.port}`;
  const portal: PortalProcess = {
    child,
    url,
    port: options.port,
    log: () => chunks.join(""),
    entries: () =>
      chunks
        .join("")
        .split("\n")
        .filter((line) => line.startsWith("{"))
        .flatMap((line) => {
          try {
            return [JSON.parse(line) as Record<string, unknown>];
          } catch {
            return [];
          }
        }),
    async stop(signal = "SIGTERM") {
      if (child.exitCode === null && child.signalCode === null) child.kill(signal);
      return exited;
    },
    exited,
  };
  if (!options.noWait) {
    try {
      await waitForReady(url, options.readyTimeoutMs ?? 120_000, exited);
    } catch (error) {
      child.kill("SIGKILL");
      throw new Error(`${(error as Error).message}\n${portal.log().slice(-4000)}`);
    }
  }
  return portal;
}
