// The data of the Exportar round trips (export-roundtrip*.test.ts): customers with every kind of
// awkward name, serials in every status, and the row each serial must have, built from Prisma's
// view of the database rather than from the export's own SQL.
import { randomBytes } from "node:crypto";
import Papa from "papaparse";
import { expect } from "vitest";
import { SqlParams } from "@/lib/data/sql-params";
import { SUBSCRIPTION_FROM, subscriptionConditions } from "@/lib/data/subscription-filter-sql";
import type { SubscriptionScope } from "@/lib/data/subscription-scope";
import type { Database } from "@/lib/db/connection";
import type { Prisma } from "@/lib/db/generated/client";
import { formatDocument } from "@/lib/domain/documents";
import { deriveDisplayStatus } from "@/lib/domain/subscription-status";
import { formatDate } from "@/lib/format";
import { parseSubscriptionFilters } from "@/lib/validation/subscription-filters";
import { createCustomer, createManufacturerWithStaff, createReason, createSubscription } from "./factories";

export const DAY = 24 * 60 * 60 * 1000;

export { HEADER } from "./export-header";

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

export type Fixture = Awaited<ReturnType<typeof buildFixture>>;

export async function buildFixture(db: Database) {
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
export async function listSelection(db: Database, scope: SubscriptionScope, query: Record<string, string | string[]>, now: Date) {
  const { filters } = parseSubscriptionFilters(query);
  const params = new SqlParams();
  const where = subscriptionConditions(scope, filters, params, { now }).join(" AND ");
  const rows = await db.sql.query<{ id: string }>(
    `SELECT s.id FROM ${SUBSCRIPTION_FROM} WHERE ${where} ORDER BY c.search_text, c.id, s.serial_number`,
    params.values,
  );
  return rows.map((row) => row.id);
}

const neutral = (text: string) => (/^[=+\-@\t\r]/.test(text) ? `'${text}` : text);

/** The cells a serial must have, built from Prisma's view of the database. */
export async function expectedRow(db: Database, id: string, now: Date): Promise<string[]> {
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

export function parseCsv(text: string, delimiter = ";") {
  expect(text.startsWith("\uFEFF"), "UTF-8 BOM").toBe(true);
  expect(text.endsWith("\r\n"), "last line ends with CRLF").toBe(true);
  const parsed = Papa.parse<string[]>(text.slice(1), { delimiter, skipEmptyLines: true });
  expect(parsed.errors).toEqual([]);
  expect(parsed.meta.linebreak).toBe("\r\n");
  const [header, ...rows] = parsed.data;
  return { header, rows };
}

/** A manufacturer with `count` serials over four customers, three of them with the same name. */
export async function createManySerials(db: Database, count: number) {
  const staff = await createManufacturerWithStaff(db);
  const twins = [];
  for (let i = 0; i < 3; i++) twins.push(await createCustomer(db, staff.account.id, { name: "Cliente Repetido" }));
  const other = await createCustomer(db, staff.account.id, { name: "Árvore Planejados" });
  await db.sql.query(
    `INSERT INTO subscriptions (serial_number, manufacturer_id, customer_id, product, plan, started_at, expires_at, status)
     SELECT $6 || lpad(g::text, 6, '0') || '-' || substr(md5(g::text), 1, 4), $1,
            (ARRAY[$2, $3, $4, $5]::uuid[])[1 + g % 4], 'Projetista 3D Pro', 'ANUAL',
            now() - interval '10 days', now() + interval '300 days', 'ATIVA'
       FROM generate_series(1, ${count}) g`,
    [
      staff.account.id,
      twins[0]!.id,
      twins[1]!.id,
      twins[2]!.id,
      other.id,
      `LOTE-${randomBytes(2).toString("hex").toUpperCase()}-`,
    ],
  );
  const scope = { kind: "manufacturer", accountId: staff.account.id, graceDays: staff.account.graceDays } as const;
  return { staff, scope };
}

/** The scope's serial numbers in the list's order. */
export async function serialsInListOrder(db: Database, scope: SubscriptionScope): Promise<string[]> {
  const ordered = await listSelection(db, scope, {}, new Date());
  const serialOf = new Map(
    (await db.prisma.subscription.findMany({ where: { id: { in: ordered } }, select: { id: true, serialNumber: true } })).map(
      (row) => [row.id, row.serialNumber],
    ),
  );
  return ordered.map((id) => serialOf.get(id)!);
}
