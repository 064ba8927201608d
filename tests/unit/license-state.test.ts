import { describe, expect, it } from "vitest";
import { buildLicense, OFFLINE_HOURS, serialVerdict, type SerialFacts } from "@/lib/license/license-state";
import { licenseSchema } from "@/lib/validation/license-responses";

const DAY = 24 * 60 * 60 * 1000;
const HOUR = 60 * 60 * 1000;
const now = new Date("2026-12-10T15:00:00Z");
const facts = (data: Partial<SerialFacts> = {}): SerialFacts => ({
  serialNumber: "ABCD-EFGH-JKLM-NPQR",
  status: "ATIVA",
  expiresAt: new Date(now.getTime() + 40 * DAY),
  graceDays: 15,
  reason: null,
  ...data,
});
const build = (data: Partial<SerialFacts>, extra: Partial<Parameters<typeof buildLicense>[0]> = {}) =>
  licenseSchema.parse(buildLicense({ facts: facts(data), machineId: "m-123456789", nonce: "n".repeat(16), now, ...extra }));

describe("the license a computer gets", () => {
  it.each([
    [{}, "OK", true, "ATIVA"],
    [{ expiresAt: new Date(now.getTime() - 5 * DAY) }, "GRACE_PERIOD", true, "TOLERANCIA"],
    [{ expiresAt: new Date(now.getTime() - 16 * DAY) }, "EXPIRED", false, "EXPIRADA"],
    [{ status: "PENDENTE" as const }, "PENDING", false, "PENDENTE"],
    [{ status: "SUSPENSA" as const }, "SUSPENDED", false, "SUSPENSA"],
    [{ status: "CANCELADA" as const }, "CANCELLED", false, "CANCELADA"],
  ])("follows the status rule: %o → %s", (data, code, allowed, situation) => {
    expect(build(data)).toMatchObject({ code, allowed, situation });
    expect(serialVerdict(facts(data), now).allowed).toBe(allowed);
  });

  it("counts the days left in the Período de Tolerância and says so in pt-BR with dd/mm/aaaa dates", () => {
    const license = build({ expiresAt: new Date("2026-12-01T12:00:00Z") });
    expect(license.toleranceDaysLeft).toBe(6);
    expect(license.toleranceEndsAt).toBe("2026-12-16T12:00:00.000Z");
    expect(license.message).toBe(
      "Assinatura vencida em 01/12/2026. Período de Tolerância: o uso será bloqueado em 6 dias (16/12/2026). Renove a assinatura.",
    );
  });

  it("never lets an allowed answer be trusted offline past the end of the tolerance", () => {
    expect(Date.parse(build({}).validUntil)).toBe(now.getTime() + OFFLINE_HOURS * HOUR);
    const ending = build({ expiresAt: new Date(now.getTime() - 15 * DAY + 2 * HOUR) });
    expect(ending.code).toBe("GRACE_PERIOD");
    expect(Date.parse(ending.validUntil)).toBe(now.getTime() + 2 * HOUR);
    expect(ending.exp).toBe(Math.floor(Date.parse(ending.validUntil) / 1000));
  });

  it("names the reason of a suspension or cancellation, and only then", () => {
    expect(build({ status: "SUSPENSA", reason: "Pendência financeira" })).toMatchObject({
      reason: "Pendência financeira",
      message: "Assinatura suspensa pelo Fabricante. Motivo: Pendência financeira. Entre em contato com o Fabricante.",
    });
    expect(build({ status: "ATIVA", reason: "Motivo antigo" }).reason).toBeNull();
  });

  it("applies a verdict about the computer only to a serial that may run, except RELEASED", () => {
    expect(build({}, { machineCode: "NOT_ACTIVATED" })).toMatchObject({ code: "NOT_ACTIVATED", allowed: false });
    expect(build({ status: "SUSPENSA" }, { machineCode: "NOT_ACTIVATED" }).code).toBe("SUSPENDED");
    expect(build({ status: "SUSPENSA" }, { machineCode: "RELEASED" })).toMatchObject({ code: "RELEASED", allowed: false });
    const limited = build(
      {},
      { machineCode: "TRANSFER_LIMIT", swapLimit: 3, transferAvailableAt: new Date("2026-12-20T12:00:00Z") },
    );
    expect(limited.message).toBe(
      "Limite de trocas de computador atingido (3 em 30 dias). Tente novamente a partir de 20/12/2026 ou peça ao Fabricante para desativar o computador atual.",
    );
  });
});
