// Suspender, Cancelar, Liberar: effects, the one-event rule, every refusal (and that a refusal
// writes nothing), role checks for every profile and foreign account, and the expiry sweep.
import { NextRequest } from "next/server";
import { beforeAll, describe, expect, it } from "vitest";
import {
  bulkSubscriptionAction,
  cancelSubscription,
  releaseSubscription,
  suspendSubscription,
} from "@/lib/actions/subscription-actions";
import { POST } from "@/app/api/fabricante/assinaturas/[serial]/acoes/route";
import { releaseExpiredSuspensions } from "@/lib/data/subscription-transitions";
import { MAX_BULK_SERIALS } from "@/lib/validation/subscription-actions";
import type { Database } from "@/lib/db/connection";
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

const DAY = 24 * 60 * 60 * 1000;
let db: Database;
let staff: Awaited<ReturnType<typeof createManufacturerWithStaff>>;
let customer: { id: string; manufacturerId: string };
let reasons: Record<"plain" | "needsText" | "cancel" | "foreign", { id: string }>;
let foreignStaff: Awaited<ReturnType<typeof createManufacturerWithStaff>>;
let lojistaUser: { id: string };
let lojistaAccountId: string;

beforeAll(async () => {
  db = await testDatabase();
  staff = await createManufacturerWithStaff(db);
  foreignStaff = await createManufacturerWithStaff(db);
  const lojistaAccount = await createAccount(db, { kind: "LOJISTA" });
  lojistaAccountId = lojistaAccount.id;
  lojistaUser = await createUser(db, {
    memberships: [{ accountId: lojistaAccount.id, profiles: ["RESPONSAVEL", "FABRICANTE"] }],
  });
  customer = await createCustomer(db, staff.account.id, { accountId: lojistaAccount.id });
  reasons = {
    plain: await createReason(db, staff.account.id, { label: "Pendência financeira" }),
    needsText: await createReason(db, staff.account.id, { label: "Violação de contrato", requiresDescription: true }),
    cancel: await createReason(db, staff.account.id, { kind: "CANCELAMENTO", label: "Deixou de ser cliente" }),
    foreign: await createReason(db, foreignStaff.account.id, { label: "Motivo de outra fábrica" }),
  };
});

function form(fields: Record<string, string | string[]>) {
  const data = new FormData();
  for (const [key, value] of Object.entries(fields)) for (const item of [value].flat()) data.append(key, item);
  return data;
}

async function snapshot(serialNumber: string) {
  const subscription = await db.prisma.subscription.findUniqueOrThrow({ where: { serialNumber } });
  const events = await db.prisma.subscriptionEvent.count({ where: { subscriptionId: subscription.id } });
  return { subscription, events };
}

async function newSerial(data: Parameters<typeof createSubscription>[2] = {}) {
  return (await createSubscription(db, customer, data)).serialNumber;
}

