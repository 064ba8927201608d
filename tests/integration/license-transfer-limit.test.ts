import { describe, expect, it } from "vitest";
import { licenseRefusalSchema } from "@/lib/validation/license-responses";
import { testDatabase } from "../support/test-database";
import { activationsOf, eventsOf, licenseServer, machine, nonce, serialFixture, testClock } from "./license-test-client";

const clock = testClock();
const api = licenseServer({ clock });
const DAY = 24 * 60 * 60 * 1000;

const activate = (serialNumber: string, computer = machine()) =>
  api.call("activate", { serialNumber, machine: computer, nonce: nonce() });

describe("swap control: machine changes per serial in a rolling 30 days", () => {
  it("refuses the change past the manufacturer's limit with TRANSFER_LIMIT, writing nothing, until a swap ages out", async () => {
    const db = await testDatabase();
    const { subscription, serial } = await serialFixture(db, { expiresAt: new Date(Date.now() + 300 * DAY) }, { swapLimit: 2 });
    const current = machine("ATUAL");
    await activate(serial);
    clock.advance(DAY);
    const firstSwapAt = clock.now;
    expect((await activate(serial)).status).toBe(200);
    clock.advance(DAY);
    expect((await activate(serial, current)).status).toBe(200);
    const before = { activations: await activationsOf(db, subscription.id), events: await eventsOf(db, subscription.id) };

    clock.advance(DAY);
    const refused = await activate(serial, machine("TERCEIRO"));
    expect(refused.status).toBe(409);
    const body = licenseRefusalSchema.parse(refused.body);
    expect(body.error.code).toBe("TRANSFER_LIMIT");
    expect(body.license).toMatchObject({ allowed: false, code: "TRANSFER_LIMIT", status: "ATIVA" });
    expect(body.license.message).toContain("Limite de trocas de computador atingido (2 em 30 dias)");
    expect(Date.parse(body.error.retryAt!)).toBe(firstSwapAt.getTime() + 30 * DAY);
    expect(await activationsOf(db, subscription.id)).toEqual(before.activations);
    expect(await eventsOf(db, subscription.id)).toEqual(before.events);

    // The computer that holds the serial keeps working: repeating its activation is not a change.
    expect((await activate(serial, current)).status).toBe(200);

    clock.now = new Date(firstSwapAt.getTime() + 30 * DAY + 1000);
    const later = await activate(serial, machine("QUARTO"));
    expect(later.status).toBe(200);
    expect((await activationsOf(db, subscription.id)).filter((activation) => activation.deactivatedAt === null)).toHaveLength(1);
  });

  it("with a limit of 0 never lets the serial move, and says to ask the manufacturer", async () => {
    const db = await testDatabase();
    const { serial } = await serialFixture(db, {}, { swapLimit: 0 });
    await activate(serial);
    const refused = await activate(serial);
    expect(refused.status).toBe(409);
    expect(refused.body.error?.code).toBe("TRANSFER_LIMIT");
    expect(refused.body.error?.retryAt).toBeUndefined();
    expect(refused.body.license?.message).toContain("Peça ao Fabricante");
  });

  it("does not count an activation after the computer was freed (by the desktop or the manufacturer) as a troca", async () => {
    const db = await testDatabase();
    const { subscription, serial } = await serialFixture(db, {}, { swapLimit: 0 });
    const first = machine();
    await activate(serial, first);
    await api.call("deactivate", { serialNumber: serial, machineId: first.id, nonce: nonce() });
    const answer = await activate(serial);
    expect(answer.status).toBe(200);
    expect((await eventsOf(db, subscription.id)).map((event) => event.type)).toEqual(["ACTIVATED", "DEACTIVATED", "ACTIVATED"]);
  });
});
