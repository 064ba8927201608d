// Exportar, read back: the CSV is parsed with papaparse and compared row by row with what the
// database holds for the serials the list's filters select — names with ;, ", line breaks,
// accents and formula-looking starts included.
import { NextRequest } from "next/server";
import Papa from "papaparse";
import { beforeAll, describe, expect, it } from "vitest";
import { GET } from "@/app/api/fabricante/assinaturas/exportar/route";
import { SqlParams } from "@/lib/data/sql-params";
import { subscriptionExportBatches, type SubscriptionExportRow } from "@/lib/data/subscription-export";
import { SUBSCRIPTION_FROM, subscriptionConditions } from "@/lib/data/subscription-filter-sql";
import type { SubscriptionScope } from "@/lib/data/subscription-scope";
import type { Database } from "@/lib/db/connection";
import type { Prisma } from "@/lib/db/generated/client";
import { formatDocument } from "@/lib/domain/documents";
import { deriveDisplayStatus } from "@/lib/domain/subscription-status";
import { formatDate } from "@/lib/format";
import { searchParamsToObject } from "@/lib/http/define-route";
import { parseSubscriptionFilters } from "@/lib/validation/subscription-filters";
import { createCustomer, createManufacturerWithStaff, createReason, createSubscription } from "../support/factories";
import { signInAs } from "../support/next-runtime";
import { testDatabase } from "../support/test-database";

const DAY = 24 * 60 * 60 * 1000;
const URL_BASE = "http://localhost/api/fabricante/assinaturas/exportar";

const HEADER = [
  "Cliente",
  "CNPJ/CPF",
  "Tipo",
  "Cidade",
  "UF",
  "Número de Série",
  "Produto",
  "Plano",
  "Status",
  "Situação",
  "Motivo",
  "Descrição do motivo",
  "Nome da Máquina",
  "Ativado em",
  "Último acesso",
  "Trocas (30 dias)",
  "Início",
  "Expira em",
  "Fim da tolerância",
  "Cobrança de renovação",
];

const TRICKY_NAMES = [
  "Loja; Ponto e Vírgula",
  'Aspas "Duplas" Planejados',
  "Quebra\nde Linha Móveis",
  "Ação Çedilha Êxito Ltda",
  '=HYPERLINK("http://mal.test","clique")',
  "+55 Móveis",
  "-Traço Inicial",
  "@Arroba Planejados",
  "\tTabulação Inicial",
  'Ângela ; "=1+1"\r\nFim',
];

type Fixture = Awaited<ReturnType<typeof buildFixture>>;

