// Importar (CSV): the dry run's counts and per-row issues, applying in batches, idempotency (the
// same file again writes nothing), an export re-imported, and the bad files of issue 10.
import { writeFile } from "node:fs/promises";
import os from "node:os";
import path from "node:path";
import { NextRequest } from "next/server";
import { beforeAll, describe, expect, it } from "vitest";
import { GET as exportManufacturer } from "@/app/api/fabricante/assinaturas/exportar/route";
import type { Database } from "@/lib/db/connection";
import type { Actor } from "@/lib/domain/actor";
import { AppError } from "@/lib/errors";
import { readHeader } from "@/lib/import/read-csv-rows";
import { checkColumns, runImport } from "@/lib/import/run-import";
import { MAX_IMPORT_BYTES, spoolUpload } from "@/lib/import/spool-upload";
import * as factories from "../support/factories";
import { signInAs } from "../support/next-runtime";
import { testDatabase } from "../support/test-database";

let db: Database;
let manufacturerId: string;
let actor: Actor;
let existingSerial: string;
let cancelledSerial: string;
let foreignSerial: string;
let fabricanteId: string;

beforeAll(async () => {
  db = await testDatabase();
  const staff = await factories.createManufacturerWithStaff(db);
  manufacturerId = staff.account.id;
  fabricanteId = staff.fabricante.id;
  actor = { kind: "USER", userId: staff.fabricante.id, accountId: manufacturerId };
  const customer = await factories.createCustomer(db, manufacturerId, { document: "11222333000181", name: "Móveis Aurora", city: "Campinas" });
  existingSerial = (
    await factories.createSubscription(db, customer, {
      product: "Render Studio",
      plan: "ANUAL",
      startedAt: new Date("2026-01-10T00:00:00-03:00"),
      expiresAt: new Date("2027-01-10T23:59:59.999-03:00"),
    })
  ).serialNumber;
  cancelledSerial = (await factories.createSubscription(db, customer, { status: "CANCELADA", product: "Render Studio" })).serialNumber;
  const foreign = await factories.createAccount(db);
  foreignSerial = (await factories.createSubscription(db, await factories.createCustomer(db, foreign.id))).serialNumber;
});

let fileCount = 0;
async function csvFile(content: string | Buffer): Promise<string> {
  const file = path.join(os.tmpdir(), `import-test-${process.pid}-${fileCount++}.csv`);
  await writeFile(file, content);
  return file;
}

async function importFile(file: string, apply: boolean, batchSize?: number) {
  const issues: { line: number; column: string | null; key: string }[] = [];
  const summary = await runImport({
    file,
    manufacturerId,
    actor,
    apply,
    batchSize,
    events: { onIssue: (issue, column) => issues.push({ line: issue.line, column, key: issue.key }) },
  });
  return { ...summary, issues };
}

async function snapshot() {
  const [row] = await db.sql.query<Record<string, number>>(
    `SELECT (SELECT count(*)::int FROM customers WHERE manufacturer_id = $1) AS customers,
            (SELECT count(*)::int FROM subscriptions WHERE manufacturer_id = $1) AS subscriptions,
            (SELECT count(*)::int FROM subscription_events e JOIN subscriptions s ON s.id = e.subscription_id WHERE s.manufacturer_id = $1) AS events,
            (SELECT max(updated_at)::text FROM subscriptions WHERE manufacturer_id = $1) AS updated`,
    [manufacturerId],
  );
  return row!;
}

const HEADER = "Cliente;CNPJ/CPF;Tipo;Cidade;UF;E-mail;Número de Série;Produto;Plano;Início;Expira em";
const GOOD_AND_BAD = [
  HEADER,
  // 2: a new customer with a new serial (the export's labels and dates)
  "Ana Projetos;529.982.247-25;Profissional liberal;Niterói;RJ;ana@example.com;ABCD-EFGH-JKLM-NP23;render studio;Mensal;01/12/2026;01/01/2027",
  // 3: the same customer again, a second serial (no e-mail: the first row gave it)
  "Ana Projetos;52998224725;Profissional liberal;Niterói;RJ;;ABCD-EFGH-JKLM-NP24;Render Studio;Anual;2026-12-01;",
  // 4: the existing customer, its serial renewed to a later expiry
  `Móveis Aurora;11.222.333/0001-81;Lojista;Campinas;SP;;${"{existing}"};Render Studio;Anual;10/01/2026;10/01/2028`,
  // 5: malformed document
  "Loja X;123;Lojista;Santos;SP;x@example.com;ABCD-EFGH-JKLM-NP25;Render Studio;Mensal;;",
  // 6: unknown product
  "Loja Z;45723174000110;Lojista;Santos;SP;y@example.com;ABCD-EFGH-JKLM-NP26;Planilha Mágica;Mensal;;",
  // 7: the serial of line 2 again
  "Ana Projetos;52998224725;Profissional liberal;Niterói;RJ;;ABCD-EFGH-JKLM-NP23;Render Studio;Mensal;;",
  // 8: a new customer without e-mail and type
  "Loja Y;06.990.590/0001-23;;Santos;SP;;;;;;",
  // 9: another manufacturer's serial; 10: a cancelled serial's renewal; 11: malformed serial
  `Móveis Aurora;11222333000181;Lojista;Campinas;SP;;${"{foreign}"};Render Studio;Anual;;`,
  `Móveis Aurora;11222333000181;Lojista;Campinas;SP;;${"{cancelled}"};Render Studio;;;10/01/2040`,
  "Móveis Aurora;11222333000181;Lojista;Campinas;SP;;NOT-A-SERIAL;Render Studio;Anual;;",
  // 12: a formula in a cell (as typed, and behind the export's apostrophe)
  "=HYPERLINK(\"http://evil\");33000167000101;Lojista;'+cmd;SP;z@example.com;;;;;",
];

