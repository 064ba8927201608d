import { describe, expect, it } from "vitest";
import { errorResponseSchema } from "@/lib/validation/license-responses";
import { testDatabase } from "../support/test-database";
import { licenseServer, machine, nonce, serialFixture, type ApiAnswer } from "./license-test-client";

const api = licenseServer();

/** Every table a license request could write to, to prove a refused request wrote nothing. */
async function snapshot() {
  const db = await testDatabase();
  const [row] = await db.sql.query<{ activations: number; events: number; subscriptions: string }>(
    `SELECT (SELECT count(*)::int FROM activations) AS activations, (SELECT count(*)::int FROM subscription_events) AS events,
            (SELECT string_agg(updated_at::text || coalesce(last_swap_at::text, ''), ',' ORDER BY id) FROM subscriptions) AS subscriptions`,
  );
  return row;
}

function expectError(answer: ApiAnswer, status: number, code: string) {
  expect(answer.status, JSON.stringify(answer.body)).toBe(status);
  const { error } = errorResponseSchema.parse(answer.body);
  expect(error.code).toBe(code);
  expect(error.message.length).toBeGreaterThan(10);
  expect(answer.headers.get("content-type")).toContain("application/json");
  return error;
}

describe("bad input: always a 4xx JSON error with a stable code, never a 500, nothing half-written", () => {
  it("covers malformed JSON, wrong content type, missing and oversized fields, a 1 MB body, wrong method and path", async () => {
    const db = await testDatabase();
    const { serial } = await serialFixture(db);
    const before = await snapshot();
    const post = (body: string, type = "application/json") =>
      api.raw("activate", { method: "POST", headers: { "content-type": type }, body });

    expectError(await post('{"serialNumber": "AAAA-'), 400, "INVALID_JSON");
    expectError(await post(""), 400, "INVALID_JSON");
    expectError(await post(JSON.stringify({ serialNumber: serial }), "text/plain"), 415, "UNSUPPORTED_MEDIA_TYPE");
    expectError(await api.raw("activate", { method: "POST", body: "x=1" }), 415, "UNSUPPORTED_MEDIA_TYPE");

    const missing = expectError(await post(JSON.stringify({ serialNumber: serial })), 400, "VALIDATION");
    expect(missing.fieldErrors).toMatchObject({ machine: ["Campo obrigatório."], nonce: ["Campo obrigatório."] });
    expectError(await post("[]"), 400, "VALIDATION");
    expectError(await post("null"), 400, "VALIDATION");

    const oversized = { serialNumber: serial, machine: { ...machine(), name: "N".repeat(129) }, nonce: nonce() };
    expect(expectError(await post(JSON.stringify(oversized)), 400, "VALIDATION").fieldErrors).toEqual({
      "machine.name": ["Texto longo demais."],
    });
    // NUL and other control characters: PostgreSQL would refuse them, so they must stop at validation.
    for (const field of ["name", "os", "appVersion"] as const) {
      const withNul = { serialNumber: serial, machine: { ...machine(), [field]: "abc\u0000def" }, nonce: nonce() };
      expect(expectError(await post(JSON.stringify(withNul)), 400, "VALIDATION").fieldErrors).toEqual({
        [`machine.${field}`]: ["Valor inválido."],
      });
    }
    const checkInNul = { serialNumber: serial, machineId: machine().id, appVersion: "\u0000", nonce: nonce() };
    expectError(
      await api.raw("check-in", {
        method: "POST",
        headers: { "content-type": "application/json" },
        body: JSON.stringify(checkInNul),
      }),
      400,
      "VALIDATION",
    );
    const badSerial = { serialNumber: "12345", machine: machine(), nonce: nonce() };
    expect(expectError(await post(JSON.stringify(badSerial)), 400, "VALIDATION").fieldErrors?.serialNumber?.[0]).toMatch(
      /XXXX-XXXX-XXXX-XXXX/,
    );
    const badNonce = { serialNumber: serial, machine: machine(), nonce: "curto" };
    expectError(await post(JSON.stringify(badNonce)), 400, "VALIDATION");
    const badId = { serialNumber: serial, machine: { ...machine(), id: "com espaço no meio" }, nonce: nonce() };
    expectError(await post(JSON.stringify(badId)), 400, "VALIDATION");

    const megabyte = JSON.stringify({
      serialNumber: serial,
      machine: machine(),
      nonce: nonce(),
      padding: "x".repeat(1024 * 1024),
    });
    const tooLarge = expectError(await post(megabyte), 413, "PAYLOAD_TOO_LARGE");
    expect(tooLarge.message).toBe("Requisição grande demais.");

    expectError(await api.raw("activate", { method: "GET" }), 405, "METHOD_NOT_ALLOWED");
    expectError(await api.raw("nao-existe", { method: "POST" }), 404, "NOT_FOUND");

    expect(await snapshot()).toEqual(before);
  });

  it("answers an unknown serial and a cancelled subscription's serial with their codes, writing nothing", async () => {
    const db = await testDatabase();
    const { serial } = await serialFixture(db, { status: "CANCELADA" });
    const before = await snapshot();
    for (const path of ["activate", "check-in"]) {
      const computer = machine();
      const body = path === "activate" ? { machine: computer } : { machineId: computer.id };
      expectError(await api.call(path, { serialNumber: "WXYZ-WXYZ-WXYZ-WXYZ", nonce: nonce(), ...body }), 404, "UNKNOWN_SERIAL");
      const cancelled = await api.call(path, { serialNumber: serial, nonce: nonce(), ...body });
      expect(cancelled.status).toBe(403);
      expect(cancelled.body.error?.code).toBe("CANCELLED");
      expect(cancelled.body.license?.allowed).toBe(false);
    }
    expect(await snapshot()).toEqual(before);
  });

  it("still answers (and keeps the connection usable) after a body that is not UTF-8 or has extra fields", async () => {
    const db = await testDatabase();
    const { serial } = await serialFixture(db);
    const garbage = await api.raw("check-in", {
      method: "POST",
      headers: { "content-type": "application/json" },
      body: new Uint8Array([0xff, 0xfe, 0x00, 0x7b]),
    });
    expectError(garbage, 400, "INVALID_JSON");
    const extra = await api.call("activate", {
      serialNumber: serial,
      machine: machine(),
      nonce: nonce(),
      unexpected: { deep: [1, 2] },
    });
    expect(extra.status).toBe(200);
  });
});