async function buildFixture(db: Database) {
  const staff = await createManufacturerWithStaff(db);
  const manufacturer = await db.prisma.account.update({
    where: { id: staff.account.id },
    data: { name: "Móveis São João & Cia", graceDays: 10 },
  });
  const suspension = await createReason(db, manufacturer.id, { label: "Inadimplência; 2 boletos", kind: "SUSPENSAO" });
  const cancellation = await createReason(db, manufacturer.id, { label: "=Deixou de ser cliente", kind: "CANCELAMENTO" });
  const now = Date.now();

  const customers = [];
  for (const [index, name] of TRICKY_NAMES.entries()) {
    customers.push(
      await createCustomer(db, manufacturer.id, {
        name,
        city: index % 2 ? "São José dos Pinhais" : "Maringá",
        state: index % 2 ? "PR" : "SC",
        type: index === 3 ? "PROFISSIONAL" : "LOJISTA",
        document: index === 3 ? "52998224725" : `1122233300${String(index).padStart(2, "0")}81`.slice(0, 14),
      }),
    );
  }
  const [c0, c1, c2, c3, c4, c5, c6, c7, c8, c9] = customers as [(typeof customers)[number], ...typeof customers];

  const serials = {
    active: await createSubscription(db, c0!, { product: "Projetista 3D Pro" }),
    tolerance: await createSubscription(db, c1!, { expiresAt: new Date(now - 3 * DAY), startedAt: new Date(now - 368 * DAY) }),
    expired: await createSubscription(db, c2!, { expiresAt: new Date(now - 40 * DAY), startedAt: new Date(now - 405 * DAY) }),
    pending: await createSubscription(db, c3!, { status: "PENDENTE", plan: "MENSAL", product: "Cozinhas Express" }),
    suspended: await createSubscription(db, c4!, {
      status: "SUSPENSA",
      billingState: "PAUSADA",
      blockReasonId: suspension.id,
      blockDescription: 'Boletos de 03/2026; e 04/2026\n"em aberto"',
      blockedAt: new Date(now - 2 * DAY),
    }),
    cancelled: await createSubscription(db, c5!, {
      status: "CANCELADA",
      billingState: "ENCERRADA",
      blockReasonId: cancellation.id,
      blockedAt: new Date(now - 9 * DAY),
    }),
    // Released after a suspension: the old reason must not show.
    released: await createSubscription(db, c6!, { blockReasonId: suspension.id, blockDescription: "antiga" }),
    swapped: await createSubscription(db, c7!, { lastSwapAt: new Date(now - 5 * DAY), product: "Cozinhas Express" }),
    plain8: await createSubscription(db, c8!, { plan: "MENSAL", expiresAt: new Date(now + 20 * DAY) }),
    plain9: await createSubscription(db, c9!, {}),
    second0: await createSubscription(db, c0!, { status: "PENDENTE" }),
  };

  // The swapped serial: two swaps in the last 30 days, one older, and the current computer.
  const machine = (data: Omit<Prisma.ActivationCreateManyInput, "subscriptionId" | "machineId" | "os" | "appVersion">) => ({
    subscriptionId: serials.swapped.id,
    machineId: `m-${Math.random()}`,
    os: "Windows 11",
    appVersion: "5.2.0",
    ...data,
  });
  await db.prisma.activation.createMany({
    data: [
      machine({
        machineName: "PC-ANTIGO",
        activatedAt: new Date(now - 90 * DAY),
        deactivatedAt: new Date(now - 45 * DAY),
        deactivationCause: "SWAP",
      }),
      machine({
        machineName: "PC-2",
        activatedAt: new Date(now - 45 * DAY),
        deactivatedAt: new Date(now - 20 * DAY),
        deactivationCause: "SWAP",
      }),
      machine({
        machineName: "PC-3",
        activatedAt: new Date(now - 20 * DAY),
        deactivatedAt: new Date(now - 5 * DAY),
        deactivationCause: "SWAP",
      }),
      machine({
        machineName: "PC-4",
        activatedAt: new Date(now - 5 * DAY),
        deactivatedAt: new Date(now - 4 * DAY),
        deactivationCause: "DESKTOP",
      }),
      machine({ machineName: "=cmd|' /C calc'!A0", activatedAt: new Date(now - 4 * DAY), lastSeenAt: new Date(now - DAY) }),
    ],
  });
  await db.prisma.activation.create({
    data: {
      subscriptionId: serials.active.id,
      machineId: "fp-active",
      machineName: "Estação Ção 01",
      os: "Windows 10",
      appVersion: "5.1.9",
      activatedAt: new Date(now - 100 * DAY),
      lastSeenAt: new Date(now - 2 * 60 * 60 * 1000),
    },
  });

  // Another manufacturer's serial with the same kind of names: must never appear.
  const foreign = await createManufacturerWithStaff(db);
  const foreignCustomer = await createCustomer(db, foreign.account.id, { name: "Loja; Ponto e Vírgula" });
  const foreignSerial = await createSubscription(db, foreignCustomer);

  return { staff, manufacturer, serials, foreignSerial };
}

/** What the list selects for these filters, in export order: the test's own query on the list's conditions. */
async function listSelection(db: Database, scope: SubscriptionScope, query: Record<string, string | string[]>, now: Date) {
  const { filters } = parseSubscriptionFilters(query);
  const params = new SqlParams();
  const where = subscriptionConditions(scope, filters, params, { now }).join(" AND ");
  const rows = await db.sql.query<{ id: string }>(
    `SELECT s.id FROM ${SUBSCRIPTION_FROM} WHERE ${where} ORDER BY c.name, s.serial_number`,
    params.values,
  );
  return rows.map((row) => row.id);
}

const neutral = (text: string) => (/^[=+\-@\t\r]/.test(text) ? `'${text}` : text);

