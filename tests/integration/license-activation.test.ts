import { describe, expect, it } from "vitest";
import { licenseRefusalSchema, licenseResponseSchema } from "@/lib/validation/license-responses";
import { createReason } from "../support/factories";
import { testDatabase } from "../support/test-database";
import { activate } from "@/lib/license/license-service";
import {
  activationsOf,
  eventsOf,
  GENEROUS_LIMITS,
  licenseServer,
  machine,
  nonce,
  serialFixture,
  testSigningKey,
} from "./license-test-client";

const api = licenseServer();
const DAY = 24 * 60 * 60 * 1000;

describe("POST /api/v1/licenses/activate", () => {
  it("activates a serial on its first computer: activation row, ACTIVATED event, signed OK license", async () => {
    const db = await testDatabase();
    const { subscription, serial, manufacturer } = await serialFixture(db);
    const computer = machine("DESKTOP-PRIMEIRO");
    const sent = nonce();
    const answer = await api.call("activate", { serialNumber: serial, machine: computer, nonce: sent });

    expect(answer.status).toBe(200);
    const body = licenseResponseSchema.parse(answer.body);
    expect(body.license).toMatchObject({ allowed: true, code: "OK", status: "ATIVA", situation: "ATIVA", nonce: sent });
    expect(body.license.machineId).toBe(computer.id);
    expect(body.license.message).toMatch(/^Assinatura ativa até \d{2}\/\d{2}\/\d{4}\.$/);
    const [activation, ...others] = await activationsOf(db, subscription.id);
    expect(others).toEqual([]);
    expect(activation).toMatchObject({
      machineId: computer.id,
      machineName: "DESKTOP-PRIMEIRO",
      os: computer.os,
      deactivatedAt: null,
    });
    const events = await eventsOf(db, subscription.id);
    expect(events.map((event) => [event.type, event.actorKind, event.activationId, event.accountId])).toEqual([
      ["ACTIVATED", "DESKTOP", activation!.id, manufacturer.id],
    ]);
  });

  it("is idempotent: the same activation again changes only último acesso and the computer's details", async () => {
    const db = await testDatabase();
    const { subscription, serial } = await serialFixture(db);
    const computer = machine();
    await api.call("activate", { serialNumber: serial, machine: computer, nonce: nonce() });
    const [before] = await activationsOf(db, subscription.id);
    const again = await api.call("activate", {
      serialNumber: serial.toLowerCase().replaceAll("-", ""),
      machine: { ...computer, appVersion: "5.5.0" },
      nonce: nonce(),
    });

    expect(again.status).toBe(200);
    expect(again.body.license?.code).toBe("OK");
    const activations = await activationsOf(db, subscription.id);
    expect(activations).toHaveLength(1);
    expect(activations[0]).toMatchObject({ id: before!.id, appVersion: "5.5.0", deactivatedAt: null });
    expect(activations[0]!.lastSeenAt.getTime()).toBeGreaterThanOrEqual(before!.lastSeenAt.getTime());
    expect((await eventsOf(db, subscription.id)).map((event) => event.type)).toEqual(["ACTIVATED"]);
  });

  it("on another computer it is a troca: the old activation closes with SWAP and a SWAPPED event is written", async () => {
    const db = await testDatabase();
    const { subscription, serial } = await serialFixture(db);
    const [first, second] = [machine("NOTE-ANA"), machine("NOTE-BRUNO")];
    await api.call("activate", { serialNumber: serial, machine: first, nonce: nonce() });
    const answer = await api.call("activate", { serialNumber: serial, machine: second, nonce: nonce() });

    expect(answer.status).toBe(200);
    expect(answer.body.license).toMatchObject({ allowed: true, machineId: second.id });
    const [old, current] = await activationsOf(db, subscription.id);
    expect(old).toMatchObject({ machineName: "NOTE-ANA", deactivationCause: "SWAP" });
    expect(old!.deactivatedAt).not.toBeNull();
    expect(current).toMatchObject({ machineName: "NOTE-BRUNO", deactivatedAt: null });
    const events = await eventsOf(db, subscription.id);
    expect(events.map((event) => [event.type, event.activationId])).toEqual([
      ["ACTIVATED", old!.id],
      ["SWAPPED", current!.id],
    ]);
    const stored = await db.prisma.subscription.findUniqueOrThrow({ where: { id: subscription.id } });
    expect(stored.lastSwapAt?.getTime()).toBe(old!.deactivatedAt!.getTime());
  });

  it("leaves exactly one active computer when two activate the same serial at once", async () => {
    const db = await testDatabase();
    for (let round = 0; round < 5; round++) {
      const { subscription, serial } = await serialFixture(db);
      const answers = await Promise.all(
        [machine(), machine(), machine()].map((computer) =>
          api.call("activate", { serialNumber: serial, machine: computer, nonce: nonce() }),
        ),
      );
      expect(answers.map((answer) => answer.status)).toEqual([200, 200, 200]);
      const activations = await activationsOf(db, subscription.id);
      expect(activations.filter((activation) => activation.deactivatedAt === null)).toHaveLength(1);
      expect(activations.filter((activation) => activation.deactivationCause === "SWAP")).toHaveLength(2);
      const types = (await eventsOf(db, subscription.id)).map((event) => event.type).sort();
      expect(types).toEqual(["ACTIVATED", "SWAPPED", "SWAPPED"]);
    }
  });

  it("serializes simultaneous activations of one serial on its lock, not by luck of timing", async () => {
    const db = await testDatabase();
    const key = testSigningKey();
    // Each call in its own rate-limit bucket and from its own IP, so the shared counter rows can't
    // serialize them by accident: only the serial's lock may keep them apart.
    let tick = 0;
    const context = () => ({
      db: api.db(),
      now: new Date(Date.now() + (tick += 5) * 1000),
      ip: `10.50.0.${tick % 250}`,
      limits: { ...GENEROUS_LIMITS, bucketMs: 1000 },
      key,
    });
    for (let round = 0; round < 5; round++) {
      const { subscription, serial } = await serialFixture(db, {}, { swapLimit: 10 });
      const outcomes = await Promise.all(
        Array.from({ length: 5 }, () => activate(context(), { serialNumber: serial, machine: machine(), nonce: nonce() })),
      );
      expect(outcomes.map((outcome) => outcome.kind === "license" && outcome.license.code)).toEqual([
        "OK",
        "OK",
        "OK",
        "OK",
        "OK",
      ]);
      const activations = await activationsOf(db, subscription.id);
      expect(activations.filter((activation) => activation.deactivatedAt === null)).toHaveLength(1);
      expect(activations).toHaveLength(5);
    }
  });

  it("is guarded by the database itself: a second active activation is rejected by the unique index", async () => {
    const db = await testDatabase();
    const { subscription, serial } = await serialFixture(db);
    await api.call("activate", { serialNumber: serial, machine: machine(), nonce: nonce() });
    const other = machine();
    await expect(
      db.sql.query(
        `INSERT INTO activations (subscription_id, machine_id, machine_name, os, app_version) VALUES ($1, $2, $3, $4, $5)`,
        [subscription.id, other.id, other.name, other.os, other.appVersion],
      ),
    ).rejects.toThrow(/activations_one_active_per_subscription/);
  });

  it("allows use in the Período de Tolerância with a warning, and never offline past its end", async () => {
    const db = await testDatabase();
    const { serial } = await serialFixture(db, { expiresAt: new Date(Date.now() - 12 * DAY) }, { graceDays: 15 });
    const answer = await api.call("activate", { serialNumber: serial, machine: machine(), nonce: nonce() });

    expect(answer.status).toBe(200);
    const license = licenseResponseSchema.parse(answer.body).license;
    expect(license).toMatchObject({ allowed: true, code: "GRACE_PERIOD", status: "TOLERANCIA", toleranceDaysLeft: 3 });
    expect(license.message).toContain("Período de Tolerância");
    expect(license.message).toContain("3 dias");
    expect(Date.parse(license.validUntil)).toBeLessThanOrEqual(Date.parse(license.toleranceEndsAt));
  });

  it.each([
    ["SUSPENDED", { status: "SUSPENSA" as const }, /suspensa pelo Fabricante\. Motivo: Pendência financeira/],
    ["CANCELLED", { status: "CANCELADA" as const }, /cancelada\. Motivo: Pendência financeira/],
    ["PENDING", { status: "PENDENTE" as const }, /pendente/],
    ["EXPIRED", { expiresAt: new Date(Date.now() - 40 * DAY) }, /expirada em/],
  ])("refuses a %s serial with 403, its signed state and nothing written", async (code, data, message) => {
    const db = await testDatabase();
    const { subscription, serial, manufacturer } = await serialFixture(db, data);
    const reason = await createReason(db, manufacturer.id, { label: "Pendência financeira" });
    await db.prisma.subscription.update({ where: { id: subscription.id }, data: { blockReasonId: reason.id } });
    const answer = await api.call("activate", { serialNumber: serial, machine: machine(), nonce: nonce() });

    expect(answer.status).toBe(403);
    const body = licenseRefusalSchema.parse(answer.body);
    expect(body.error.code).toBe(code);
    expect(body.license).toMatchObject({ allowed: false, code, status: "EXPIRADA" });
    expect(body.license.message).toMatch(message);
    if (code === "SUSPENDED") expect(body.license.reason).toBe("Pendência financeira");
    expect(await activationsOf(db, subscription.id)).toEqual([]);
    expect(await eventsOf(db, subscription.id)).toEqual([]);
  });

  it("answers an unknown serial with 404 UNKNOWN_SERIAL and writes nothing", async () => {
    const db = await testDatabase();
    const before = await db.prisma.activation.count();
    const answer = await api.call("activate", { serialNumber: "ZZZZ-ZZZZ-ZZZZ-ZZZZ", machine: machine(), nonce: nonce() });
    expect(answer.status).toBe(404);
    expect(answer.body.error).toMatchObject({ code: "UNKNOWN_SERIAL", message: expect.stringContaining("não encontrado") });
    expect(answer.body.license).toBeUndefined();
    expect(await db.prisma.activation.count()).toBe(before);
  });
});
