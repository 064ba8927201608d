// Many people acting on one serial at once: 60 concurrent conflicting requests (suspend, release,
// cancel) per serial, over several serials. The final state is always legal, every effective
// transition wrote exactly one event, every refusal was a 409, and nothing answered 500.
import { NextRequest } from "next/server";
import { describe, expect, it } from "vitest";
import { POST } from "@/app/api/fabricante/assinaturas/[serial]/acoes/route";
import { createManufacturerWithStaff, createCustomer, createReason, createSubscription } from "../support/factories";
import { signInAs } from "../support/next-runtime";
import { testDatabase } from "../support/test-database";

const REQUESTS_PER_SERIAL = 60;
const SERIALS = 4;

describe("concurrent actions on one serial", () => {
  it(`keeps ${SERIALS} serials legal under ${REQUESTS_PER_SERIAL} concurrent conflicting requests each`, async () => {
    const db = await testDatabase();
    const staff = await createManufacturerWithStaff(db);
    const customer = await createCustomer(db, staff.account.id);
    const suspension = await createReason(db, staff.account.id);
    const cancellation = await createReason(db, staff.account.id, { kind: "CANCELAMENTO" });
    signInAs(staff.fabricante.id);

    for (let round = 0; round < SERIALS; round++) {
      const { serialNumber, id } = await createSubscription(db, customer, { status: round % 2 ? "PENDENTE" : "ATIVA" });
      // Mostly suspend/release ping-pong, with a few cancels that end it for good.
      const bodies = Array.from({ length: REQUESTS_PER_SERIAL }, (_, index) =>
        index % 20 === 7
          ? { action: "CANCEL", reasonId: cancellation.id }
          : index % 2
            ? { action: "RELEASE" }
            : { action: "SUSPEND", reasonId: suspension.id },
      );
      const responses = await Promise.all(
        bodies.map((body) =>
          POST(
            new NextRequest(`http://localhost/api/fabricante/assinaturas/${serialNumber}/acoes`, {
              method: "POST",
              headers: { "content-type": "application/json", origin: "http://localhost" },
              body: JSON.stringify(body),
            }),
            { params: Promise.resolve({ serial: serialNumber }) },
          ),
        ),
      );
      const statuses = responses.map((response) => response.status);
      expect(
        statuses.every((status) => status === 200 || status === 409),
        statuses.join(","),
      ).toBe(true);
      const applied = statuses.filter((status) => status === 200).length;
      expect(applied).toBeGreaterThan(0);

      const subscription = await db.prisma.subscription.findUniqueOrThrow({ where: { id } });
      const events = await db.prisma.subscriptionEvent.findMany({
        where: { subscriptionId: id },
        orderBy: [{ createdAt: "asc" }, { seq: "asc" }],
      });
      expect(events).toHaveLength(applied);
      // The events form one unbroken chain of legal transitions ending in the stored status.
      let status = round % 2 ? "PENDENTE" : "ATIVA";
      for (const event of events) {
        expect(event.fromStatus).toBe(status);
        expect({ SUSPENDED: "SUSPENSA", RELEASED: "ATIVA", CANCELLED: "CANCELADA" }[event.type as string]).toBe(event.toStatus);
        status = event.toStatus!;
      }
      expect(subscription.status).toBe(status);
      expect(subscription.billingState).toBe(
        { ATIVA: "ATIVA", SUSPENSA: "PAUSADA", CANCELADA: "ENCERRADA", PENDENTE: "ATIVA" }[status],
      );
      if (status === "CANCELADA") expect(events.at(-1)!.type).toBe("CANCELLED");
    }
  });
});
