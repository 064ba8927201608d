// The list's customer search (matched once, counted in the chips' pass) and its keyset pages on
// embedded PGlite (the database when DATABASE_URL is unset), as on PostgreSQL.
import { describe, expect, it } from "vitest";
import { listSubscriptions } from "@/lib/data/subscription-list";
import { getDatabase } from "@/lib/db/connection";
import { DEFAULT_FILTERS } from "@/lib/validation/subscription-filters";
import { appOnPglite } from "../support/pglite-database";
import { createManySerials } from "../support/export-fixture";

// Registered before the suite's hooks, so the app opens PGlite.
appOnPglite("subscription-list-pglite");

describe("the subscription list on PGlite", () => {
  it("counts a customer search's serials and customers, and pages by cursor as by number", async () => {
    const { scope } = await createManySerials(await getDatabase(), 40);
    const now = new Date();
    const repeated = await listSubscriptions(scope, { ...DEFAULT_FILTERS, cliente: "repetido", status: ["ATIVA"] }, now);
    expect([repeated.serialCount, repeated.customerCount, repeated.chips.ATIVA]).toEqual([30, 3, 30]);
    const none = await listSubscriptions(scope, { ...DEFAULT_FILTERS, cliente: "zzzzzz" }, now);
    expect([none.serialCount, none.customerCount, none.customers]).toEqual([0, 0, []]);

    const one = { ...DEFAULT_FILTERS, porPagina: 1 };
    const byNumber = await Promise.all(
      [1, 2, 3, 4].map(async (pagina) => (await listSubscriptions(scope, { ...one, pagina }, now)).customers[0]!.id),
    );
    const after = await listSubscriptions(scope, { ...one, pagina: 3, apos: byNumber[1] }, now);
    const before = await listSubscriptions(scope, { ...one, pagina: 2, antes: byNumber[2] }, now);
    expect([after.customers[0]!.id, before.customers[0]!.id]).toEqual([byNumber[2], byNumber[1]]);
  });
});
