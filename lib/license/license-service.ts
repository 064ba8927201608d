// What each license endpoint does, independent of HTTP: check-in, activate (with the troca and its
// limit), the desktop's deactivate, and verify. Answers are outcomes that lib/license/api.ts signs
// and serializes.
import {
  closeForSwap,
  countIpHit,
  currentActivation,
  lockSerial,
  openActivation,
  runCheckIn,
  runDesktopDeactivate,
  touchActivation,
  type SerialRow,
} from "@/lib/data/license-queries";
import type { LicenseDb } from "@/lib/data/license-db";
import type { ActivateRequest, CheckInRequest, DeactivateRequest, VerifyRequest } from "@/lib/validation/license";
import { licenseSchema, type License } from "@/lib/validation/license-responses";
import type { ApiErrorCode } from "./codes";
import { buildLicense, serialVerdict, type LicenseInput, type SerialFacts } from "./license-state";
import { checkLicenseToken } from "./license-token";
import { rateWindow, retryAfterSeconds, type LicenseRateLimits } from "./rate-limit";
import type { LicenseSigningKey } from "./signing-key";

export const SWAP_WINDOW_DAYS = 30;
const DAY_MS = 24 * 60 * 60 * 1000;

export type ServiceContext = { db: LicenseDb; now: Date; ip: string; limits: LicenseRateLimits; key: LicenseSigningKey };

export type Outcome =
  | { kind: "license"; license: License; retryAt?: Date }
  | { kind: "error"; code: ApiErrorCode; retryAfterSeconds?: number }
  | { kind: "verified"; license: License };

const facts = (serial: SerialRow, serialNumber: string): SerialFacts => ({ serialNumber, ...serial });

function license(input: LicenseInput, retryAt?: Date): Outcome {
  return { kind: "license", license: buildLicense(input), retryAt };
}

function tooMany(wait: number | null): Outcome | null {
  return wait === null ? null : { kind: "error", code: "RATE_LIMITED", retryAfterSeconds: wait };
}

export async function checkIn(ctx: ServiceContext, input: CheckInRequest): Promise<Outcome> {
  const { now, limits } = ctx;
  const window = rateWindow(limits, { serialNumber: input.serialNumber, machineId: input.machineId }, ctx.ip, now);
  const row = await runCheckIn(ctx.db, window, { ...input, now, appVersion: input.appVersion ?? null });
  const limited = tooMany(retryAfterSeconds(row.usage, window, limits, now));
  if (limited) return limited;
  if (!row.serial) return { kind: "error", code: "UNKNOWN_SERIAL" };
  // The statement recorded último acesso only if this computer is the active one and may run.
  const machineCode = row.touched ? undefined : "NOT_ACTIVATED";
  return license({
    facts: facts(row.serial, input.serialNumber),
    machineId: input.machineId,
    nonce: input.nonce,
    now,
    machineCode,
  });
}

export async function activate(ctx: ServiceContext, input: ActivateRequest): Promise<Outcome> {
  const { now, limits } = ctx;
  const { serialNumber, machine, nonce } = input;
  const window = rateWindow(limits, { serialNumber }, ctx.ip, now);
  // The serial's row stays locked until commit: two activations of one serial never interleave.
  return ctx.db.transaction(async (tx) => {
    const { usage, serial } = await lockSerial(tx, window, serialNumber);
    const limited = tooMany(retryAfterSeconds(usage, window, limits, now));
    if (limited) return limited;
    if (!serial) return { kind: "error", code: "UNKNOWN_SERIAL" };
    const base = { facts: facts(serial, serialNumber), machineId: machine.id, nonce, now };
    if (!serialVerdict(base.facts, now).allowed) return license(base);

    const current = await currentActivation(tx, serial.id, new Date(now.getTime() - SWAP_WINDOW_DAYS * DAY_MS));
    if (current.activeMachineId === machine.id) {
      await touchActivation(tx, current.activationId!, machine, now);
      return license(base);
    }
    if (current.activationId) {
      if (current.swaps.length >= serial.swapLimit) {
        // One more change is allowed when enough of the window's swaps have aged out of it.
        const freeing = current.swaps[current.swaps.length - serial.swapLimit];
        const retryAt = freeing ? new Date(freeing.getTime() + SWAP_WINDOW_DAYS * DAY_MS) : undefined;
        return license(
          { ...base, machineCode: "TRANSFER_LIMIT", swapLimit: serial.swapLimit, transferAvailableAt: retryAt ?? null },
          retryAt,
        );
      }
      await closeForSwap(tx, current.activationId, now);
    }
    await openActivation(tx, serial, machine, now, current.activationId !== null);
    return license(base);
  });
}

export async function deactivate(ctx: ServiceContext, input: DeactivateRequest): Promise<Outcome> {
  const { now, limits } = ctx;
  const window = rateWindow(limits, { serialNumber: input.serialNumber, machineId: input.machineId }, ctx.ip, now);
  const row = await runDesktopDeactivate(ctx.db, window, { ...input, now });
  const limited = tooMany(retryAfterSeconds(row.usage, window, limits, now));
  if (limited) return limited;
  if (!row.serial) return { kind: "error", code: "UNKNOWN_SERIAL" };
  return license({
    facts: facts(row.serial, input.serialNumber),
    machineId: input.machineId,
    nonce: input.nonce,
    now,
    machineCode: row.closed ? "RELEASED" : "NOT_ACTIVATED",
  });
}

/** Is this token one we signed, still fresh, and the answer to what the caller asked? */
export async function verify(ctx: ServiceContext, input: VerifyRequest): Promise<Outcome> {
  const window = rateWindow(ctx.limits, null, ctx.ip, ctx.now);
  const limited = tooMany(retryAfterSeconds(await countIpHit(ctx.db, window), window, ctx.limits, ctx.now));
  if (limited) return limited;
  const check = checkLicenseToken(input.token, ctx.key);
  const parsed = check.ok ? licenseSchema.safeParse(check.payload) : null;
  if (!parsed?.success) return { kind: "error", code: "SIGNATURE_INVALID" };
  const claims = parsed.data;
  if (Date.parse(claims.validUntil) < ctx.now.getTime()) return { kind: "error", code: "TOKEN_EXPIRED" };
  const mismatch =
    (input.nonce !== undefined && input.nonce !== claims.nonce) ||
    (input.serialNumber !== undefined && input.serialNumber !== claims.serialNumber) ||
    (input.machineId !== undefined && input.machineId !== claims.machineId);
  if (mismatch) return { kind: "error", code: "TOKEN_REPLAYED" };
  return { kind: "verified", license: claims };
}
