// An embedded PGlite database, migrated, for the tests that check the `npm run demo` default: opened
// before the file's (or describe block's) tests and closed after them.
import { afterAll, beforeAll } from "vitest";
import { getDatabase, openDatabase, type Database } from "@/lib/db/connection";
import { migrate } from "@/lib/db/migrator";
import { closePglite } from "@/lib/db/pglite";

/** Returns a getter: the database exists once the tests run. */
export function pgliteTestDatabase(dataDir: string): () => Database {
  let db: Database | undefined;
  beforeAll(async () => {
    db = await openDatabase({ kind: "pglite", dataDir });
    await migrate(db.sql);
  });
  afterAll(async () => {
    await db?.close();
    await closePglite(dataDir);
  });
  return () => db!;
}

/**
 * Makes the app itself open an in-memory PGlite (DATABASE_URL unset, as `npm run demo` runs) for
 * the file's tests, migrated. Call it before the suite's other hooks; test-database.ts closes it.
 */
export function appOnPglite(name: string): void {
  let postgresUrl: string | undefined;
  beforeAll(async () => {
    postgresUrl = process.env.DATABASE_URL;
    delete process.env.DATABASE_URL;
    process.env.PGLITE_DATA_DIR = `memory://${name}`;
    const db = await getDatabase();
    if (db.target.kind !== "pglite") throw new Error(`expected PGlite, got ${db.target.kind}`);
    await migrate(db.sql);
  });
  afterAll(() => {
    process.env.DATABASE_URL = postgresUrl;
    delete process.env.PGLITE_DATA_DIR;
  });
}
