// The embedded default (no DATABASE_URL): the same license SQL runs on PGlite through the process's
// SqlClient, so a newcomer's `npm run demo` serves the desktop API too.
import { describe, expect, it } from "vitest";
import { licenseDbFromSqlClient } from "@/lib/data/license-db";
import { createLicenseApi, type ApiRequest } from "@/lib/license/api";
import { activationsOf, eventsOf, GENEROUS_LIMITS, machine, nonce, serialFixture, testSigningKey } from "./license-test-client";
import { pgliteTestDatabase } from "../support/pglite-database";

const DATA_DIR = "memory://license-pglite";
const database = pgliteTestDatabase(DATA_DIR);

describe("license API on embedded PGlite", () => {
  it("activates, swaps, checks in and releases with the same answers as on PostgreSQL", async () => {
    const db = database();
    const api = createLicenseApi({ db: licenseDbFromSqlClient(db.sql), key: testSigningKey(), limits: GENEROUS_LIMITS });
    const post = async (path: string, body: unknown) => {
      const request: ApiRequest = {
        method: "POST",
        path: `/api/v1/licenses/${path}`,
        contentType: "application/json",
        body: JSON.stringify(body),
        bodyTooLarge: false,
        ip: "127.0.0.1",
      };
      const response = await api(request);
      return {
        status: response.status,
        body: JSON.parse(response.body) as { license?: { code: string }; error?: { code: string } },
      };
    };
    const { serial, subscription } = await serialFixture(db);
    const [first, second] = [machine(), machine()];

    expect((await post("activate", { serialNumber: serial, machine: first, nonce: nonce() })).body.license?.code).toBe("OK");
    expect((await post("activate", { serialNumber: serial, machine: second, nonce: nonce() })).status).toBe(200);
    expect((await post("check-in", { serialNumber: serial, machineId: second.id, nonce: nonce() })).body.license?.code).toBe(
      "OK",
    );
    expect((await post("check-in", { serialNumber: serial, machineId: first.id, nonce: nonce() })).body.error?.code).toBe(
      "NOT_ACTIVATED",
    );
    expect((await post("deactivate", { serialNumber: serial, machineId: second.id, nonce: nonce() })).body.license?.code).toBe(
      "RELEASED",
    );
    expect((await activationsOf(db, subscription.id)).map((activation) => activation.deactivationCause)).toEqual([
      "SWAP",
      "DESKTOP",
    ]);
    expect((await eventsOf(db, subscription.id)).map((event) => event.type)).toEqual(["ACTIVATED", "SWAPPED", "DEACTIVATED"]);
  });
});
