// The subscription list selects exactly what its filters say (checked against an independent
// model built on deriveDisplayStatus), searches ignoring accents, case and punctuation, and never
// shows another tenant's data.
import { beforeAll, describe, expect, it } from "vitest";
import { findSubscription } from "@/lib/data/subscription-detail";
import { listSubscriptions } from "@/lib/data/subscription-list";
import { productsInScope } from "@/lib/data/subscription-products";
import type { SubscriptionScope } from "@/lib/data/subscription-scope";
import type { Database } from "@/lib/db/connection";
import { deriveDisplayStatus, type StoredStatus } from "@/lib/domain/subscription-status";
import { DEFAULT_FILTERS, parseSubscriptionFilters, type SubscriptionFilters } from "@/lib/validation/subscription-filters";
import { createAccount, createCustomer, createSubscription } from "../support/factories";
import { FILTER_FUZZ_CASES } from "../support/filter-fuzz";
import { testDatabase } from "../support/test-database";

const DAY = 24 * 60 * 60 * 1000;
const now = new Date();
const at = (days: number) => new Date(now.getTime() + days * DAY);

type Fixture = {
  serial: string;
  customer: string;
  document: string;
  status: StoredStatus;
  expiresAt: Date;
  product: string;
  machine?: string;
  swapDaysAgo?: number;
};

let db: Database;
let manufacturer: SubscriptionScope & { kind: "manufacturer" };
let other: SubscriptionScope & { kind: "manufacturer" };
let lojista: SubscriptionScope;
const fixtures: Fixture[] = [];
const otherSerials: string[] = [];

async function addSerial(
  customer: { id: string; manufacturerId: string; name: string },
  fixture: Omit<Fixture, "serial" | "customer" | "document">,
) {
  const subscription = await createSubscription(db, customer, {
    status: fixture.status,
    expiresAt: fixture.expiresAt,
    startedAt: at(-400),
    product: fixture.product,
    lastSwapAt: fixture.swapDaysAgo === undefined ? null : at(-fixture.swapDaysAgo),
  });
  if (fixture.machine) {
    await db.prisma.activation.create({
      data: {
        subscriptionId: subscription.id,
        machineId: `id-${subscription.serialNumber}`,
        machineName: fixture.machine,
        os: "Windows 11",
        appVersion: "5.4.2",
      },
    });
  }
  if (fixture.swapDaysAgo !== undefined) {
    await db.prisma.activation.create({
      data: {
        subscriptionId: subscription.id,
        machineId: `old-${subscription.serialNumber}`,
        machineName: "ANTIGO-PC",
        os: "Windows 10",
        appVersion: "5.3.0",
        activatedAt: at(-90),
        deactivatedAt: at(-fixture.swapDaysAgo),
        deactivationCause: "SWAP",
      },
    });
  }
  return subscription;
}

beforeAll(async () => {
  db = await testDatabase();
  const account = await createAccount(db, { name: "Fábrica Alfa", graceDays: 15 });
  const otherAccount = await createAccount(db, { name: "Fábrica Beta", graceDays: 10 });
  const lojistaAccount = await createAccount(db, { kind: "LOJISTA", name: "Loja Própria" });
  manufacturer = { kind: "manufacturer", accountId: account.id, graceDays: 15 };
  other = { kind: "manufacturer", accountId: otherAccount.id, graceDays: 10 };
  lojista = { kind: "customer", accountId: lojistaAccount.id };

  const saoPaulo = await createCustomer(db, account.id, {
    name: "Móveis São Paulo Ltda",
    document: "12345678000190",
    accountId: lojistaAccount.id,
  });
  const acao = await createCustomer(db, account.id, { name: "Ação & Decoração", document: "98765432000110" });
  const ana = await createCustomer(db, account.id, { name: "Ana Lúcia Prado", document: "52998224725", type: "PROFISSIONAL" });
  const plan: [typeof saoPaulo, Omit<Fixture, "serial" | "customer" | "document">][] = [
    [saoPaulo, { status: "ATIVA", expiresAt: at(30), product: "Projetista 3D Pro", machine: "LOJA-CENTRO-01" }],
    [saoPaulo, { status: "ATIVA", expiresAt: at(-3), product: "Render Studio", machine: "PROJETOS-PC2", swapDaysAgo: 2 }],
    [saoPaulo, { status: "SUSPENSA", expiresAt: at(60), product: "Projetista 3D Pro" }],
    [acao, { status: "ATIVA", expiresAt: at(-20), product: "Projetista 3D Pro", machine: "NOTE-ANA" }],
    [acao, { status: "CANCELADA", expiresAt: at(100), product: "Orçamento Plus" }],
    [acao, { status: "PENDENTE", expiresAt: at(-1), product: "Render Studio" }],
    [ana, { status: "ATIVA", expiresAt: at(200), product: "Render Studio", machine: "note-ana-casa", swapDaysAgo: 45 }],
    [ana, { status: "ATIVA", expiresAt: at(-14), product: "Projetista 3D Pro", swapDaysAgo: 10 }],
  ];
  for (const [customer, fixture] of plan) {
    const subscription = await addSerial(customer, fixture);
    fixtures.push({ ...fixture, serial: subscription.serialNumber, customer: customer.name, document: customer.document });
  }

  const foreign = await createCustomer(db, otherAccount.id, {
    name: "Móveis São Paulo Filial",
    document: "12345678000190",
    accountId: lojistaAccount.id,
  });
  const alien = await createCustomer(db, otherAccount.id, { name: "Cliente Só da Beta", document: "11222333000181" });
  for (const customer of [foreign, alien]) {
    const subscription = await addSerial(customer, {
      status: "ATIVA",
      expiresAt: at(10),
      product: "Produto Secreto",
      machine: "LOJA-CENTRO-99",
      swapDaysAgo: 1,
    });
    otherSerials.push(subscription.serialNumber);
  }
});

