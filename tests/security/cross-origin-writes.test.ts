// Finding: a cookie-authenticated JSON write did not check its origin — POST …/acoes with
// `Origin: http://evil.example`, a JSON body and a valid session released a serial; and Next's own
// check on server actions compares the host without the scheme. Replayed against the route handler
// and the action wrapper with the headers a browser would send.
import { NextRequest } from "next/server";
import { beforeAll, describe, expect, it } from "vitest";
import { POST } from "@/app/api/fabricante/assinaturas/[serial]/acoes/route";
import { releaseSubscription, suspendSubscription } from "@/lib/actions/subscription-actions";
import type { Database } from "@/lib/db/connection";
import { createCustomer, createManufacturerWithStaff, createReason, createSubscription } from "../support/factories";
import { requestHeaders, signInAs } from "../support/next-runtime";
import { testDatabase } from "../support/test-database";

let db: Database;
let staff: Awaited<ReturnType<typeof createManufacturerWithStaff>>;
let customer: { id: string; manufacturerId: string };
let reasonId: string;

beforeAll(async () => {
  db = await testDatabase();
  staff = await createManufacturerWithStaff(db);
  customer = await createCustomer(db, staff.account.id);
  reasonId = (await createReason(db, staff.account.id, { label: "Pendência financeira" })).id;
});

const statusOf = async (serialNumber: string) =>
  (await db.prisma.subscription.findUniqueOrThrow({ where: { serialNumber } })).status;

async function suspendedSerial() {
  return (await createSubscription(db, customer, { status: "SUSPENSA" })).serialNumber;
}

function release(serialNumber: string, origin: string | null) {
  const headers: Record<string, string> = { "content-type": "application/json", host: "localhost:3000" };
  if (origin !== null) headers.origin = origin;
  return POST(
    new NextRequest(`http://localhost:3000/api/fabricante/assinaturas/${serialNumber}/acoes`, {
      method: "POST",
      headers,
      body: JSON.stringify({ action: "RELEASE" }),
    }),
    { params: Promise.resolve({ serial: serialNumber }) },
  );
}

const FOREIGN = [
  "http://evil.example",
  "https://localhost:3000",
  "http://localhost:3001",
  "http://localhost:3000.evil.example",
  "null",
];

describe("cookie-authenticated writes from another origin", () => {
  it("the JSON API refuses a foreign, other-scheme, other-port or missing Origin with 403 and changes nothing", async () => {
    const serialNumber = await suspendedSerial();
    signInAs(staff.fabricante.id);
    for (const origin of [...FOREIGN, null]) {
      const response = await release(serialNumber, origin);
      expect(response.status, `Origin ${origin}`).toBe(403);
      expect(((await response.json()) as { error: { code: string } }).error.code).toBe("CROSS_ORIGIN");
    }
    expect(await statusOf(serialNumber)).toBe("SUSPENSA");
    const same = await release(serialNumber, "http://localhost:3000");
    expect(same.status).toBe(200);
    expect(await statusOf(serialNumber)).toBe("ATIVA");
  });

  it("server actions refuse the same origins in the wrapper, before any data is touched", async () => {
    const serialNumber = await suspendedSerial();
    const data = new FormData();
    data.set("serialNumber", serialNumber);
    for (const origin of [...FOREIGN, null]) {
      signInAs(staff.fabricante.id);
      if (origin === null) requestHeaders().delete("origin");
      else requestHeaders().set("origin", origin);
      expect(await releaseSubscription(null, data), `Origin ${origin}`).toMatchObject({ ok: false, code: "CROSS_ORIGIN" });
    }
    expect(await statusOf(serialNumber)).toBe("SUSPENSA");
    requestHeaders().set("origin", "http://localhost:3000");
    expect(await releaseSubscription(null, data)).toMatchObject({ ok: true });
  });

  it("behind a TLS-terminating proxy the public https origin is the one accepted", async () => {
    const serialNumber = (await createSubscription(db, customer)).serialNumber;
    const data = new FormData();
    data.set("serialNumber", serialNumber);
    data.set("reasonId", reasonId);
    signInAs(staff.fabricante.id);
    requestHeaders().set("x-forwarded-proto", "https");
    requestHeaders().set("origin", "http://localhost:3000");
    expect(await suspendSubscription(null, data)).toMatchObject({ ok: false, code: "CROSS_ORIGIN" });
    requestHeaders().set("origin", "https://localhost:3000");
    expect(await suspendSubscription(null, data)).toMatchObject({ ok: true });
  });
});