function goodAndBad() {
  return GOOD_AND_BAD.join("\r\n")
    .replace("{existing}", existingSerial)
    .replace("{foreign}", foreignSerial)
    .replace("{cancelled}", cancelledSerial);
}

describe("dry run, apply, and the same file again", () => {
  it("the dry run counts and reports every bad row with line, column and reason, writing nothing", async () => {
    const before = await snapshot();
    const file = await csvFile(goodAndBad());
    const { counts, issues } = await importFile(file, false, 3);
    expect(counts).toEqual({
      rows: 11,
      customersCreated: 1,
      customersUpdated: 0,
      subscriptionsCreated: 2,
      subscriptionsUpdated: 0,
      subscriptionsRenewed: 1,
      unchanged: 0,
      invalid: 8,
    });
    expect(issues).toEqual([
      { line: 5, column: "CNPJ/CPF", key: "documentInvalid" },
      { line: 6, column: "Produto", key: "productUnknown" },
      { line: 7, column: "Número de Série", key: "importSerialRepeated" },
      { line: 8, column: "Tipo", key: "importRequiredForNewCustomer" },
      { line: 8, column: "E-mail", key: "importRequiredForNewCustomer" },
      { line: 9, column: "Número de Série", key: "importSerialTaken" },
      { line: 10, column: "Expira em", key: "importCancelledRenewal" },
      { line: 11, column: "Número de Série", key: "serialInvalid" },
      { line: 12, column: "Cliente", key: "formula" },
      { line: 12, column: "Cidade", key: "formula" },
    ]);
    expect(await snapshot()).toEqual(before);
  });

  it("applying writes the good rows with their events; the same file again changes nothing", async () => {
    const file = await csvFile(goodAndBad());
    const before = await snapshot();
    const applied = await importFile(file, true, 3);
    expect(applied.counts).toMatchObject({ customersCreated: 1, subscriptionsCreated: 2, subscriptionsRenewed: 1, invalid: 8 });
    expect(applied.batches.failed).toEqual([]);
    const after = await snapshot();
    expect(after.customers).toBe(before.customers! + 1);
    expect(after.subscriptions).toBe(before.subscriptions! + 2);
    expect(after.events).toBe(before.events! + 3);
    const ana = await db.prisma.customer.findFirstOrThrow({ where: { manufacturerId, document: "52998224725" } });
    expect(ana).toMatchObject({ name: "Ana Projetos", type: "PROFISSIONAL", city: "Niterói", state: "RJ", email: "ana@example.com" });
    const created = await db.prisma.subscription.findUniqueOrThrow({ where: { serialNumber: "ABCD-EFGH-JKLM-NP23" } });
    expect(created).toMatchObject({ product: "Render Studio", plan: "MENSAL", status: "ATIVA", customerId: ana.id });
    expect(created.startedAt).toEqual(new Date("2026-12-01T00:00:00-03:00"));
    expect(created.expiresAt).toEqual(new Date("2027-01-01T23:59:59.999-03:00"));
    const renewed = await db.prisma.subscription.findUniqueOrThrow({ where: { serialNumber: existingSerial } });
    expect(renewed.expiresAt).toEqual(new Date("2028-01-10T23:59:59.999-03:00"));
    const [event] = await db.sql.query(
      `SELECT type, actor_kind, expires_from, expires_to FROM subscription_events WHERE subscription_id = $1`,
      [renewed.id],
    );
    expect(event).toEqual({
      type: "RENEWED",
      actor_kind: "USER",
      expires_from: new Date("2027-01-10T23:59:59.999-03:00"),
      expires_to: renewed.expiresAt,
    });

    const again = await importFile(file, true, 3);
    expect(again.counts).toMatchObject({ customersCreated: 0, customersUpdated: 0, subscriptionsCreated: 0, subscriptionsRenewed: 0, unchanged: 3 });
    expect(await snapshot()).toEqual(after);
  });

  it("updates a customer's data from the file, and refuses an expiry moving back", async () => {
    const file = await csvFile(
      [HEADER, `Móveis Aurora Ltda;11222333000181;Lojista;Campinas;SP;;${existingSerial};Render Studio;Anual;10/01/2026;10/01/2027`].join("\n"),
    );
    const { counts, issues } = await importFile(file, true);
    expect(issues).toEqual([{ line: 2, column: "Expira em", key: "importExpiryBackwards" }]);
    expect(counts.invalid).toBe(1);
    const customerOnly = await csvFile([HEADER, "Móveis Aurora Ltda;11222333000181;Lojista;Campinas;SP;;;;;;"].join("\n"));
    expect((await importFile(customerOnly, true)).counts).toMatchObject({ customersUpdated: 1, invalid: 0 });
    expect((await db.prisma.customer.findFirstOrThrow({ where: { manufacturerId, document: "11222333000181" } })).name).toBe(
      "Móveis Aurora Ltda",
    );
  });

  it("accepts commas and the English export headers", async () => {
    const file = await csvFile(
      "\uFEFFCustomer,CNPJ/CPF,Type,City,State,E-mail,Serial number,Product,Plan,Start,Expires on\r\n" +
        '"Estúdio Norte, Ltda",45.723.174/0001-10,Retailer,Santos,SP,norte@example.com,ABCD-EFGH-JKLM-NP27,Render Studio,Annual,,\r\n',
    );
    const { counts, issues } = await importFile(file, true);
    expect(issues).toEqual([]);
    expect(counts).toMatchObject({ customersCreated: 1, subscriptionsCreated: 1 });
    expect((await db.prisma.customer.findFirstOrThrow({ where: { manufacturerId, document: "45723174000110" } })).name).toBe("Estúdio Norte, Ltda");
  });
});