const normalize = (text: string) =>
  text
    .normalize("NFD")
    .replace(/[\u0300-\u036f]/g, "")
    .toLowerCase()
    .replace(/[^a-z0-9 ]+/g, "")
    .replace(/ +/g, " ")
    .trim();

/** What the filters mean, written independently of the SQL. */
function expected(filters: SubscriptionFilters): string[] {
  return fixtures
    .filter((fixture) => {
      const display = deriveDisplayStatus(fixture, manufacturer.graceDays, now);
      if (filters.cliente && !normalize(`${fixture.customer} ${fixture.document}`).includes(normalize(filters.cliente)))
        return false;
      if (filters.serie && !fixture.serial.includes(filters.serie.toUpperCase())) return false;
      if (filters.maquina && !fixture.machine?.toLowerCase().includes(filters.maquina.toLowerCase())) return false;
      if (filters.produto && fixture.product !== filters.produto) return false;
      if (filters.status.length && !filters.status.includes(display.badge)) return false;
      if (filters.situacao.length && !filters.situacao.includes(display.situation)) return false;
      if (filters.trocas && !(fixture.swapDaysAgo !== undefined && fixture.swapDaysAgo <= 30)) return false;
      if (filters.expiraDe && fixture.expiresAt < new Date(`${filters.expiraDe}T00:00:00-03:00`)) return false;
      if (filters.expiraAte && fixture.expiresAt >= new Date(new Date(`${filters.expiraAte}T00:00:00-03:00`).getTime() + DAY))
        return false;
      return true;
    })
    .map((fixture) => fixture.serial)
    .sort();
}

async function listedSerials(scope: SubscriptionScope, filters: SubscriptionFilters): Promise<string[]> {
  const page = await listSubscriptions(scope, { ...filters, porPagina: 100 }, now);
  return page.customers.flatMap((customer) => customer.serials.map((serial) => serial.serialNumber)).sort();
}

const filters = (query: string) => parseSubscriptionFilters(Object.fromEntries(new URLSearchParams(query))).filters;
const isoDay = (days: number) => at(days).toISOString().slice(0, 10);