/** The cells a serial must have, built from Prisma's view of the database. */
async function expectedRow(db: Database, id: string, now: Date): Promise<string[]> {
  const s = await db.prisma.subscription.findUniqueOrThrow({
    where: { id },
    include: { customer: true, manufacturer: true, blockReason: true, activations: true },
  });
  const display = deriveDisplayStatus(s, s.manufacturer.graceDays, now);
  const active = s.activations.find((activation) => activation.deactivatedAt === null);
  const swaps = s.activations.filter(
    (activation) => activation.deactivationCause === "SWAP" && activation.deactivatedAt!.getTime() >= now.getTime() - 30 * DAY,
  ).length;
  const blocked = s.status === "SUSPENSA" || s.status === "CANCELADA";
  const situation = {
    ATIVA: "Ativa",
    TOLERANCIA: `Expira definitivamente em ${display.toleranceDaysLeft} ${display.toleranceDaysLeft === 1 ? "dia" : "dias"}`,
    EXPIRADA: "Expirada",
    PENDENTE: "Pendente",
    SUSPENSA: "Suspensa pelo Fabricante",
    CANCELADA: "Cancelada",
  }[display.situation];
  return [
    s.customer.name,
    formatDocument(s.customer.document),
    s.customer.type === "LOJISTA" ? "Lojista" : "Profissional liberal",
    s.customer.city,
    s.customer.state,
    s.serialNumber,
    s.product,
    s.plan === "MENSAL" ? "Mensal" : "Anual",
    { ATIVA: "Ativa", TOLERANCIA: "Período de Tolerância", EXPIRADA: "Expirada" }[display.badge],
    situation,
    blocked ? (s.blockReason?.label ?? "") : "",
    blocked ? (s.blockDescription ?? "") : "",
    active?.machineName ?? "",
    formatDate(active?.activatedAt),
    formatDate(active?.lastSeenAt),
    String(swaps),
    formatDate(s.startedAt),
    formatDate(s.expiresAt),
    formatDate(display.toleranceEndsAt),
    { ATIVA: "Ativa", PAUSADA: "Pausada", ENCERRADA: "Encerrada" }[s.billingState],
  ].map(neutral);
}

async function download(query: string) {
  const response = await GET(new NextRequest(`${URL_BASE}${query}`));
  // Response.text() would drop the BOM; the file's bytes are what a spreadsheet sees.
  const text = new TextDecoder("utf-8", { ignoreBOM: true, fatal: true }).decode(await response.arrayBuffer());
  return { response, text };
}

function parseCsv(text: string, delimiter = ";") {
  expect(text.startsWith("\uFEFF"), "UTF-8 BOM").toBe(true);
  expect(text.endsWith("\r\n"), "last line ends with CRLF").toBe(true);
  const parsed = Papa.parse<string[]>(text.slice(1), { delimiter, skipEmptyLines: true });
  expect(parsed.errors).toEqual([]);
  expect(parsed.meta.linebreak).toBe("\r\n");
  const [header, ...rows] = parsed.data;
  return { header, rows };
}

let db: Database;
let fixture: Fixture;

beforeAll(async () => {
  db = await testDatabase();
  fixture = await buildFixture(db);
});

function signInFabricante() {
  signInAs(fixture.staff.fabricante.id, { accountId: fixture.manufacturer.id });
}