describe("files the import refuses", () => {
  function body(content: string | Buffer) {
    return new Response(typeof content === "string" ? content : new Uint8Array(content)).body;
  }

  it("a Latin-1 file: refused before anything is read", async () => {
    const latin1 = Buffer.from(`${HEADER}\nJoão;52998224725;Lojista;São Paulo;SP;;;;;;\n`, "latin1");
    await expect(spoolUpload(body(latin1))).rejects.toMatchObject({ status: 400, messageRef: { key: "subscriptions.import.errors.encoding" } });
  });

  it("an empty file and a file of blank lines", async () => {
    await expect(spoolUpload(body(""))).rejects.toMatchObject({ status: 400, messageRef: { key: "subscriptions.import.errors.empty" } });
    const blank = await spoolUpload(body("\uFEFF\r\n\r\n"));
    await expect(readHeader(blank.path)).rejects.toMatchObject({ messageRef: { key: "subscriptions.import.errors.empty" } });
    await blank.remove();
  });

  it("a file over the limit: 413 while it streams, nothing kept", async () => {
    const big = new ReadableStream<Uint8Array>({
      start(controller) {
        const chunk = new TextEncoder().encode(`${"x".repeat(1023)}\n`.repeat(1024));
        for (let sent = 0; sent <= MAX_IMPORT_BYTES; sent += chunk.length) controller.enqueue(chunk);
        controller.close();
      },
    });
    const error = await spoolUpload(big).catch((caught: unknown) => caught);
    expect(error).toBeInstanceOf(AppError);
    expect((error as AppError).status).toBe(413);
  });

  it("a file without a CNPJ/CPF column", async () => {
    const file = await csvFile("Nome;Cidade\nAna;Santos\n");
    expect(() => checkColumns(["Nome", "Cidade"])).toThrow(AppError);
    await expect(importFile(file, false)).rejects.toMatchObject({ messageRef: { key: "subscriptions.import.errors.noDocumentColumn" } });
  });
});

describe("an export imported back", () => {
  it("Exportar's own file, re-imported, changes nothing and writes no event", async () => {
    signInAs(fabricanteId);
    const response = await exportManufacturer(new NextRequest("http://localhost/api/fabricante/assinaturas/exportar"));
    expect(response.status).toBe(200);
    const file = await csvFile(Buffer.from(await response.arrayBuffer()));
    const before = await snapshot();
    const dry = await importFile(file, false);
    expect(dry.issues).toEqual([]);
    expect(dry.counts.rows).toBe(before.subscriptions);
    expect(dry.counts.unchanged).toBe(before.subscriptions);
    const applied = await importFile(file, true);
    expect(applied.counts).toMatchObject({ customersCreated: 0, customersUpdated: 0, subscriptionsCreated: 0, subscriptionsUpdated: 0, subscriptionsRenewed: 0 });
    expect(await snapshot()).toEqual(before);
  });
});
