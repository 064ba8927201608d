// Limits of the license API, counted in PostgreSQL (rate_limit_counters) so every app server shares
// them. Check-in and deactivate count per (serial, computer) and per IP, so nobody who merely knows a
// serial can starve its genuine computer; activation counts per serial (whatever the computer) and
// per IP. Sized for real desktops: one heartbeat every few minutes per computer, an office of a few
// hundred computers behind one IP. Configurable for load tests.
import { createHash } from "node:crypto";
import { positiveIntegerSettings } from "@/lib/env-limits";

export type LicenseRateLimits = {
  /** Activations of one serial per window, from any computer. */
  perSerial: number;
  /** Check-ins and deactivations of one serial from one computer per window. */
  perMachine: number;
  /** Requests one IP may make per window. */
  perIp: number;
  windowMs: number;
  /** Hits are grouped in buckets of this size; the window slides bucket by bucket. */
  bucketMs: number;
};

export function licenseRateLimits(env: Record<string, string | undefined> = process.env): LicenseRateLimits {
  const settings = positiveIntegerSettings(
    {
      LICENSE_RATE_LIMIT_PER_SERIAL: 30,
      LICENSE_RATE_LIMIT_PER_MACHINE: 30,
      LICENSE_RATE_LIMIT_PER_IP: 1200,
      LICENSE_RATE_LIMIT_WINDOW_SECONDS: 600,
    },
    env,
  );
  const windowMs = settings.LICENSE_RATE_LIMIT_WINDOW_SECONDS * 1000;
  return {
    perSerial: settings.LICENSE_RATE_LIMIT_PER_SERIAL,
    perMachine: settings.LICENSE_RATE_LIMIT_PER_MACHINE,
    perIp: settings.LICENSE_RATE_LIMIT_PER_IP,
    windowMs,
    bucketMs: Math.max(1000, Math.floor(windowMs / 10)),
  };
}

export type RateWindow = {
  /** The serial's key (activation) or the serial and computer's (check-in, deactivate). */
  serialKey: string;
  ipKey: string;
  bucketStart: Date;
  /** Counters can be purged after this. */
  expiresAt: Date;
  /** Buckets starting after this are inside the window. */
  windowStart: Date;
  perSerial: number;
  perIp: number;
};

/** What a request counts against besides its IP: a serial, a serial and computer, or nothing (verify). */
export type RateScope = { serialNumber: string; machineId?: string } | null;

/** Machine ids are up to 128 printable characters; the key stays short and fixed in length. */
export function machineRateKey(serialNumber: string, machineId: string): string {
  return `lic:machine:${serialNumber}:${createHash("sha256").update(machineId).digest("base64url").slice(0, 22)}`;
}

export function rateWindow(limits: LicenseRateLimits, scope: RateScope, ip: string, now: Date): RateWindow {
  const bucket = Math.floor(now.getTime() / limits.bucketMs) * limits.bucketMs;
  const perScope = !scope ? 2_147_483_647 : scope.machineId === undefined ? limits.perSerial : limits.perMachine;
  return {
    // Endpoints without a serial (verify) count only the IP; a key nobody else uses keeps one SQL shape.
    serialKey: !scope
      ? "lic:serial:-"
      : scope.machineId === undefined
        ? `lic:serial:${scope.serialNumber}`
        : machineRateKey(scope.serialNumber, scope.machineId),
    ipKey: `lic:ip:${ip}`.slice(0, 200),
    bucketStart: new Date(bucket),
    expiresAt: new Date(bucket + limits.bucketMs + limits.windowMs),
    windowStart: new Date(now.getTime() - limits.windowMs),
    perSerial: perScope,
    perIp: limits.perIp,
  };
}

export type RateUsage = { serialUsed: number; ipUsed: number; serialOldest: Date; ipOldest: Date };

/** Seconds until the over-limit key's oldest bucket leaves the window, or null when within limits. */
export function retryAfterSeconds(usage: RateUsage, window: RateWindow, limits: LicenseRateLimits, now: Date): number | null {
  const waits: number[] = [];
  if (usage.serialUsed > window.perSerial) waits.push(usage.serialOldest.getTime() + limits.windowMs - now.getTime());
  if (usage.ipUsed > window.perIp) waits.push(usage.ipOldest.getTime() + limits.windowMs - now.getTime());
  return waits.length ? Math.max(1, Math.ceil(Math.max(...waits) / 1000)) : null;
}
