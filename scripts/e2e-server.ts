// Starts the portal for the Playwright suite on a fresh database (portal_e2e_<port>) with the demo data,
// on the local PostgreSQL or, without one, a throwaway embedded PostgreSQL.
// Rebuilds the app first when the build is missing or older than the sources.
import { spawn } from "node:child_process";
import { createWriteStream, mkdirSync, mkdtempSync } from "node:fs";
import os from "node:os";
import path from "node:path";
import pg from "pg";
import { e2eSmtpPort } from "../tests/support/e2e-smtp";
import { ensureBuild } from "../tests/support/next-build";
import { ensurePostgres } from "../tests/support/postgres-server";

const PORT = process.env.E2E_PORT ?? "3100";
// The default port uses the normal build folder; other ports get their own, so parallel runs don't
// rebuild under each other's feet.
const DIST_DIR = process.env.NEXT_DIST_DIR ?? (PORT === "3100" ? ".next" : `.next-e2e-${PORT}`);
/** One database per port, so parallel runs on one PostgreSQL never drop each other's. */
const E2E_DB = `portal_e2e_${PORT}`;
async function freshDatabaseUrl(adminUrl: string): Promise<string> {
  const admin = new pg.Client({ connectionString: adminUrl });
  await admin.connect();
  try {
    await admin.query(`DROP DATABASE IF EXISTS ${E2E_DB} WITH (FORCE)`);
    await admin.query(`CREATE DATABASE ${E2E_DB}`);
  } finally {
    await admin.end();
  }
  const url = new URL(adminUrl);
  url.pathname = `/${E2E_DB}`;
  return url.toString();
}

async function main() {
  ensureBuild(DIST_DIR);
  // E2E_DATABASE=pglite runs the suite on the embedded database the demo command uses.
  const postgres = process.env.E2E_DATABASE === "pglite" ? null : await ensurePostgres();
  const env: NodeJS.ProcessEnv = {
    ...process.env,
    PORT,
    NEXT_DIST_DIR: DIST_DIR,
    NEXTAUTH_URL: `http://localhost:${PORT}`,
    NEXTAUTH_SECRET: "e2e-secret-e2e-secret-e2e-secret-e2e-secret",
    // The specs that read e-mail listen there (tests/support/e2e-smtp.ts); when none does, sending
    // fails and the portal carries on, as it does when a real mail server is away.
    SMTP_URL: `smtp://127.0.0.1:${e2eSmtpPort(PORT)}`,
  };
  if (postgres) {
    env.DATABASE_URL = await freshDatabaseUrl(postgres.adminUrl);
  } else {
    delete env.DATABASE_URL;
    env.PGLITE_DATA_DIR = mkdtempSync(path.join(os.tmpdir(), "portal-e2e-"));
    console.log(`[e2e] using embedded PGlite in ${env.PGLITE_DATA_DIR}`);
  }
  // The server's output also goes to a file the security specs read (no stack trace may appear).
  const logFile = path.join("test-results", `e2e-server-${PORT}.log`);
  mkdirSync(path.dirname(logFile), { recursive: true });
  const log = createWriteStream(logFile);
  const server = spawn(process.execPath, ["--import", "tsx", "server.ts", "--demo"], { stdio: ["inherit", "pipe", "pipe"], env });
  server.stdout.on("data", (chunk: Buffer) => {
    process.stdout.write(chunk);
    log.write(chunk);
  });
  server.stderr.on("data", (chunk: Buffer) => {
    process.stderr.write(chunk);
    log.write(chunk);
  });
  const stop = () => {
    server.kill("SIGTERM");
  };
  process.on("SIGTERM", stop);
  process.on("SIGINT", stop);
  server.on("exit", (code) => {
    void (postgres?.stop() ?? Promise.resolve()).finally(() => process.exit(code ?? 0));
  });
}

main().catch((error: unknown) => {
  console.error("[e2e] could not start the portal:", error);
  process.exit(1);
});
