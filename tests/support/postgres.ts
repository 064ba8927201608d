// Where integration tests find PostgreSQL, and the guard that keeps them off any real database.
import pg from "pg";

import { DEFAULT_ADMIN_URL } from "./postgres-server";

/** Read at call time: the global setup may point it at an embedded server before workers start. */
export function adminUrl(): string {
  return process.env.TEST_DATABASE_URL ?? DEFAULT_ADMIN_URL;
}
export const TEST_DB_PREFIX = "portal_test_";
/** One template per test run, so two runs on one server never drop each other's databases. */
export function templateDb(): string {
  return `${TEST_DB_PREFIX}template_${process.env.PORTAL_TEST_RUN_ID ?? "local"}`;
}

const LOCAL_HOSTS = new Set(["localhost", "127.0.0.1", "::1", "[::1]"]);

export function assertLocal(url: string): void {
  const host = new URL(url).hostname;
  if (!LOCAL_HOSTS.has(host)) {
    throw new Error(`Integration tests refuse to run against a non-local database (${host}). Use a local PostgreSQL.`);
  }
}

export function databaseUrl(name: string): string {
  const url = new URL(adminUrl());
  url.pathname = `/${name}`;
  return url.toString();
}

export async function withAdmin<T>(fn: (client: pg.Client) => Promise<T>): Promise<T> {
  assertLocal(adminUrl());
  const client = new pg.Client({ connectionString: adminUrl() });
  // A server-side disconnect must fail the query in progress, not crash the test process.
  client.on("error", () => undefined);
  try {
    await client.connect();
  } catch (error) {
    throw new Error(
      `Integration tests need PostgreSQL at ${adminUrl()} (set TEST_DATABASE_URL to change it). ` +
        `Start it, e.g. \`pg_ctlcluster 15 main start\`. Cause: ${(error as Error).message}`,
    );
  }
  try {
    return await fn(client);
  } finally {
    await client.end();
  }
}
