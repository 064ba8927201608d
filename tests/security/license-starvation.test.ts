// Finding: anyone who knew a serial could stop its genuine computer from checking in — 35
// check-ins with a wrong machine id from one address used up the serial's 30 requests per 10
// minutes, and the real computer got 429 for ~9 minutes. Replayed with the default limits.
import { describe, expect, it } from "vitest";
import { licenseRateLimits } from "@/lib/license/rate-limit";
import { licenseServer, machine, nonce, serialFixture } from "../integration/license-test-client";
import { testDatabase } from "../support/test-database";

const limits = licenseRateLimits({});
const api = licenseServer({ limits });

async function activatedSerial() {
  const db = await testDatabase();
  const { serial } = await serialFixture(db);
  const computer = machine();
  const activated = await api.call("activate", { serialNumber: serial, machine: computer, nonce: nonce() }, "198.51.100.1");
  expect(activated.status).toBe(200);
  return { serial, computer };
}

describe("a stranger who knows a serial", () => {
  it("can't starve its computer's check-ins or deactivation with 35 requests under another machine id", async () => {
    const { serial, computer } = await activatedSerial();
    const stranger = machine().id;
    const statuses: number[] = [];
    for (let attempt = 0; attempt < 35; attempt++) {
      const endpoint = attempt % 2 ? "deactivate" : "check-in";
      statuses.push(
        (await api.call(endpoint, { serialNumber: serial, machineId: stranger, nonce: nonce() }, "203.0.113.9")).status,
      );
    }
    // The stranger is limited at its own (serial, computer) count…
    expect(statuses.slice(0, limits.perMachine).every((status) => status === 409)).toBe(true);
    expect(statuses.slice(limits.perMachine)).toEqual(Array(35 - limits.perMachine).fill(429));
    // …the genuine computer is not.
    const genuine = await api.call("check-in", { serialNumber: serial, machineId: computer.id, nonce: nonce() }, "198.51.100.1");
    expect(genuine.status).toBe(200);
    expect(genuine.body.license?.code).toBe("OK");
  });

  it("can't starve it by rotating machine ids either: each address has its own limit", async () => {
    const { serial, computer } = await activatedSerial();
    const rotating = Array.from({ length: 40 }, () =>
      api.call("check-in", { serialNumber: serial, machineId: machine().id, nonce: nonce() }, "203.0.113.10"),
    );
    expect((await Promise.all(rotating)).every((answer) => answer.status === 409)).toBe(true);
    const genuine = await api.call("check-in", { serialNumber: serial, machineId: computer.id, nonce: nonce() }, "198.51.100.1");
    expect(genuine.status).toBe(200);
  });

  it("still meets the serial-wide limit on activations, whatever computer asks", async () => {
    const db = await testDatabase();
    const { serial } = await serialFixture(db, {}, { swapLimit: 0 });
    const first = machine();
    const statuses: number[] = [];
    for (let attempt = 0; attempt <= limits.perSerial; attempt++) {
      const computer = attempt % 2 ? machine() : first;
      statuses.push(
        (await api.call("activate", { serialNumber: serial, machine: computer, nonce: nonce() }, `192.0.2.${attempt}`)).status,
      );
    }
    expect(statuses.at(-1)).toBe(429);
    expect(statuses.slice(0, -1).every((status) => status !== 429)).toBe(true);
  });
});
