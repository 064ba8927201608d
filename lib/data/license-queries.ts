// Typed runners for the license API's SQL (lib/data/license-sql.ts). Each takes the connections to
// run on — the license pool, or a transaction — and returns plain values.
import type { StoredStatus } from "@/lib/domain/subscription-status";
import type { RateUsage, RateWindow } from "@/lib/license/rate-limit";
import type { LicenseDb } from "./license-db";
import {
  ACTIVATION_CLOSE_SWAP,
  ACTIVATION_CURRENT,
  ACTIVATION_LOCK,
  ACTIVATION_OPEN,
  ACTIVATION_TOUCH,
  CHECK_IN,
  DESKTOP_DEACTIVATE,
  RATE_ONLY,
} from "./license-sql";

export type SerialRow = {
  id: string;
  manufacturerId: string;
  status: StoredStatus;
  expiresAt: Date;
  graceDays: number;
  swapLimit: number;
  reason: string | null;
};

type RawRow = Record<string, unknown>;

export function rateParams(window: RateWindow): unknown[] {
  return [
    window.serialKey,
    window.ipKey,
    window.bucketStart,
    window.expiresAt,
    window.windowStart,
    window.perSerial,
    window.perIp,
  ];
}

const toDate = (value: unknown) => (value instanceof Date ? value : new Date(String(value)));

function usageOf(row: RawRow): RateUsage {
  return {
    serialUsed: Number(row.serial_used ?? 0),
    ipUsed: Number(row.ip_used ?? 0),
    serialOldest: toDate(row.serial_oldest),
    ipOldest: toDate(row.ip_oldest),
  };
}

function serialOf(row: RawRow): SerialRow | null {
  if (row.id === null || row.id === undefined) return null;
  return {
    id: String(row.id),
    manufacturerId: String(row.manufacturer_id),
    status: row.status as StoredStatus,
    expiresAt: toDate(row.expires_at),
    graceDays: Number(row.grace_days),
    swapLimit: Number(row.swap_limit),
    reason: (row.reason as string | null) ?? null,
  };
}

export async function countIpHit(db: LicenseDb, window: RateWindow): Promise<RateUsage> {
  const [row] = await db.query<RawRow>(RATE_ONLY, rateParams(window));
  return usageOf(row!);
}

export type CheckInRow = {
  usage: RateUsage;
  serial: SerialRow | null;
  activeMachineId: string | null;
  touched: boolean;
};

export async function runCheckIn(
  db: LicenseDb,
  window: RateWindow,
  input: { serialNumber: string; now: Date; machineId: string; appVersion: string | null },
): Promise<CheckInRow> {
  const [row] = await db.query<RawRow>(CHECK_IN, [
    ...rateParams(window),
    input.serialNumber,
    input.now,
    input.machineId,
    input.appVersion,
  ]);
  return {
    usage: usageOf(row!),
    serial: serialOf(row!),
    activeMachineId: (row!.active_machine_id as string | null) ?? null,
    touched: Boolean(row!.touched),
  };
}

/** Durable: it writes the DEACTIVATED event. */
export async function runDesktopDeactivate(
  db: LicenseDb,
  window: RateWindow,
  input: { serialNumber: string; now: Date; machineId: string },
): Promise<{ usage: RateUsage; serial: SerialRow | null; closed: boolean }> {
  const params = [...rateParams(window), input.serialNumber, input.now, input.machineId];
  const [row] = await db.transaction((tx) => tx.query<RawRow>(DESKTOP_DEACTIVATE, params));
  return { usage: usageOf(row!), serial: serialOf(row!), closed: Number(row!.closed) > 0 };
}

/** Counts the hit and locks the serial's row until the transaction `tx` ends. */
export async function lockSerial(
  tx: LicenseDb,
  window: RateWindow,
  serialNumber: string,
): Promise<{ usage: RateUsage; serial: SerialRow | null }> {
  const [row] = await tx.query<RawRow>(ACTIVATION_LOCK, [...rateParams(window), serialNumber]);
  return { usage: usageOf(row!), serial: serialOf(row!) };
}

export type CurrentActivation = {
  activationId: string | null;
  activeMachineId: string | null;
  /** When each troca of the window happened, oldest first. */
  swaps: Date[];
};

export async function currentActivation(tx: LicenseDb, subscriptionId: string, swapsSince: Date): Promise<CurrentActivation> {
  const [row] = await tx.query<RawRow>(ACTIVATION_CURRENT, [subscriptionId, swapsSince]);
  return {
    activationId: (row!.activation_id as string | null) ?? null,
    activeMachineId: (row!.active_machine_id as string | null) ?? null,
    swaps: ((row!.swaps as unknown[] | null) ?? []).map(toDate),
  };
}

export type MachineDetails = { id: string; name: string; os: string; appVersion: string };

export async function touchActivation(tx: LicenseDb, activationId: string, machine: MachineDetails, now: Date) {
  await tx.query(ACTIVATION_TOUCH, [activationId, now, machine.name, machine.os, machine.appVersion]);
}

export async function closeForSwap(tx: LicenseDb, activationId: string, now: Date) {
  await tx.query(ACTIVATION_CLOSE_SWAP, [activationId, now]);
}

export async function openActivation(
  tx: LicenseDb,
  serial: SerialRow,
  machine: MachineDetails,
  now: Date,
  isSwap: boolean,
): Promise<string> {
  const [row] = await tx.query<{ id: string }>(ACTIVATION_OPEN, [
    serial.id,
    machine.id,
    machine.name,
    machine.os,
    machine.appVersion,
    now,
    serial.manufacturerId,
    isSwap,
  ]);
  return row!.id;
}
