// The embedded PostgreSQL (PGlite) used when no DATABASE_URL is set. One instance per process,
// shared through globalThis because Next's server bundle and the custom server load this module
// separately and two instances on one data directory would corrupt it.
import { mkdirSync } from "node:fs";
import { PGlite } from "@electric-sql/pglite";
import { pg_trgm } from "@electric-sql/pglite/contrib/pg_trgm";

const registry = globalThis as unknown as { [key: symbol]: Map<string, Promise<PGlite>> | undefined };
const KEY = Symbol.for("portal-assinaturas.pglite");

export function openPglite(dataDir: string): Promise<PGlite> {
  const instances = (registry[KEY] ??= new Map());
  let instance = instances.get(dataDir);
  if (!instance) {
    if (!dataDir.startsWith("memory://")) mkdirSync(dataDir, { recursive: true });
    // UTC sessions, as on PostgreSQL (see SESSION_OPTIONS in connection.ts).
    instance = PGlite.create(dataDir, { extensions: { pg_trgm } }).then(async (db) => {
      await db.exec("SET TimeZone = 'UTC'");
      return db;
    });
    instances.set(dataDir, instance);
  }
  return instance;
}

export async function closePglite(dataDir: string): Promise<void> {
  const instances = registry[KEY];
  const instance = instances?.get(dataDir);
  if (!instance) return;
  instances!.delete(dataDir);
  await (await instance).close();
}
