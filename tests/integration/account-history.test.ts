// Histórico da conta: whose events an account sees (tenant and lojista scoping, no manufacturer's
// people's names for a lojista), what each filter selects, keyset pages that cover the log exactly
// once in order, and the CSV export of the same selection.
import { NextRequest } from "next/server";
import Papa from "papaparse";
import { beforeAll, describe, expect, it } from "vitest";
import { GET as exportHistory } from "@/app/api/historico/exportar/route";
import { listAccountHistory, type HistoryEventRow } from "@/lib/data/account-history";
import type { SubscriptionScope } from "@/lib/data/subscription-scope";
import { transitionSubscription } from "@/lib/data/subscription-transitions";
import type { Database } from "@/lib/db/connection";
import { parseHistoryFilters, type HistoryFilters } from "@/lib/validation/history-filters";
import {
  createAccount,
  createCustomer,
  createManufacturerWithStaff,
  createReason,
  createSubscription,
  createUser,
} from "../support/factories";
import { signInAs } from "../support/next-runtime";
import { testDatabase } from "../support/test-database";

const EXPORT_URL = "http://localhost/api/historico/exportar";
const HOUR = 60 * 60 * 1000;

let db: Database;
let world: Awaited<ReturnType<typeof buildWorld>>;

type Staff = Awaited<ReturnType<typeof createManufacturerWithStaff>>;

/** An event written as the other paths write them (sweep, desktop, API key), at a chosen time. */
async function insertEvent(
  subscriptionId: string,
  accountId: string,
  event: { type: string; actor: string; userId?: string; label?: string; at: Date; description?: string },
) {
  await db.sql.query(
    `INSERT INTO subscription_events (subscription_id, account_id, actor_kind, actor_user_id, actor_label, type, description, created_at)
     VALUES ($1, $2, $3::"ActorKind", $4, $5, $6::"EventType", $7, $8)`,
    [
      subscriptionId,
      accountId,
      event.actor,
      event.userId ?? null,
      event.label ?? null,
      event.type,
      event.description ?? null,
      event.at,
    ],
  );
}

async function buildWorld() {
  const a: Staff = await createManufacturerWithStaff(db);
  const b: Staff = await createManufacturerWithStaff(db);
  const lojista = await createAccount(db, { kind: "LOJISTA", name: "Casa & Estilo Planejados" });
  const lojistaStaff = await createUser(db, { memberships: [{ accountId: lojista.id, profiles: ["RESPONSAVEL"] }] });
  const secondFabricante = await createUser(db, {
    name: "Beatriz Fabricante",
    memberships: [{ accountId: a.account.id, profiles: ["FABRICANTE"] }],
  });
  const reason = await createReason(db, a.account.id, { label: "Inadimplência" });
  const reasonB = await createReason(db, b.account.id, { label: "Fraude" });

  const aShop = await createCustomer(db, a.account.id, {
    accountId: lojista.id,
    name: "Loja Ipê Amarelo",
    document: "11222333000181",
  });
  const aOther = await createCustomer(db, a.account.id, { name: "Marcenaria Jacarandá" });
  const bShop = await createCustomer(db, b.account.id, { accountId: lojista.id, name: "Loja Ipê Amarelo (B)" });
  const bOther = await createCustomer(db, b.account.id, { name: "Outra Loja de B" });
  const aShopSerials = [await createSubscription(db, aShop), await createSubscription(db, aShop)];
  const aOtherSerials = [
    await createSubscription(db, aOther),
    await createSubscription(db, aOther),
    await createSubscription(db, aOther),
  ];
  const bShopSerial = await createSubscription(db, bShop);
  const bOtherSerial = await createSubscription(db, bOther);

  // 48 older events of A at known times (one an hour), mixed actors, then real suspensions.
  const base = Date.UTC(2026, 10, 1, 12);
  const aSerials = [...aShopSerials, ...aOtherSerials];
  for (let i = 0; i < 48; i++) {
    const subscription = aSerials[i % aSerials.length]!;
    const kind = ["SYSTEM", "DESKTOP", "API_KEY", "USER"][i % 4]!;
    await insertEvent(subscription.id, a.account.id, {
      type: kind === "DESKTOP" ? "ACTIVATED" : kind === "SYSTEM" ? "RENEWED" : "CREATED",
      actor: kind,
      userId: kind === "USER" ? a.fabricante.id : undefined,
      label: kind === "API_KEY" ? "ERP da fábrica" : kind === "DESKTOP" ? "NOTE-ANA" : undefined,
      at: new Date(base + i * HOUR),
      description: i === 6 ? '=HYPERLINK("http://x")' : undefined,
    });
  }
  // Events of B, some on the lojista's serial of B.
  for (let i = 0; i < 6; i++) {
    await insertEvent((i % 2 ? bShopSerial : bOtherSerial).id, b.account.id, {
      type: "CREATED",
      actor: "USER",
      userId: b.fabricante.id,
      at: new Date(base + i * HOUR + 30 * 60 * 1000),
    });
  }
  const actorOf = (userId: string, accountId: string) => ({ kind: "USER" as const, userId, accountId });
  await transitionSubscription(
    a.account.id,
    aShopSerials[0]!.serialNumber,
    "SUSPEND",
    { reasonId: reason.id },
    actorOf(secondFabricante.id, a.account.id),
  );
  await transitionSubscription(
    a.account.id,
    aOtherSerials[0]!.serialNumber,
    "SUSPEND",
    { reasonId: reason.id, description: "Pagamento atrasado" },
    actorOf(a.fabricante.id, a.account.id),
  );
  await transitionSubscription(
    b.account.id,
    bShopSerial.serialNumber,
    "SUSPEND",
    { reasonId: reasonB.id },
    actorOf(b.fabricante.id, b.account.id),
  );
  return { a, b, lojista, lojistaStaff, secondFabricante, aShop, aShopSerials, aOtherSerials, bShopSerial, bOtherSerial, base };
}