describe("Exportar round trip", () => {
  const scope = () =>
    ({ kind: "manufacturer", accountId: fixture.manufacturer.id, graceDays: fixture.manufacturer.graceDays }) as const;

  it.each([
    ["no filter", ""],
    ["status Expirada", "?status=EXPIRADA"],
    ["status Período de Tolerância", "?status=TOLERANCIA"],
    ["situations Suspensa + Cancelada", "?situacao=SUSPENSA&situacao=CANCELADA"],
    ["customer search without accents", "?cliente=ponto%20e%20virgula"],
    ["recent swaps", "?trocas=1"],
    ["product", "?produto=Cozinhas%20Express"],
    ["expiry range", `?expiraDe=${formatIso(-45)}&expiraAte=${formatIso(0)}`],
    ["machine name", "?maquina=cmd"],
    ["paging and sorting are ignored", "?pagina=3&porPagina=10&ordem=vencimento"],
  ])("matches the database row by row: %s", async (_label, query) => {
    signInFabricante();
    const { response, text } = await download(query);
    expect(response.status).toBe(200);
    const { header, rows } = parseCsv(text);
    expect(header).toEqual(HEADER);

    const now = new Date();
    const selection = await listSelection(db, scope(), searchParamsToObject(new URLSearchParams(query)), now);
    expect(selection.length, "the filter selects something").toBeGreaterThan(0);
    const expected = await Promise.all(selection.map((id) => expectedRow(db, id, now)));
    expect(rows).toEqual(expected);
  });

  it("keeps the tricky names intact and neutralizes formula-looking cells", async () => {
    signInFabricante();
    const { rows } = parseCsv((await download("")).text);
    const names = rows.map((row) => row[0]);
    for (const name of [
      "Loja; Ponto e Vírgula",
      'Aspas "Duplas" Planejados',
      "Quebra\nde Linha Móveis",
      "Ação Çedilha Êxito Ltda",
    ]) {
      expect(names).toContain(name);
    }
    expect(names).toContain(`'=HYPERLINK("http://mal.test","clique")`);
    expect(names).toContain("'+55 Móveis");
    expect(names).toContain("'-Traço Inicial");
    expect(names).toContain("'@Arroba Planejados");
    expect(names).toContain("'\tTabulação Inicial");
    expect(names).toContain(`Ângela ; "=1+1"\r\nFim`);
    const swapped = rows.find((row) => row[5] === fixture.serials.swapped.serialNumber)!;
    expect(swapped[12]).toBe("'=cmd|' /C calc'!A0");
    expect(swapped[15]).toBe("2");
    const suspended = rows.find((row) => row[5] === fixture.serials.suspended.serialNumber)!;
    expect(suspended.slice(8, 12)).toEqual([
      "Expirada",
      "Suspensa pelo Fabricante",
      "Inadimplência; 2 boletos",
      'Boletos de 03/2026; e 04/2026\n"em aberto"',
    ]);
    expect(suspended[19]).toBe("Pausada");
    const cancelled = rows.find((row) => row[5] === fixture.serials.cancelled.serialNumber)!;
    expect(cancelled[10]).toBe("'=Deixou de ser cliente");
    const tolerance = rows.find((row) => row[5] === fixture.serials.tolerance.serialNumber)!;
    expect(tolerance.slice(8, 10)).toEqual(["Período de Tolerância", "Expira definitivamente em 7 dias"]);
    const released = rows.find((row) => row[5] === fixture.serials.released.serialNumber)!;
    expect(released.slice(10, 12)).toEqual(["", ""]);
    const pending = rows.find((row) => row[5] === fixture.serials.pending.serialNumber)!;
    expect(pending.slice(1, 3)).toEqual(["529.982.247-25", "Profissional liberal"]);
    expect(rows.flat().join("")).not.toContain(fixture.foreignSerial.serialNumber);
  });

  it("writes dates as dd/mm/aaaa in São Paulo and quotes only the fields that need it", async () => {
    signInFabricante();
    const { text } = await download("");
    const { rows } = parseCsv(text);
    for (const row of rows) {
      for (const index of [13, 14, 16, 17, 18]) expect(row[index]).toMatch(/^$|^\d{2}\/\d{2}\/\d{4}$/);
    }
    const line = text.split("\r\n").find((candidate) => candidate.includes(fixture.serials.active.serialNumber))!;
    expect(line.startsWith("Loja; Ponto")).toBe(false);
    expect(line.startsWith('"Loja; Ponto e Vírgula";')).toBe(true);
    expect(line).toContain(`;${fixture.serials.active.serialNumber};Projetista 3D Pro;Anual;Ativa;Ativa;;;Estação Ção 01;`);
  });

  it("uses , when asked, with the same rows", async () => {
    signInFabricante();
    const semicolon = parseCsv((await download("")).text);
    const { response, text } = await download("?delimitador=%2C");
    expect(response.status).toBe(200);
    expect(text.split("\r\n")[0]).toBe(`\uFEFF${HEADER.join(",")}`);
    expect(parseCsv(text, ",")).toEqual(semicolon);
  });

  it("has the header row, and only it, when nothing matches", async () => {
    signInFabricante();
    const { response, text } = await download("?serie=NAO-EXISTE-NUNCA");
    expect(response.status).toBe(200);
    expect(text).toBe(`\uFEFF${HEADER.join(";")}\r\n`);
  });

  it("names the file after the account and today's date, and sends it as an attachment", async () => {
    signInFabricante();
    const { response } = await download("");
    const today = new Intl.DateTimeFormat("en-CA", { timeZone: "America/Sao_Paulo" }).format(new Date());
    expect(response.headers.get("content-type")).toBe("text/csv; charset=utf-8");
    expect(response.headers.get("content-disposition")).toBe(
      `attachment; filename="assinaturas-moveis-sao-joao-cia-${today}.csv"; ` +
        `filename*=UTF-8''assinaturas-moveis-sao-joao-cia-${today}.csv`,
    );
    expect(response.headers.get("cache-control")).toBe("no-store");
  });

  it("speaks the user's language: English headers and labels for an English session", async () => {
    signInAs(fixture.staff.fabricante.id, { accountId: fixture.manufacturer.id, locale: "en" });
    const { header, rows } = parseCsv((await download("?situacao=SUSPENSA")).text);
    expect(header![0]).toBe("Customer");
    expect(rows[0]!.slice(8, 10)).toEqual(["Expired", "Suspended by the manufacturer"]);
  });
});

