import { describe, expect, it } from "vitest";
import { deriveDisplayStatus } from "@/lib/domain/subscription-status";

const DAY = 24 * 60 * 60 * 1000;
const now = new Date("2026-11-26T12:00:00Z");
const at = (days: number) => new Date(now.getTime() + days * DAY);

describe("deriveDisplayStatus", () => {
  it("is Ativa while the paid period lasts, including its last instant", () => {
    expect(deriveDisplayStatus({ status: "ATIVA", expiresAt: at(10) }, 15, now)).toMatchObject({
      badge: "ATIVA",
      situation: "ATIVA",
    });
    expect(deriveDisplayStatus({ status: "ATIVA", expiresAt: now }, 15, now)).toMatchObject({
      badge: "ATIVA",
      situation: "ATIVA",
    });
  });

  it("is Período de Tolerância after expiry, counting the days left until it expires for good", () => {
    const status = deriveDisplayStatus({ status: "ATIVA", expiresAt: at(-5) }, 15, now);
    expect(status).toMatchObject({ badge: "TOLERANCIA", situation: "TOLERANCIA", toleranceDaysLeft: 10 });
    expect(status.toleranceEndsAt).toEqual(at(10));
  });

  it("rounds partial days up and never says 0 days while still tolerated", () => {
    expect(deriveDisplayStatus({ status: "ATIVA", expiresAt: at(-14.5) }, 15, now).toleranceDaysLeft).toBe(1);
    expect(deriveDisplayStatus({ status: "ATIVA", expiresAt: at(-15) }, 15, now)).toMatchObject({
      situation: "TOLERANCIA",
      toleranceDaysLeft: 1,
    });
  });

  it("is Expirada once the tolerance is over, and honours each manufacturer's graceDays", () => {
    expect(deriveDisplayStatus({ status: "ATIVA", expiresAt: at(-16) }, 15, now)).toMatchObject({
      badge: "EXPIRADA",
      situation: "EXPIRADA",
    });
    expect(deriveDisplayStatus({ status: "ATIVA", expiresAt: at(-11) }, 10, now)).toMatchObject({ badge: "EXPIRADA" });
    expect(deriveDisplayStatus({ status: "ATIVA", expiresAt: at(-1) }, 0, now)).toMatchObject({ badge: "EXPIRADA" });
  });

  it.each(["PENDENTE", "SUSPENSA", "CANCELADA"] as const)(
    "shows %s as red Expirada with its precise situation, whatever the dates",
    (status) => {
      for (const expiresAt of [at(100), at(-3), at(-100)]) {
        expect(deriveDisplayStatus({ status, expiresAt }, 15, now)).toMatchObject({
          badge: "EXPIRADA",
          situation: status,
          toleranceDaysLeft: null,
        });
      }
    },
  );
});
