// Once per run: a freshly migrated template database that every test file clones.
import { randomBytes } from "node:crypto";
import { openDatabase } from "@/lib/db/connection";
import { migrate } from "@/lib/db/migrator";
import { TEST_DB_PREFIX, databaseUrl, templateDb, withAdmin } from "./postgres";
import { ensurePostgres } from "./postgres-server";

/** Test databases left by runs that died more than this long ago are removed. */
const STALE_AFTER = "6 hours";

export default async function setup() {
  // Workers inherit the environment, so they all find this run's template.
  process.env.PORTAL_TEST_RUN_ID = randomBytes(4).toString("hex");
  const server = await ensurePostgres();
  process.env.TEST_DATABASE_URL = server.adminUrl;
  const TEMPLATE_DB = templateDb();
  await withAdmin(async (admin) => {
    const stale = await admin.query<{ datname: string }>(
      `SELECT datname FROM pg_database
        WHERE datname LIKE $1
          AND (pg_stat_file('base/' || oid || '/PG_VERSION')).modification < now() - $2::interval`,
      [`${TEST_DB_PREFIX}%`, STALE_AFTER],
    );
    for (const { datname } of stale.rows) await admin.query(`DROP DATABASE IF EXISTS "${datname}" WITH (FORCE)`);
    await admin.query(`CREATE DATABASE "${TEMPLATE_DB}"`);
  });
  const db = await openDatabase({ kind: "postgres", url: databaseUrl(TEMPLATE_DB) });
  try {
    await migrate(db.sql);
  } finally {
    await db.close();
  }
  return async () => {
    await withAdmin((admin) => admin.query(`DROP DATABASE IF EXISTS "${TEMPLATE_DB}" WITH (FORCE)`));
    await server.stop();
  };
}