beforeAll(async () => {
  db = await testDatabase();
  world = await buildWorld();
});

const manufacturer = (accountId: string, graceDays = 15): SubscriptionScope => ({ kind: "manufacturer", accountId, graceDays });
const filtersOf = (query: Record<string, string | string[]>): HistoryFilters => parseHistoryFilters(query).filters;

/** Every event a scope sees under these filters, walking the keyset pages to the end. */
async function walk(scope: SubscriptionScope, query: Record<string, string | string[]> = {}): Promise<HistoryEventRow[]> {
  const events: HistoryEventRow[] = [];
  let filters = filtersOf(query);
  for (;;) {
    const page = await listAccountHistory(scope, filters);
    events.push(...page.events);
    if (!page.olderCursor) return events;
    filters = { ...filters, antes: page.olderCursor };
  }
}

/** The same events straight from the table, newest first: what every walk must equal. */
async function expected(where: string, params: unknown[]): Promise<string[]> {
  const rows = await db.sql.query<{ seq: string }>(
    `SELECT e.seq::text AS seq FROM subscription_events e JOIN subscriptions s ON s.id = e.subscription_id
      JOIN customers c ON c.id = s.customer_id WHERE ${where} ORDER BY e.created_at DESC, e.seq DESC`,
    params,
  );
  return rows.map((row) => row.seq);
}

