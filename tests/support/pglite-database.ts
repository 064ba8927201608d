// An embedded PGlite database, migrated, for the tests that check the `npm run demo` default: opened
// before the file's (or describe block's) tests and closed after them.
import { afterAll, beforeAll } from "vitest";
import { openDatabase, type Database } from "@/lib/db/connection";
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