describe("effects", () => {
  it("suspends with a reason: status, paused billing, Detalhes fields, one event, expiresAt untouched", async () => {
    const serialNumber = await newSerial();
    const before = await snapshot(serialNumber);
    signInAs(staff.fabricante.id);
    const result = await suspendSubscription(
      null,
      form({
        serialNumber: serialNumber.toLowerCase(),
        reasonId: reasons.needsText.id,
        description: "Contrato violado em 10/11",
      }),
    );
    expect(result).toEqual({ ok: true, data: { serialNumber, from: "ATIVA", to: "SUSPENSA" } });
    const after = await snapshot(serialNumber);
    expect(after.subscription).toMatchObject({
      status: "SUSPENSA",
      billingState: "PAUSADA",
      blockReasonId: reasons.needsText.id,
      blockDescription: "Contrato violado em 10/11",
      blockedByUserId: staff.fabricante.id,
      expiresAt: before.subscription.expiresAt,
    });
    expect(after.events).toBe(before.events + 1);
    const event = await db.prisma.subscriptionEvent.findFirstOrThrow({ where: { subscriptionId: after.subscription.id } });
    expect(event).toMatchObject({
      type: "SUSPENDED",
      actorKind: "USER",
      actorUserId: staff.fabricante.id,
      accountId: staff.account.id,
      reasonId: reasons.needsText.id,
      fromStatus: "ATIVA",
      toStatus: "SUSPENSA",
    });
  });

  it("releases back to ATIVA, resuming billing and clearing the block", async () => {
    const serialNumber = await newSerial();
    signInAs(staff.fabricante.id);
    await suspendSubscription(null, form({ serialNumber, reasonId: reasons.plain.id }));
    const result = await releaseSubscription(null, form({ serialNumber }));
    expect(result).toMatchObject({ ok: true, data: { from: "SUSPENSA", to: "ATIVA" } });
    const { subscription, events } = await snapshot(serialNumber);
    expect(subscription).toMatchObject({
      status: "ATIVA",
      billingState: "ATIVA",
      blockReasonId: null,
      blockDescription: null,
      suspendedUntil: null,
    });
    expect(events).toBe(2);
  });

  it("cancels for good: billing ends and nothing can follow", async () => {
    const serialNumber = await newSerial({ status: "PENDENTE" });
    signInAs(staff.fabricante.id);
    expect(await cancelSubscription(null, form({ serialNumber, reasonId: reasons.cancel.id }))).toMatchObject({ ok: true });
    expect((await snapshot(serialNumber)).subscription).toMatchObject({ status: "CANCELADA", billingState: "ENCERRADA" });
    for (const attempt of [
      () => releaseSubscription(null, form({ serialNumber })),
      () => suspendSubscription(null, form({ serialNumber, reasonId: reasons.plain.id })),
      () => cancelSubscription(null, form({ serialNumber, reasonId: reasons.cancel.id })),
    ]) {
      const result = await attempt();
      expect(result).toMatchObject({ ok: false, code: "CONFLICT" });
      expect(result.ok ? "" : result.error).toMatch(/está cancelada/);
    }
    expect((await snapshot(serialNumber)).events).toBe(1);
  });

  it("releases a suspension whose end date passed, as the system, and only those", async () => {
    const due = await newSerial();
    const later = await newSerial();
    signInAs(staff.fabricante.id);
    const tomorrow = new Date(Date.now() + DAY).toISOString().slice(0, 10);
    const inAWeek = new Date(Date.now() + 7 * DAY).toISOString().slice(0, 10);
    expect(
      await suspendSubscription(null, form({ serialNumber: due, reasonId: reasons.plain.id, suspendedUntil: tomorrow })),
    ).toMatchObject({ ok: true });
    expect(
      await suspendSubscription(null, form({ serialNumber: later, reasonId: reasons.plain.id, suspendedUntil: inAWeek })),
    ).toMatchObject({ ok: true });
    const released = await releaseExpiredSuspensions(new Date(Date.now() + 3 * DAY));
    expect(released.map((item) => item.serialNumber)).toContain(due);
    expect(released.map((item) => item.serialNumber)).not.toContain(later);
    const { subscription } = await snapshot(due);
    expect(subscription.status).toBe("ATIVA");
    const event = await db.prisma.subscriptionEvent.findFirstOrThrow({
      where: { subscriptionId: subscription.id, type: "RELEASED" },
    });
    expect(event).toMatchObject({ actorKind: "SYSTEM", actorUserId: null, accountId: staff.account.id });
    expect(await releaseExpiredSuspensions(new Date(Date.now() + 3 * DAY))).toEqual([]);
  });
});