describe("whose events an account sees", () => {
  it("shows a manufacturer every event of its account, newest first, once each across keyset pages", async () => {
    const { a } = world;
    const events = await walk(manufacturer(a.account.id));
    expect(events.map((event) => event.seq)).toEqual(await expected("e.account_id = $1", [a.account.id]));
    expect(events).toHaveLength(50);
    expect(events[0]!.type).toBe("SUSPENDED");
    expect(events[0]!.actorName).toBe(a.fabricante.name);
    expect(events[0]!.description).toBe("Pagamento atrasado");
    expect(events[0]!.reason).toBe("Inadimplência");
    expect([events[0]!.fromStatus, events[0]!.toStatus]).toEqual(["ATIVA", "SUSPENSA"]);
    expect(events.find((event) => event.actorKind === "API_KEY")!.actorName).toBe("ERP da fábrica");
    expect(events.find((event) => event.actorKind === "SYSTEM")!.actorName).toBeNull();
  });

  it("pages back to newer events from any page, and the first page has nothing newer", async () => {
    const scope = manufacturer(world.a.account.id);
    const first = await listAccountHistory(scope, filtersOf({}));
    expect(first.newerCursor).toBeNull();
    expect(first.events).toHaveLength(25);
    const second = await listAccountHistory(scope, filtersOf({ antes: first.olderCursor! }));
    expect(second.events).toHaveLength(25);
    expect(second.olderCursor).toBeNull();
    const back = await listAccountHistory(scope, filtersOf({ depois: second.newerCursor! }));
    expect(back.events.map((event) => event.seq)).toEqual(first.events.map((event) => event.seq));
    expect(back.newerCursor).toBeNull();
  });

  it("shows a lojista the events of its own serials from every manufacturer, without their people's names", async () => {
    const { a, b, lojista, aShopSerials, bShopSerial } = world;
    const events = await walk({ kind: "customer", accountId: lojista.id });
    const ids = [...aShopSerials.map((s) => s.id), bShopSerial.id];
    expect(events.map((event) => event.seq)).toEqual(await expected("e.subscription_id = ANY($1::uuid[])", [ids]));
    expect(events.length).toBeGreaterThan(0);
    const names = new Set(events.map((event) => event.actorName));
    for (const person of [a.fabricante.name, world.secondFabricante.name, b.fabricante.name, "ERP da fábrica"]) {
      expect(names.has(person), person).toBe(false);
    }
    for (const event of events.filter((e) => e.actorKind === "USER")) {
      expect([a.account.name, b.account.name]).toContain(event.actorName);
    }
    expect(events.some((event) => event.actorKind === "DESKTOP" && event.actorName === "NOTE-ANA")).toBe(true);
  });

  it("never shows a manufacturer another manufacturer's events, whatever the filters", async () => {
    const { a, b, bShopSerial } = world;
    const queries: Record<string, string>[] = [
      { serie: bShopSerial.serialNumber },
      { cliente: "Outra Loja de B" },
      { quem: b.fabricante.id },
    ];
    for (const query of queries) {
      expect(await walk(manufacturer(a.account.id), query), JSON.stringify(query)).toEqual([]);
    }
    expect((await walk(manufacturer(b.account.id))).length).toBe(7);
  });
});

describe("filters", () => {
  it("selects action types, one or several", async () => {
    const scope = manufacturer(world.a.account.id);
    const id = world.a.account.id;
    expect((await walk(scope, { acao: "SUSPENDED" })).map((e) => e.seq)).toEqual(
      await expected("e.account_id = $1 AND e.type = 'SUSPENDED'", [id]),
    );
    const several = await walk(scope, { acao: ["SUSPENDED", "RENEWED", "ACTIVATED"] });
    expect(several.map((e) => e.seq)).toEqual(
      await expected("e.account_id = $1 AND e.type IN ('SUSPENDED', 'RENEWED', 'ACTIVATED')", [id]),
    );
    expect(several).toHaveLength(26);
  });

  it("selects who acted: one person, or a kind of actor", async () => {
    const { a, secondFabricante } = world;
    const scope = manufacturer(a.account.id);
    const byPerson = await walk(scope, { quem: secondFabricante.id });
    expect(byPerson.map((e) => [e.type, e.actorName])).toEqual([["SUSPENDED", "Beatriz Fabricante"]]);
    expect((await walk(scope, { quem: "API_KEY" })).map((e) => e.seq)).toEqual(
      await expected("e.account_id = $1 AND e.actor_kind = 'API_KEY'", [a.account.id]),
    );
    expect(await walk(scope, { quem: "SYSTEM", acao: "SUSPENDED" })).toEqual([]);
  });

  it("selects a customer by name or document, and a serial by part of its number", async () => {
    const { a, aShop, aShopSerials } = world;
    const scope = manufacturer(a.account.id);
    const shop = await expected("e.account_id = $1 AND c.id = $2", [a.account.id, aShop.id]);
    expect((await walk(scope, { cliente: "ipe amarelo" })).map((e) => e.seq)).toEqual(shop);
    expect((await walk(scope, { cliente: "11.222.333/0001-81" })).map((e) => e.seq)).toEqual(shop);
    const serial = aShopSerials[1]!.serialNumber;
    expect((await walk(scope, { serie: serial.slice(2).toLowerCase() })).map((e) => e.seq)).toEqual(
      await expected("e.account_id = $1 AND s.serial_number = $2", [a.account.id, serial]),
    );
  });

  it("selects a date range in São Paulo days, both ends included", async () => {
    const { a, base } = world;
    // base is 01/11/2026 09:00 in São Paulo; one event an hour: 15 that day (09:00–23:00), then the 2nd.
    const firstDay = await walk(manufacturer(a.account.id), { de: "01/11/2026", ate: "2026-11-01" });
    expect(firstDay).toHaveLength(15);
    expect(firstDay.at(-1)!.createdAt.getTime()).toBe(base);
    const secondDay = await walk(manufacturer(a.account.id), { de: "2026-11-02", ate: "2026-11-02" });
    expect(secondDay).toHaveLength(24);
  });
});

