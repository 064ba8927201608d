// The license a computer gets, built from the serial's facts by THE status rule
// (lib/domain/subscription-status.ts): Ativa and Período de Tolerância may run, the rest may not.
import { deriveDisplayStatus, type Situation, type StoredStatus } from "@/lib/domain/subscription-status";
import type { License } from "@/lib/validation/license-responses";
import type { LicenseCode } from "./codes";
import { licenseMessage } from "./messages";

/** How long a desktop may run on a cached answer without reaching the portal. */
export const OFFLINE_HOURS = 72;
const HOUR_MS = 60 * 60 * 1000;

export type SerialFacts = {
  serialNumber: string;
  status: StoredStatus;
  expiresAt: Date;
  graceDays: number;
  /** Label of the suspension or cancellation reason. */
  reason: string | null;
};

const CODE_OF_SITUATION: Record<Situation, LicenseCode> = {
  ATIVA: "OK",
  TOLERANCIA: "GRACE_PERIOD",
  EXPIRADA: "EXPIRED",
  PENDENTE: "PENDING",
  SUSPENSA: "SUSPENDED",
  CANCELADA: "CANCELLED",
};

/** The serial's own verdict, before anything about this computer is considered. */
export function serialVerdict(facts: SerialFacts, now: Date) {
  const display = deriveDisplayStatus({ status: facts.status, expiresAt: facts.expiresAt }, facts.graceDays, now);
  const code = CODE_OF_SITUATION[display.situation];
  return { display, code, allowed: code === "OK" || code === "GRACE_PERIOD" };
}

export type LicenseInput = {
  facts: SerialFacts;
  machineId: string;
  nonce: string;
  now: Date;
  /**
   * A verdict about this computer. It replaces an allowed serial's OK/GRACE_PERIOD; RELEASED (the
   * answer to the desktop's own deactivation) replaces any verdict.
   */
  machineCode?: Extract<LicenseCode, "TRANSFER_LIMIT" | "NOT_ACTIVATED" | "RELEASED">;
  swapLimit?: number;
  transferAvailableAt?: Date | null;
};

export function buildLicense(input: LicenseInput): License {
  const { facts, now } = input;
  const verdict = serialVerdict(facts, now);
  const machineCode = input.machineCode;
  const code = machineCode && (verdict.allowed || machineCode === "RELEASED") ? machineCode : verdict.code;
  const allowed = code === "OK" || code === "GRACE_PERIOD";
  const { toleranceEndsAt, toleranceDaysLeft } = verdict.display;
  const offlineEnd = now.getTime() + OFFLINE_HOURS * HOUR_MS;
  // An allowed answer never lets the desktop run past the end of the tolerance while offline.
  const validUntil = new Date(allowed ? Math.min(offlineEnd, toleranceEndsAt.getTime()) : offlineEnd);
  return {
    iss: "portal-assinaturas",
    serialNumber: facts.serialNumber,
    machineId: input.machineId,
    allowed,
    code,
    status: verdict.display.badge,
    situation: verdict.display.situation,
    reason: facts.status === "SUSPENSA" || facts.status === "CANCELADA" ? facts.reason : null,
    expiresAt: facts.expiresAt.toISOString(),
    toleranceEndsAt: toleranceEndsAt.toISOString(),
    toleranceDaysLeft,
    message: licenseMessage(code, {
      expiresAt: facts.expiresAt,
      toleranceEndsAt,
      toleranceDaysLeft,
      reason: facts.reason,
      swapLimit: input.swapLimit,
      transferAvailableAt: input.transferAvailableAt,
    }),
    nonce: input.nonce,
    issuedAt: now.toISOString(),
    validUntil: validUntil.toISOString(),
    iat: Math.floor(now.getTime() / 1000),
    exp: Math.floor(validUntil.getTime() / 1000),
  };
}
