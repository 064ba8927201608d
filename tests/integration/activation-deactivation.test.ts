import { describe, expect, it } from "vitest";
import { deactivateMachine } from "@/lib/actions/deactivate-machine";
import { createManufacturerWithStaff } from "../support/factories";
import { signInAs } from "../support/next-runtime";
import { testDatabase } from "../support/test-database";
import { activationsOf, eventsOf, licenseServer, machine, nonce, serialFixture } from "./license-test-client";

const api = licenseServer();

function form(entries: Record<string, string>) {
  const data = new FormData();
  for (const [key, value] of Object.entries(entries)) data.append(key, value);
  return data;
}

async function manufacturerWithActiveMachine() {
  const db = await testDatabase();
  const staff = await createManufacturerWithStaff(db);
  const { serial, subscription } = await serialFixture(db);
  await db.prisma.customer.update({ where: { id: subscription.customerId }, data: { manufacturerId: staff.account.id } });
  await db.prisma.subscription.update({ where: { id: subscription.id }, data: { manufacturerId: staff.account.id } });
  const computer = machine("ESTACAO-03");
  expect((await api.call("activate", { serialNumber: serial, machine: computer, nonce: nonce() })).status).toBe(200);
  const [activation] = await activationsOf(db, subscription.id);
  return { db, staff, serial, subscription, computer, activation: activation! };
}

describe("Fabricante deactivates a serial's computer (Ativações tab)", () => {
  it("closes the activation with cause FABRICANTE, keeps it in history and writes the DEACTIVATED event", async () => {
    const { db, staff, serial, subscription, computer, activation } = await manufacturerWithActiveMachine();
    signInAs(staff.fabricante.id);
    const result = await deactivateMachine(
      null,
      form({ serialNumber: serial, activationId: activation.id, note: "Computador roubado" }),
    );

    expect(result).toEqual({ ok: true, data: { machineName: "ESTACAO-03" } });
    const [closed] = await activationsOf(db, subscription.id);
    expect(closed).toMatchObject({
      id: activation.id,
      deactivationCause: "FABRICANTE",
      deactivationNote: "Computador roubado",
      deactivatedById: staff.fabricante.id,
    });
    const events = await eventsOf(db, subscription.id);
    expect(events.at(-1)).toMatchObject({
      type: "DEACTIVATED",
      actorKind: "USER",
      actorUserId: staff.fabricante.id,
      accountId: staff.account.id,
      description: "Computador roubado",
      activationId: activation.id,
    });

    // The desktop learns it on its next check-in; the serial is free for another computer (not a troca).
    const checkIn = await api.call("check-in", { serialNumber: serial, machineId: computer.id, nonce: nonce() });
    expect(checkIn.body.error?.code).toBe("NOT_ACTIVATED");
    expect((await api.call("activate", { serialNumber: serial, machine: machine(), nonce: nonce() })).status).toBe(200);
    expect((await eventsOf(db, subscription.id)).map((event) => event.type)).toEqual(["ACTIVATED", "DEACTIVATED", "ACTIVATED"]);
  });

  it("refuses an already free serial with CONFLICT and a clear message", async () => {
    const { staff, serial, activation } = await manufacturerWithActiveMachine();
    signInAs(staff.fabricante.id);
    const input = form({ serialNumber: serial, activationId: activation.id, note: "Troca de equipamento" });
    expect((await deactivateMachine(null, input)).ok).toBe(true);
    const again = await deactivateMachine(null, input);
    expect(again).toMatchObject({ ok: false, code: "CONFLICT", error: expect.stringContaining("já não está ativo") });
  });

  it("answers a foreign serial (or a foreign activation) with NOT_FOUND and writes nothing", async () => {
    const { db, serial, subscription, activation } = await manufacturerWithActiveMachine();
    const other = await createManufacturerWithStaff(db);
    signInAs(other.fabricante.id);
    const foreign = await deactivateMachine(null, form({ serialNumber: serial, activationId: activation.id, note: "x" }));
    expect(foreign).toMatchObject({ ok: false, code: "NOT_FOUND" });

    const own = await serialFixture(db);
    await db.prisma.subscription.update({ where: { id: own.subscription.id }, data: { manufacturerId: other.account.id } });
    const mixed = await deactivateMachine(null, form({ serialNumber: own.serial, activationId: activation.id, note: "x" }));
    expect(mixed).toMatchObject({ ok: false, code: "NOT_FOUND" });
    expect((await activationsOf(db, subscription.id))[0]?.deactivatedAt).toBeNull();
    expect(await eventsOf(db, subscription.id)).toHaveLength(1);
  });

  it("requires the Fabricante profile and a reason", async () => {
    const { db, staff, serial, subscription, activation } = await manufacturerWithActiveMachine();
    for (const user of [staff.administrador, staff.responsavel, staff.convidado]) {
      signInAs(user.id);
      const refused = await deactivateMachine(null, form({ serialNumber: serial, activationId: activation.id, note: "x" }));
      expect(refused).toMatchObject({ ok: false, code: "FORBIDDEN" });
    }
    signInAs(staff.fabricante.id);
    const empty = await deactivateMachine(null, form({ serialNumber: serial, activationId: activation.id, note: "   " }));
    expect(empty).toMatchObject({ ok: false, code: "VALIDATION", fieldErrors: { note: ["Campo obrigatório."] } });
    signInAs(null);
    expect(await deactivateMachine(null, form({ serialNumber: serial, activationId: activation.id, note: "x" }))).toMatchObject({
      ok: false,
      code: "UNAUTHENTICATED",
    });
    expect((await activationsOf(db, subscription.id))[0]?.deactivatedAt).toBeNull();
  });
});
