// A reason carries a label per language: the actions' list of reasons, the list's rows and the
// export show the one of the interface's language, falling back to Portuguese where the English
// label is missing.
import { beforeAll, describe, expect, it } from "vitest";
import { customerSerials } from "@/lib/data/customer-serials";
import { activeReasons } from "@/lib/data/reasons";
import { openSubscriptionExport } from "@/lib/data/subscription-export";
import type { Database } from "@/lib/db/connection";
import { DEFAULT_FILTERS } from "@/lib/validation/subscription-filters";
import { createAccount, createCustomer, createReason, createSubscription } from "../support/factories";
import { testDatabase } from "../support/test-database";

let db: Database;
let manufacturerId: string;
let customerId: string;

async function exportText(locale: string): Promise<string> {
  const source = await openSubscriptionExport(
    { kind: "manufacturer", accountId: manufacturerId, graceDays: 15 },
    { ...DEFAULT_FILTERS },
    {
      now: new Date(),
      locale,
    },
  );
  const lines: string[] = [];
  source.start((bytes, start, end) => lines.push(bytes.toString("utf8", start, end)));
  await source.finished;
  return lines.join("");
}

beforeAll(async () => {
  db = await testDatabase();
  const manufacturer = await createAccount(db, { kind: "FABRICANTE" });
  manufacturerId = manufacturer.id;
  const translated = await createReason(db, manufacturerId, { label: "Pendência financeira", labelEn: "Outstanding payment" });
  await createReason(db, manufacturerId, { label: "Auditoria interna", labelEn: null });
  const customer = await createCustomer(db, manufacturerId);
  customerId = customer.id;
  await createSubscription(db, customer, { status: "SUSPENSA", blockReasonId: translated.id, blockedAt: new Date() });
});

describe("reason labels per language", () => {
  it("lists the reasons in the interface's language, Portuguese where no English label was written", async () => {
    expect((await activeReasons(manufacturerId, "pt-BR")).map((reason) => reason.label)).toEqual([
      "Auditoria interna",
      "Pendência financeira",
    ]);
    expect((await activeReasons(manufacturerId, "en")).map((reason) => reason.label)).toEqual([
      "Auditoria interna",
      "Outstanding payment",
    ]);
  });

  it("shows a blocked serial's reason in the list in the interface's language", async () => {
    const scope = { kind: "manufacturer", accountId: manufacturerId, graceDays: 15 } as const;
    const [pt] = (await customerSerials(scope, { ...DEFAULT_FILTERS }, [customerId], new Date(), "pt-BR")).get(customerId)!;
    const [en] = (await customerSerials(scope, { ...DEFAULT_FILTERS }, [customerId], new Date(), "en")).get(customerId)!;
    expect(pt!.blockReason).toBe("Pendência financeira");
    expect(en!.blockReason).toBe("Outstanding payment");
  });

  it("exports the reason in the interface's language", async () => {
    expect(await exportText("en")).toContain("Outstanding payment");
    expect(await exportText("pt-BR")).toContain("Pendência financeira");
  });
});