describe("bad input writes nothing", () => {
  const cases: [string, () => Record<string, string>, string, Record<string, string[]> | null][] = [
    ["missing reason", () => ({ reasonId: "" }), "VALIDATION", { reasonId: ["Selecione o motivo."] }],
    [
      "reason that needs a description, without one",
      () => ({ reasonId: reasons.needsText.id, description: "   " }),
      "VALIDATION",
      { description: ["Este motivo exige uma descrição."] },
    ],
    [
      "cancellation reason on a suspension",
      () => ({ reasonId: reasons.cancel.id }),
      "VALIDATION",
      { reasonId: ["Motivo inválido para esta operação."] },
    ],
    [
      "another manufacturer's reason",
      () => ({ reasonId: reasons.foreign.id }),
      "VALIDATION",
      { reasonId: ["Motivo inválido para esta operação."] },
    ],
    [
      "description over the limit",
      () => ({ reasonId: reasons.plain.id, description: "x".repeat(1001) }),
      "VALIDATION",
      { description: ["A descrição pode ter no máximo 1000 caracteres."] },
    ],
    [
      "suspender até in the past",
      () => ({ reasonId: reasons.plain.id, suspendedUntil: "2020-01-01" }),
      "VALIDATION",
      { suspendedUntil: ["A data final da suspensão deve ser posterior a hoje."] },
    ],
    [
      "suspender até not a date",
      () => ({ reasonId: reasons.plain.id, suspendedUntil: "31/12/2030" }),
      "VALIDATION",
      { suspendedUntil: ["Informe uma data válida."] },
    ],
  ];

  it.each(cases)("%s → field error", async (_name, fields, code, fieldErrors) => {
    const serialNumber = await newSerial();
    const before = await snapshot(serialNumber);
    signInAs(staff.fabricante.id);
    const result = await suspendSubscription(null, form({ serialNumber, ...fields() }));
    expect(result).toMatchObject({ ok: false, code, ...(fieldErrors ? { fieldErrors } : {}) });
    expect(await snapshot(serialNumber)).toEqual(before);
  });

  it("refuses a serial number that can't be one (field error) or doesn't exist here (404)", async () => {
    signInAs(staff.fabricante.id);
    expect(await releaseSubscription(null, form({ serialNumber: "abc\u0000" }))).toMatchObject({
      ok: false,
      code: "VALIDATION",
      fieldErrors: { serialNumber: ["Número de série inválido: use o formato XXXX-XXXX-XXXX-XXXX."] },
    });
    expect(await releaseSubscription(null, form({ serialNumber: "ZZZZ-ZZZZ-ZZZZ-ZZZZ" }))).toMatchObject({
      ok: false,
      code: "NOT_FOUND",
    });
  });

  it("refuses to release a serial that isn't suspended (409) and writes nothing", async () => {
    const serialNumber = await newSerial();
    const before = await snapshot(serialNumber);
    signInAs(staff.fabricante.id);
    expect(await releaseSubscription(null, form({ serialNumber }))).toMatchObject({ ok: false, code: "CONFLICT" });
    expect(await snapshot(serialNumber)).toEqual(before);
  });
});

describe("role checks on the server", () => {
  const attempts = (serialNumber: string) => [
    () => suspendSubscription(null, form({ serialNumber, reasonId: reasons.plain.id })),
    () => cancelSubscription(null, form({ serialNumber, reasonId: reasons.cancel.id })),
    () => releaseSubscription(null, form({ serialNumber })),
    () => bulkSubscriptionAction(null, form({ action: "SUSPEND", serials: [serialNumber], reasonId: reasons.plain.id })),
  ];

  it("refuses every profile without FABRICANTE with 403, and writes nothing", async () => {
    const serialNumber = await newSerial({ status: "SUSPENSA" });
    const before = await snapshot(serialNumber);
    for (const user of [staff.administrador, staff.responsavel, staff.convidado]) {
      signInAs(user.id);
      for (const attempt of attempts(serialNumber)) expect(await attempt()).toMatchObject({ ok: false, code: "FORBIDDEN" });
    }
    signInAs(lojistaUser.id, { accountId: lojistaAccountId });
    for (const attempt of attempts(serialNumber)) expect(await attempt()).toMatchObject({ ok: false, code: "FORBIDDEN" });
    signInAs(null);
    for (const attempt of attempts(serialNumber)) expect(await attempt()).toMatchObject({ ok: false, code: "UNAUTHENTICATED" });
    expect(await snapshot(serialNumber)).toEqual(before);
  });

  it("answers another manufacturer's Fabricante with 404, never revealing the serial", async () => {
    const serialNumber = await newSerial({ status: "SUSPENSA" });
    const before = await snapshot(serialNumber);
    signInAs(foreignStaff.fabricante.id);
    for (const attempt of attempts(serialNumber).slice(0, 3))
      expect(await attempt()).toMatchObject({ ok: false, code: "NOT_FOUND" });
    expect(await snapshot(serialNumber)).toEqual(before);
  });

  it("the API answers 403/404/409 and 400 for bad JSON", async () => {
    const serialNumber = await newSerial();
    const call = (body: unknown, contentType = "application/json") =>
      POST(
        new NextRequest(`http://localhost/api/fabricante/assinaturas/${serialNumber}/acoes`, {
          method: "POST",
          headers: { "content-type": contentType, origin: "http://localhost" },
          body: typeof body === "string" ? body : JSON.stringify(body),
        }),
        { params: Promise.resolve({ serial: serialNumber }) },
      );
    signInAs(staff.convidado.id);
    expect((await call({ action: "SUSPEND", reasonId: reasons.plain.id })).status).toBe(403);
    signInAs(foreignStaff.fabricante.id);
    expect((await call({ action: "SUSPEND", reasonId: reasons.foreign.id })).status).toBe(404);
    signInAs(staff.fabricante.id);
    expect((await call({ action: "RELEASE" })).status).toBe(409);
    expect((await call("{not json")).status).toBe(400);
    expect((await call({ action: "EXPLODE" })).status).toBe(400);
    expect((await call("x", "text/plain")).status).toBe(415);
    const nulPath = await POST(
      new NextRequest("http://localhost/api/fabricante/assinaturas/x/acoes", {
        method: "POST",
        headers: { "content-type": "application/json", origin: "http://localhost" },
        body: JSON.stringify({ action: "RELEASE" }),
      }),
      { params: Promise.resolve({ serial: "%00" }) },
    );
    expect(nulPath.status).toBe(404);
    const ok = await call({ action: "SUSPEND", reasonId: reasons.plain.id });
    expect(ok.status).toBe(200);
    expect(await ok.json()).toEqual({ serialNumber, from: "ATIVA", to: "SUSPENSA" });
    const conflict = await call({ action: "SUSPEND", reasonId: reasons.plain.id });
    expect(conflict.status).toBe(409);
    expect(await conflict.json()).toMatchObject({
      error: { code: "CONFLICT", message: expect.stringContaining("não pode ser suspenso") },
    });
  });
});

