// Each integration test file gets its own database, cloned from the migrated template, and the
// app's code reaches it through DATABASE_URL exactly as in production.
import { randomBytes } from "node:crypto";
import { afterAll, beforeAll } from "vitest";
import { closeApiSql } from "@/lib/data/api-db";
import { closeExportPools } from "@/lib/data/subscription-export-copy";
import { getDatabase, type Database } from "@/lib/db/connection";
import { TEST_DB_PREFIX, databaseUrl, templateDb, withAdmin } from "./postgres";

const REGISTRY_KEY = Symbol.for("portal-assinaturas.database");
const name = `${TEST_DB_PREFIX}${process.env.VITEST_POOL_ID ?? "0"}_${randomBytes(4).toString("hex")}`;

beforeAll(async () => {
  await withAdmin((admin) => admin.query(`CREATE DATABASE "${name}" TEMPLATE "${templateDb()}"`));
  process.env.DATABASE_URL = databaseUrl(name);
  delete (globalThis as Record<symbol, unknown>)[REGISTRY_KEY];
});

afterAll(async () => {
  const registry = globalThis as Record<symbol, Promise<Database> | undefined>;
  const open = registry[REGISTRY_KEY];
  delete registry[REGISTRY_KEY];
  if (open) await (await open).close();
  // The export's own connections (subscription-export-copy.ts), before the database goes.
  await closeExportPools();
  await closeApiSql();
  await withAdmin((admin) => admin.query(`DROP DATABASE IF EXISTS "${name}" WITH (FORCE)`));
});

/** The test file's database, as the app sees it. */
export function testDatabase(): Promise<Database> {
  return getDatabase();
}

export function testDatabaseName(): string {
  return name;
}
