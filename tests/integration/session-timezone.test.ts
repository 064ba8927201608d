// Dates survive a database whose default time zone isn't UTC: every connection is put in UTC,
// because Prisma's pg adapter reads and writes timestamps as if the session were.
import { describe, expect, it } from "vitest";
import { openDatabase } from "@/lib/db/connection";
import { databaseUrl, withAdmin } from "../support/postgres";
import { testDatabaseName } from "../support/test-database";

describe("session time zone", () => {
  it("keeps timestamps exact on a database configured for another time zone", async () => {
    await withAdmin((admin) => admin.query(`ALTER DATABASE "${testDatabaseName()}" SET timezone = 'America/New_York'`));
    const db = await openDatabase({ kind: "postgres", url: databaseUrl(testDatabaseName()) });
    try {
      const createdAt = new Date("2026-03-18T11:00:00.000Z");
      const account = await db.prisma.account.create({
        data: { kind: "FABRICANTE", name: "Fuso", document: "11222333000181", createdAt },
      });
      const [raw] = await db.sql.query<{ utc: string; zone: string }>(
        `SELECT to_char(created_at AT TIME ZONE 'UTC', 'YYYY-MM-DD"T"HH24:MI:SS') AS utc, current_setting('TimeZone') AS zone
           FROM accounts WHERE id = $1`,
        [account.id],
      );
      expect(raw).toEqual({ utc: "2026-03-18T11:00:00", zone: "UTC" });
      const read = await db.prisma.account.findUniqueOrThrow({ where: { id: account.id } });
      expect(read.createdAt.toISOString()).toBe(createdAt.toISOString());
    } finally {
      await db.close();
    }
  });
});