describe("bulk", () => {
  it("applies each serial independently and reports done or refused with why", async () => {
    const active = [await newSerial(), await newSerial()];
    const cancelled = await newSerial({ status: "CANCELADA" });
    const foreignCustomer = await createCustomer(db, foreignStaff.account.id);
    const foreign = (await createSubscription(db, foreignCustomer)).serialNumber;
    const foreignBefore = await snapshot(foreign);
    signInAs(staff.fabricante.id);
    const result = await bulkSubscriptionAction(
      null,
      form({ action: "SUSPEND", serials: [...active, cancelled, foreign], reasonId: reasons.plain.id }),
    );
    expect(result.ok).toBe(true);
    const rows = result.ok ? result.data : [];
    expect(
      rows
        .filter((row) => row.ok)
        .map((row) => row.serialNumber)
        .sort(),
    ).toEqual([...active].sort());
    expect(rows.find((row) => row.serialNumber === cancelled)).toMatchObject({
      ok: false,
      message: expect.stringContaining("cancelada"),
    });
    expect(rows.find((row) => row.serialNumber === foreign)).toMatchObject({
      ok: false,
      message: "Registro não encontrado na conta atual.",
    });
    expect(await snapshot(foreign)).toEqual(foreignBefore);
    for (const serial of active) expect((await snapshot(serial)).subscription.status).toBe("SUSPENSA");
  });

  it("validates the shared reason once, before touching any serial", async () => {
    const serial = await newSerial();
    signInAs(staff.fabricante.id);
    const result = await bulkSubscriptionAction(
      null,
      form({ action: "SUSPEND", serials: [serial], reasonId: reasons.needsText.id }),
    );
    expect(result).toMatchObject({
      ok: false,
      code: "VALIDATION",
      fieldErrors: { description: ["Este motivo exige uma descrição."] },
    });
    expect((await snapshot(serial)).events).toBe(0);
    expect(await bulkSubscriptionAction(null, form({ action: "SUSPEND", reasonId: reasons.plain.id }))).toMatchObject({
      ok: false,
      fieldErrors: { serials: ["Selecione pelo menos um número de série."] },
    });
    const tooMany = Array.from({ length: MAX_BULK_SERIALS + 1 }, (_, i) => `AAAA-BBBB-CCCC-${String(i).padStart(4, "0")}`);
    expect(
      await bulkSubscriptionAction(null, form({ action: "SUSPEND", serials: tooMany, reasonId: reasons.plain.id })),
    ).toMatchObject({
      ok: false,
      fieldErrors: { serials: [`Selecione no máximo ${MAX_BULK_SERIALS} números de série por vez.`] },
    });
  });

  it("acts on every serial the list's filters select", async () => {
    const marker = await createCustomer(db, staff.account.id, { name: "Cliente Lote Filtrado" });
    const serials = [(await createSubscription(db, marker)).serialNumber, (await createSubscription(db, marker)).serialNumber];
    signInAs(staff.fabricante.id);
    const result = await bulkSubscriptionAction(
      null,
      form({ action: "SUSPEND", all: "1", filters: "cliente=lote+filtrado", reasonId: reasons.plain.id }),
    );
    expect(result.ok && result.data.map((row) => row.serialNumber).sort()).toEqual(serials.sort());
  });
});
