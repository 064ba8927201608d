import { describe, expect, it } from "vitest";
import { STORED_STATUSES } from "@/lib/domain/subscription-status";
import { availableActions, canTransition, releaseNeedsRenewalWarning, TRANSITIONS } from "@/lib/domain/subscription-transitions";

describe("subscription state machine", () => {
  it("offers exactly the actions of DESIGN.md for each status", () => {
    expect(Object.fromEntries(STORED_STATUSES.map((status) => [status, availableActions(status)]))).toEqual({
      PENDENTE: ["SUSPEND", "CANCEL"],
      ATIVA: ["SUSPEND", "CANCEL"],
      SUSPENSA: ["CANCEL", "RELEASE"],
      CANCELADA: [],
    });
  });

  it("never leaves CANCELADA, and only RELEASE leads back to ATIVA", () => {
    for (const action of ["SUSPEND", "CANCEL", "RELEASE"] as const) expect(canTransition(action, "CANCELADA")).toBe(false);
    expect(Object.values(TRANSITIONS).filter((transition) => transition.to === "ATIVA")).toEqual([TRANSITIONS.RELEASE]);
  });

  it("pauses billing on suspension, ends it on cancellation and resumes it on release", () => {
    expect(TRANSITIONS.SUSPEND.billing).toBe("PAUSADA");
    expect(TRANSITIONS.CANCEL.billing).toBe("ENCERRADA");
    expect(TRANSITIONS.RELEASE.billing).toBe("ATIVA");
  });

  it("warns before releasing a serial whose paid period is over", () => {
    const now = new Date("2026-11-26T12:00:00Z");
    expect(releaseNeedsRenewalWarning(new Date("2026-11-20T00:00:00Z"), now)).toBe(true);
    expect(releaseNeedsRenewalWarning(new Date("2026-12-20T00:00:00Z"), now)).toBe(false);
  });
});
