// Exportar, read back, on embedded PGlite (the database when DATABASE_URL is unset): the same
// round trip as on PostgreSQL, through the keyset path, and that path's own batch boundaries.
import { describe, expect, it } from "vitest";
import { copyFieldValue } from "@/lib/csv/copy-text";
import { subscriptionExportSql } from "@/lib/data/subscription-export";
import { EXPORT_FIELDS } from "@/lib/data/subscription-export-types";
import { openKeysetExport } from "@/lib/data/subscription-export-keyset";
import { getDatabase } from "@/lib/db/connection";
import { parseSubscriptionFilters } from "@/lib/validation/subscription-filters";
import { appOnPglite } from "../support/pglite-database";
import { createManySerials, serialsInListOrder } from "../support/export-fixture";
import { exportRoundTripSuite } from "../support/export-roundtrip-suite";

const SERIAL = EXPORT_FIELDS.findIndex(([name]) => name === "serial_number");
// Registered before the suite's hooks, so the app opens PGlite.
appOnPglite("export-roundtrip-pglite");

exportRoundTripSuite();

describe("Exportar on PGlite reads keyset batches", () => {
  async function openTinyBatches(count: number) {
    const db = await getDatabase();
    const { scope } = await createManySerials(db, count);
    const now = new Date();
    const { filters } = parseSubscriptionFilters({});
    const sql = subscriptionExportSql(scope, filters, now, { keyset: true });
    const source = await openKeysetExport(db.sql, sql, { now, batchSize: 7 });
    return { db, scope, source };
  }

  it("lands on every kind of boundary (inside one name, between namesakes) in the list's order", async () => {
    const { db, scope, source } = await openTinyBatches(700);
    const serials: (string | null)[] = [];
    source.start((bytes, start, end) =>
      serials.push(copyFieldValue(bytes.toString("utf8", start, end - 1).split("\t")[SERIAL]!)),
    );
    await source.finished;
    expect(serials).toEqual(await serialsInListOrder(db, scope));
  });

  it("hands over no line after close, and settles", async () => {
    const { source } = await openTinyBatches(300);
    let lines = 0;
    source.start(() => {
      if (++lines === 10) void source.close();
    });
    await source.finished;
    await new Promise((resolve) => setTimeout(resolve, 50));
    expect(lines).toBe(10);
  });
});