describe("Exportar", () => {
  const csv = async (url: string) => {
    const response = await exportHistory(new NextRequest(url));
    const text = new TextDecoder("utf-8", { ignoreBOM: true }).decode(await response.arrayBuffer());
    return { response, text };
  };
  const rowsOf = (text: string) => {
    expect(text.startsWith("\uFEFF")).toBe(true);
    const parsed = Papa.parse<string[]>(text.slice(1), { delimiter: ";", skipEmptyLines: true });
    expect(parsed.errors).toEqual([]);
    return parsed.data;
  };

  it("streams the filtered events as CSV: BOM, ';', formula-safe, the page's order", async () => {
    const { a } = world;
    signInAs(a.administrador.id, { accountId: a.account.id });
    const { response, text } = await csv(`${EXPORT_URL}?acao=CREATED&acao=SUSPENDED&quem=USER&antes=1`);
    expect(response.status).toBe(200);
    expect(response.headers.get("content-type")).toBe("text/csv; charset=utf-8");
    expect(response.headers.get("content-disposition")).toContain("historico-");
    const rows = rowsOf(text);
    expect(rows[0]).toEqual([
      "Data e hora",
      "Ação",
      "Origem",
      "Quem",
      "Número de Série",
      "Cliente",
      "CNPJ/CPF",
      "Produto",
      "Status anterior",
      "Novo status",
      "Motivo",
      "Descrição",
      "Nome da Máquina",
    ]);
    const page = await walk(manufacturer(a.account.id), { acao: ["CREATED", "SUSPENDED"], quem: "USER" });
    expect(rows.slice(1).map((row) => row[4])).toEqual(page.map((event) => event.serialNumber));
    const top = rows[1]!;
    expect(top.slice(1, 4)).toEqual(["Suspensa", "Usuário", a.fabricante.name]);
    expect(top.slice(8, 12)).toEqual(["Ativa", "Suspensa pelo Fabricante", "Inadimplência", "Pagamento atrasado"]);
    expect(top[0]).toMatch(/^\d{2}\/\d{2}\/\d{4} \d{2}:\d{2}:\d{2}$/);
    expect(rows.find((row) => row[4] === world.aShopSerials[0]!.serialNumber)![6]).toBe("11.222.333/0001-81");
  });

  it("neutralizes a description that would be a formula", async () => {
    signInAs(world.a.fabricante.id, { accountId: world.a.account.id });
    const rows = rowsOf((await csv(`${EXPORT_URL}?quem=API_KEY`)).text);
    expect(rows.some((row) => row[11] === '\'=HYPERLINK("http://x")')).toBe(true);
    expect(rows.some((row) => row[11]!.startsWith("="))).toBe(false);
  });

  it("gives a lojista its own serials' events without people's names, ignoring a filter by a person", async () => {
    const { a, lojista, lojistaStaff } = world;
    signInAs(lojistaStaff.id, { accountId: lojista.id });
    const { response, text } = await csv(`${EXPORT_URL}?quem=${a.fabricante.id}`);
    expect(response.status).toBe(200);
    const rows = rowsOf(text).slice(1);
    expect(rows).toHaveLength((await walk({ kind: "customer", accountId: lojista.id })).length);
    expect(text).not.toContain(a.fabricante.name);
    expect(text).not.toContain(world.secondFabricante.name);
    expect(text).not.toContain("ERP da fábrica");
  });

  it("refuses a Convidado (403), nobody (401) and an unknown delimiter (400)", async () => {
    const { a } = world;
    signInAs(a.convidado.id, { accountId: a.account.id });
    expect((await exportHistory(new NextRequest(EXPORT_URL))).status).toBe(403);
    signInAs(null);
    expect((await exportHistory(new NextRequest(EXPORT_URL))).status).toBe(401);
    signInAs(a.fabricante.id, { accountId: a.account.id });
    expect((await exportHistory(new NextRequest(`${EXPORT_URL}?delimitador=|`))).status).toBe(400);
    const comma = await csv(`${EXPORT_URL}?delimitador=,&acao=SUSPENDED`);
    expect(comma.text.split("\r\n")[0]).toBe(
      "\uFEFFData e hora,Ação,Origem,Quem,Número de Série,Cliente,CNPJ/CPF,Produto,Status anterior,Novo status,Motivo,Descrição,Nome da Máquina",
    );
  });
});