describe("Exportar reads every page in keyset batches", () => {
  it("streams all serials past several batches, in order, same as one big read", async () => {
    const staff = await createManufacturerWithStaff(db);
    // Three customers with the same name: ties on the name are broken by serial number.
    const twins = [];
    for (let i = 0; i < 3; i++) twins.push(await createCustomer(db, staff.account.id, { name: "Cliente Repetido" }));
    const other = await createCustomer(db, staff.account.id, { name: "Árvore Planejados" });
    await db.sql.query(
      `INSERT INTO subscriptions (serial_number, manufacturer_id, customer_id, product, plan, started_at, expires_at, status)
       SELECT 'LOTE-' || lpad(g::text, 5, '0') || '-' || substr(md5(g::text), 1, 4), $1,
              (ARRAY[$2, $3, $4, $5]::uuid[])[1 + g % 4], 'Projetista 3D Pro', 'ANUAL',
              now() - interval '10 days', now() + interval '300 days', 'ATIVA'
         FROM generate_series(1, 4500) g`,
      [staff.account.id, twins[0]!.id, twins[1]!.id, twins[2]!.id, other.id],
    );
    signInAs(staff.fabricante.id, { accountId: staff.account.id });
    const { response, text } = await download("");
    expect(response.status).toBe(200);
    const { rows } = parseCsv(text);
    expect(rows).toHaveLength(4500);

    const scope = { kind: "manufacturer", accountId: staff.account.id, graceDays: 15 } as const;
    const ordered = await listSelection(db, scope, {}, new Date());
    const serialOf = new Map(
      (await db.prisma.subscription.findMany({ where: { id: { in: ordered } }, select: { id: true, serialNumber: true } })).map(
        (row) => [row.id, row.serialNumber],
      ),
    );
    expect(rows.map((row) => row[5])).toEqual(ordered.map((id) => serialOf.get(id)));

    // Tiny batches land on every kind of boundary (inside one name, between twins) and agree.
    const { filters } = parseSubscriptionFilters({});
    const collected: SubscriptionExportRow[] = [];
    let batches = 0;
    for await (const batch of subscriptionExportBatches(scope, filters, { now: new Date(), batchSize: 7 })) {
      expect(batch.length).toBeLessThanOrEqual(7);
      batches++;
      collected.push(...batch);
    }
    expect(batches).toBe(Math.ceil(4500 / 7));
    expect(collected.map((row) => row.serial_number)).toEqual(rows.map((row) => row[5]));
  });
});

function formatIso(offsetDays: number): string {
  return new Intl.DateTimeFormat("en-CA", { timeZone: "America/Sao_Paulo" }).format(new Date(Date.now() + offsetDays * DAY));
}
