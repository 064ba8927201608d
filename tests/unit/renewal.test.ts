import { describe, expect, it } from "vitest";
import {
  addPlanPeriods,
  canRenew,
  endOfSaoPauloDay,
  firstExpiry,
  renewalOutcome,
  startOfSaoPauloDay,
} from "@/lib/domain/renewal";
import { menuActionsFor, permittedMenuActions } from "@/lib/domain/serial-menu";
import { deriveDisplayStatus, STORED_STATUSES } from "@/lib/domain/subscription-status";

/** 23:59:59.999 of a São Paulo day. */
const endOf = (isoDate: string) => new Date(`${isoDate}T23:59:59.999-03:00`);

describe("renewal periods", () => {
  it("adds months on São Paulo's calendar, from the old expiry", () => {
    expect(addPlanPeriods(endOf("2026-03-10"), "MENSAL", 1)).toEqual(endOf("2026-04-10"));
    expect(addPlanPeriods(endOf("2026-03-10"), "MENSAL", 3)).toEqual(endOf("2026-06-10"));
    expect(addPlanPeriods(endOf("2026-03-10"), "ANUAL", 1)).toEqual(endOf("2027-03-10"));
    expect(addPlanPeriods(endOf("2026-11-15"), "MENSAL", 2)).toEqual(endOf("2027-01-15"));
  });

  it("a day the target month lacks becomes its last day, never a day of the next month", () => {
    expect(addPlanPeriods(endOf("2026-01-31"), "MENSAL", 1)).toEqual(endOf("2026-02-28"));
    expect(addPlanPeriods(endOf("2028-01-31"), "MENSAL", 1)).toEqual(endOf("2028-02-29"));
    expect(addPlanPeriods(endOf("2028-02-29"), "ANUAL", 1)).toEqual(endOf("2029-02-28"));
    expect(addPlanPeriods(endOf("2026-08-31"), "MENSAL", 1)).toEqual(endOf("2026-09-30"));
  });

  it("keeps the São Paulo day when the UTC day is already the next one", () => {
    // 22:00 in São Paulo on 31/01 is 01:00 UTC on 01/02.
    const late = new Date("2026-01-31T22:00:00-03:00");
    expect(addPlanPeriods(late, "MENSAL", 1)).toEqual(new Date("2026-02-28T22:00:00-03:00"));
  });

  it("a late renewal is retroactive: counted from the old expiry, not from today", () => {
    const expiredLongAgo = endOf("2026-01-10");
    const now = new Date("2026-05-20T12:00:00-03:00");
    const renewedOnce = addPlanPeriods(expiredLongAgo, "MENSAL", 1);
    expect(renewedOnce).toEqual(endOf("2026-02-10"));
    // One month paid for a serial four months late still leaves it expired…
    expect(deriveDisplayStatus({ status: "ATIVA", expiresAt: renewedOnce }, 15, now).badge).toBe("EXPIRADA");
    // …paying every month up to now brings it back to Ativa.
    const upToDate = addPlanPeriods(expiredLongAgo, "MENSAL", 5);
    expect(deriveDisplayStatus({ status: "ATIVA", expiresAt: upToDate }, 15, now).badge).toBe("ATIVA");
  });

  it("a new subscription's first period ends at the end of its start day, one period later", () => {
    expect(firstExpiry(startOfSaoPauloDay("2026-12-08"), "MENSAL")).toEqual(endOf("2027-01-08"));
    expect(firstExpiry(startOfSaoPauloDay("2026-12-08"), "ANUAL")).toEqual(endOf("2027-12-08"));
    expect(endOfSaoPauloDay(new Date("2026-12-09T01:00:00Z"))).toEqual(endOf("2026-12-08"));
  });
});

describe("what a renewal does to each status", () => {
  it("keeps ATIVA, activates PENDENTE, keeps SUSPENSA suspended and refuses CANCELADA", () => {
    expect(Object.fromEntries(STORED_STATUSES.map((status) => [status, renewalOutcome(status)]))).toEqual({
      ATIVA: { allowed: true, to: "ATIVA", billing: null },
      PENDENTE: { allowed: true, to: "ATIVA", billing: "ATIVA" },
      SUSPENSA: { allowed: true, to: "SUSPENSA", billing: null },
      CANCELADA: { allowed: false },
    });
    expect(STORED_STATUSES.filter(canRenew)).toEqual(["PENDENTE", "ATIVA", "SUSPENSA"]);
  });

  it("a serial released after expiring (ATIVA, shown Expirada) shows Ativa once renewed past today", () => {
    const now = new Date("2026-12-08T12:00:00-03:00");
    const released = { status: "ATIVA" as const, expiresAt: endOf("2026-10-01") };
    expect(deriveDisplayStatus(released, 15, now).situation).toBe("EXPIRADA");
    const outcome = renewalOutcome(released.status);
    expect(outcome).toMatchObject({ allowed: true, to: "ATIVA" });
    const renewed = { status: "ATIVA" as const, expiresAt: addPlanPeriods(released.expiresAt, "ANUAL", 1) };
    expect(deriveDisplayStatus(renewed, 15, now).situation).toBe("ATIVA");
  });
});

describe("the Ações menu", () => {
  it("adds Registrar renovação to every status but Cancelada, after the transitions", () => {
    expect(Object.fromEntries(STORED_STATUSES.map((status) => [status, menuActionsFor(status)]))).toEqual({
      PENDENTE: ["SUSPEND", "CANCEL", "RENEW"],
      ATIVA: ["SUSPEND", "CANCEL", "RENEW"],
      SUSPENSA: ["CANCEL", "RELEASE", "RENEW"],
      CANCELADA: [],
    });
  });

  it("each item needs its own permission", () => {
    expect(permittedMenuActions((action) => action === "subscriptions.renew")).toEqual(["RENEW"]);
    expect(permittedMenuActions(() => true)).toEqual(["SUSPEND", "CANCEL", "RELEASE", "RENEW"]);
  });
});