describe("subscription list filters", () => {
  const cases: [string, Partial<SubscriptionFilters>][] = [
    ["no filter", {}],
    ["customer name without accents", { cliente: "sao paulo" }],
    ["customer name, accents and case", { cliente: "AÇÃO" }],
    ["words around a removed '&'", { cliente: "acao decoracao" }],
    ["CNPJ digits", { cliente: "12345678000190" }],
    ["formatted CNPJ", { cliente: "12.345.678/0001-90" }],
    ["CPF fragment", { cliente: "998.224" }],
    ["serial fragment", {}],
    ["machine name, case-insensitive", { maquina: "note-ana" }],
    ["product", { produto: "Render Studio" }],
    ["badge Ativa", { status: ["ATIVA"] }],
    ["badge Período de Tolerância", { status: ["TOLERANCIA"] }],
    ["badge Expirada", { status: ["EXPIRADA"] }],
    ["two badges", { status: ["ATIVA", "TOLERANCIA"] }],
    ["situation Suspensa", { situacao: ["SUSPENSA"] }],
    ["situation Expirada (lapsed)", { situacao: ["EXPIRADA"] }],
    ["badge and situation together", { status: ["EXPIRADA"], situacao: ["PENDENTE", "CANCELADA"] }],
    ["recent swaps", { trocas: true }],
    ["expiry range", { expiraDe: isoDay(-25), expiraAte: isoDay(40) }],
    ["status + text", { status: ["ATIVA"], cliente: "prado" }],
  ];

  it.each(cases)("%s selects exactly the matching serials", async (name, overrides) => {
    const chosen: SubscriptionFilters = { ...DEFAULT_FILTERS, ...overrides };
    if (name === "serial fragment") chosen.serie = fixtures[3]!.serial.slice(5, 12).toLowerCase();
    const want = expected(chosen);
    expect(await listedSerials(manufacturer, chosen)).toEqual(want);
    // The counts above the list, in every order (each counts the customers in its own pass).
    const customers = new Set(fixtures.filter((fixture) => want.includes(fixture.serial)).map((fixture) => fixture.customer));
    for (const ordem of ["cliente", "vencimento", "trocas"] as const) {
      const page = await listSubscriptions(manufacturer, { ...chosen, ordem }, now);
      expect([page.serialCount, page.customerCount], ordem).toEqual([want.length, customers.size]);
    }
  });

  it("every case above is meaningful: none selects nothing, and they don't all select everything", () => {
    const sizes = cases.map(([, overrides]) => expected({ ...DEFAULT_FILTERS, ...overrides }).length);
    expect(Math.min(...sizes.slice(1))).toBeGreaterThan(0);
    expect(sizes.filter((size) => size < fixtures.length).length).toBeGreaterThan(15);
  });

  it("counts chips per situation ignoring the status filter, and totals what is listed", async () => {
    const page = await listSubscriptions(manufacturer, { ...DEFAULT_FILTERS, status: ["ATIVA"] }, now);
    expect(page.chips).toEqual({ ATIVA: 2, TOLERANCIA: 2, EXPIRADA: 1, PENDENTE: 1, SUSPENSA: 1, CANCELADA: 1 });
    expect(page.serialCount).toBe(2);
    expect(page.customerCount).toBe(2);
  });

  it("groups by customer with per-status counts, pages customers and sorts them", async () => {
    const byName = await listSubscriptions(manufacturer, { ...DEFAULT_FILTERS, porPagina: 10 }, now);
    expect(byName.customers.map((customer) => customer.name)).toEqual([
      "Ação & Decoração",
      "Ana Lúcia Prado",
      "Móveis São Paulo Ltda",
    ]);
    expect(byName.customers[0]!.bySituation).toMatchObject({ EXPIRADA: 1, CANCELADA: 1, PENDENTE: 1 });
    const page2 = await listSubscriptions(manufacturer, { ...DEFAULT_FILTERS, porPagina: 10, pagina: 2 }, now);
    expect(page2.customers).toEqual([]);

    const bySwaps = await listSubscriptions(manufacturer, { ...DEFAULT_FILTERS, ordem: "trocas" }, now);
    expect(bySwaps.customers.map((customer) => customer.name).slice(0, 2)).toEqual(["Ana Lúcia Prado", "Móveis São Paulo Ltda"]);
    const byExpiry = await listSubscriptions(manufacturer, { ...DEFAULT_FILTERS, ordem: "vencimento" }, now);
    expect(byExpiry.customers[0]!.name).toBe("Móveis São Paulo Ltda");

    const withSwap = byName.customers
      .flatMap((customer) => customer.serials)
      .find((serial) => serial.machineName === "PROJETOS-PC2");
    expect(withSwap).toMatchObject({ swaps30d: 1, lastSeenAt: expect.any(Date) });
  });

  it("finds a page from the cursor its links carry just as from its number, and falls back to the number", async () => {
    const one = { ...DEFAULT_FILTERS, porPagina: 1 };
    const names = async (filters: SubscriptionFilters) =>
      (await listSubscriptions(manufacturer, filters, now)).customers.map((customer) => customer.name);
    const pages = await Promise.all([1, 2, 3].map((pagina) => listSubscriptions(manufacturer, { ...one, pagina }, now)));
    const [first, second, third] = pages.map((page) => page.customers[0]!);
    expect([first, second, third].map((customer) => customer!.name)).toEqual([
      "Ação & Decoração",
      "Ana Lúcia Prado",
      "Móveis São Paulo Ltda",
    ]);
    // "Next" carries the last customer of the page before; "previous", the first of the page after.
    expect(await names({ ...one, pagina: 2, apos: first!.id })).toEqual(["Ana Lúcia Prado"]);
    expect(await names({ ...one, pagina: 3, apos: second!.id })).toEqual(["Móveis São Paulo Ltda"]);
    expect(await names({ ...one, pagina: 2, antes: third!.id })).toEqual(["Ana Lúcia Prado"]);
    expect(await names({ ...one, pagina: 2, apos: second!.id, status: ["ATIVA"] })).toEqual(["Móveis São Paulo Ltda"]);
    expect(await names({ ...one, pagina: 2, apos: first!.id, cliente: "paulo" })).toEqual(["Móveis São Paulo Ltda"]);
    // A cursor of another tenant's customer, or one past the end, leads nowhere: the number decides.
    const [foreign] = (await listSubscriptions(other, DEFAULT_FILTERS, now)).customers;
    expect(await names({ ...one, pagina: 2, apos: foreign!.id })).toEqual(["Ana Lúcia Prado"]);
    expect(await names({ ...one, pagina: 2, apos: third!.id })).toEqual(["Ana Lúcia Prado"]);
  });

  it("groups a lojista's own list by manufacturer, in the manufacturers' name order", async () => {
    // By the customer's own name the Beta row ("… Filial") would come first.
    const page = await listSubscriptions(lojista, DEFAULT_FILTERS, now);
    expect(page.customers.map((group) => group.manufacturerName)).toEqual(["Fábrica Alfa", "Fábrica Beta"]);
  });

  it("lists the products of the scope only", async () => {
    expect(await productsInScope(manufacturer)).toEqual(["Orçamento Plus", "Projetista 3D Pro", "Render Studio"]);
    expect(await productsInScope(lojista)).toEqual(["Produto Secreto", "Projetista 3D Pro", "Render Studio"]);
  });
});

