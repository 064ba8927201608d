import { describe, expect, it } from "vitest";
import { licenseRefusalSchema, licenseResponseSchema } from "@/lib/validation/license-responses";
import { testDatabase } from "../support/test-database";
import { activationsOf, eventsOf, licenseServer, machine, nonce, serialFixture, testClock } from "./license-test-client";

const clock = testClock();
const api = licenseServer({ clock });
const MINUTE = 60_000;

async function activated() {
  const db = await testDatabase();
  const fixture = await serialFixture(db);
  const computer = machine();
  const answer = await api.call("activate", { serialNumber: fixture.serial, machine: computer, nonce: nonce() });
  expect(answer.status).toBe(200);
  const [activation] = await activationsOf(db, fixture.subscription.id);
  return { db, ...fixture, computer, activation: activation! };
}

describe("POST /api/v1/licenses/check-in", () => {
  it("records último acesso (and a new app version) and returns the signed state", async () => {
    const { db, serial, computer, activation } = await activated();
    clock.advance(5 * MINUTE);
    const sent = nonce();
    const answer = await api.call("check-in", { serialNumber: serial, machineId: computer.id, appVersion: "5.6.0", nonce: sent });

    expect(answer.status).toBe(200);
    expect(licenseResponseSchema.parse(answer.body).license).toMatchObject({ allowed: true, code: "OK", nonce: sent });
    const after = await db.prisma.activation.findUniqueOrThrow({ where: { id: activation.id } });
    expect(after.lastSeenAt.getTime()).toBe(clock.now.getTime());
    expect(after.appVersion).toBe("5.6.0");
  });

  it("tells a computer that is no longer the active one NOT_ACTIVATED (409) and records nothing for it", async () => {
    const { db, subscription, serial, computer } = await activated();
    await api.call("activate", { serialNumber: serial, machine: machine(), nonce: nonce() });
    const before = await activationsOf(db, subscription.id);
    clock.advance(MINUTE);
    const answer = await api.call("check-in", { serialNumber: serial, machineId: computer.id, nonce: nonce() });

    expect(answer.status).toBe(409);
    const body = licenseRefusalSchema.parse(answer.body);
    expect(body.error.code).toBe("NOT_ACTIVATED");
    expect(body.license).toMatchObject({ allowed: false, code: "NOT_ACTIVATED", status: "ATIVA" });
    expect(await activationsOf(db, subscription.id)).toEqual(before);
  });

  it("refuses a suspended serial with SUSPENDED and does not count the check-in as use", async () => {
    const { db, subscription, serial, computer, activation } = await activated();
    await db.prisma.subscription.update({ where: { id: subscription.id }, data: { status: "SUSPENSA" } });
    clock.advance(MINUTE);
    const answer = await api.call("check-in", { serialNumber: serial, machineId: computer.id, nonce: nonce() });

    expect(answer.status).toBe(403);
    expect(answer.body.license).toMatchObject({ allowed: false, code: "SUSPENDED", situation: "SUSPENSA" });
    const after = await db.prisma.activation.findUniqueOrThrow({ where: { id: activation.id } });
    expect(after.lastSeenAt).toEqual(activation.lastSeenAt);
  });

  it("answers an unknown serial with 404 UNKNOWN_SERIAL", async () => {
    const answer = await api.call("check-in", { serialNumber: "AAAA-BBBB-CCCC-DDDD", machineId: machine().id, nonce: nonce() });
    expect(answer.status).toBe(404);
    expect(answer.body.error?.code).toBe("UNKNOWN_SERIAL");
  });
});

describe("POST /api/v1/licenses/deactivate", () => {
  it("releases the computer: activation closed by the DESKTOP, DEACTIVATED event, RELEASED answer", async () => {
    const { db, subscription, serial, computer, activation } = await activated();
    clock.advance(MINUTE);
    const answer = await api.call("deactivate", { serialNumber: serial, machineId: computer.id, nonce: nonce() });

    expect(answer.status).toBe(200);
    expect(licenseResponseSchema.parse(answer.body).license).toMatchObject({ allowed: false, code: "RELEASED" });
    const after = await db.prisma.activation.findUniqueOrThrow({ where: { id: activation.id } });
    expect(after).toMatchObject({ deactivationCause: "DESKTOP", deactivatedById: null });
    expect(after.deactivatedAt?.getTime()).toBe(clock.now.getTime());
    const events = await eventsOf(db, subscription.id);
    expect(events.map((event) => [event.type, event.actorKind, event.activationId])).toEqual([
      ["ACTIVATED", "DESKTOP", activation.id],
      ["DEACTIVATED", "DESKTOP", activation.id],
    ]);

    const again = await api.call("deactivate", { serialNumber: serial, machineId: computer.id, nonce: nonce() });
    expect(again.status).toBe(409);
    expect(again.body.error?.code).toBe("NOT_ACTIVATED");
    expect(await eventsOf(db, subscription.id)).toHaveLength(2);
    const checkIn = await api.call("check-in", { serialNumber: serial, machineId: computer.id, nonce: nonce() });
    expect(checkIn.body.error?.code).toBe("NOT_ACTIVATED");
  });

  it("lets a suspended serial's computer be released too", async () => {
    const { db, subscription, serial, computer } = await activated();
    await db.prisma.subscription.update({ where: { id: subscription.id }, data: { status: "SUSPENSA" } });
    const answer = await api.call("deactivate", { serialNumber: serial, machineId: computer.id, nonce: nonce() });
    expect(answer.status).toBe(200);
    expect(answer.body.license).toMatchObject({ code: "RELEASED", situation: "SUSPENSA" });
  });

  it("answers an unknown serial with 404 UNKNOWN_SERIAL", async () => {
    const answer = await api.call("deactivate", { serialNumber: "AAAA-BBBB-CCCC-DDDE", machineId: machine().id, nonce: nonce() });
    expect(answer.status).toBe(404);
    expect(answer.body.error?.code).toBe("UNKNOWN_SERIAL");
  });
});
