// Per-key limits of the integration API, counted in PostgreSQL (rate_limit_counters) so every app
// server shares them. Configurable by environment, like the license API's.
import { positiveIntegerSettings } from "@/lib/env-limits";

export type ManufacturerApiLimits = { perKey: number; windowMs: number; bucketMs: number };

/** Default: 1200 requests per key per 60 s (20/s sustained, bursts allowed). */
export function manufacturerApiLimits(env: Record<string, string | undefined> = process.env): ManufacturerApiLimits {
  const settings = positiveIntegerSettings(
    { MANUFACTURER_API_RATE_LIMIT: 1200, MANUFACTURER_API_RATE_LIMIT_WINDOW_SECONDS: 60 },
    env,
  );
  const windowMs = settings.MANUFACTURER_API_RATE_LIMIT_WINDOW_SECONDS * 1000;
  return { perKey: settings.MANUFACTURER_API_RATE_LIMIT, windowMs, bucketMs: Math.max(1000, Math.floor(windowMs / 10)) };
}

export const apiKeyRateKey = (keyId: string) => `api:key:${keyId}`;