describe("tenant isolation", () => {
  it("never lists or counts another manufacturer's serials, whatever the filter", async () => {
    for (const query of [
      "",
      "cliente=sao+paulo",
      "maquina=LOJA-CENTRO",
      "trocas=1",
      "produto=Produto+Secreto",
      `serie=${otherSerials[0]}`,
    ]) {
      const page = await listSubscriptions(manufacturer, { ...filters(query), porPagina: 100 }, now);
      const listed = page.customers.flatMap((customer) => customer.serials.map((serial) => serial.serialNumber));
      for (const serial of otherSerials) expect(listed, query).not.toContain(serial);
      expect(
        Object.values(page.chips).reduce((a, b) => a + b, 0),
        query,
      ).toBeLessThanOrEqual(fixtures.length);
    }
    const foreignOnly = await listSubscriptions(manufacturer, filters("produto=Produto+Secreto"), now);
    expect(foreignOnly.serialCount).toBe(0);
    expect(Object.values(foreignOnly.chips).every((n) => n === 0)).toBe(true);
  });

  it("finds a serial only inside the caller's scope", async () => {
    const mine = fixtures[0]!.serial;
    expect(await findSubscription(manufacturer, mine)).not.toBeNull();
    expect(await findSubscription(manufacturer, mine.toLowerCase())).not.toBeNull();
    expect(await findSubscription(other, mine)).toBeNull();
    expect(await findSubscription(manufacturer, otherSerials[0]!)).toBeNull();
    expect(await findSubscription(manufacturer, "'; DROP TABLE subscriptions; --")).toBeNull();
  });

  it("shows a lojista account its own serials from every manufacturer, and nothing else", async () => {
    const listed = await listedSerials(lojista, DEFAULT_FILTERS);
    const own = fixtures.filter((fixture) => fixture.customer === "Móveis São Paulo Ltda").map((fixture) => fixture.serial);
    expect(listed).toEqual([...own, otherSerials[0]!].sort());
    expect(await findSubscription(lojista, otherSerials[0]!)).not.toBeNull();
    expect(await findSubscription(lojista, otherSerials[1]!)).toBeNull();
    expect(await findSubscription(lojista, fixtures[3]!.serial)).toBeNull();
  });
});

describe("bad search params", () => {
  it(`answers all ${FILTER_FUZZ_CASES.length} fuzz cases with a list, ignoring or flagging the bad values`, async () => {
    expect(FILTER_FUZZ_CASES.length).toBeGreaterThanOrEqual(200);
    let flagged = 0;
    for (const fuzz of FILTER_FUZZ_CASES) {
      const { filters: parsed, problems } = parseSubscriptionFilters(fuzz);
      if (problems.length) flagged++;
      const page = await listSubscriptions(manufacturer, parsed, now);
      expect(page.serialCount).toBeLessThanOrEqual(fixtures.length);
    }
    expect(flagged).toBeGreaterThan(FILTER_FUZZ_CASES.length / 2);
  });
});
