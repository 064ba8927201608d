// The serial number as every form, route and the desktop API accept it: XXXX-XXXX-XXXX-XXXX, with
// case, spaces and missing hyphens forgiven because people type serials by hand.
import { z } from "zod";

export const SERIAL_PATTERN = /^[A-Z0-9]{4}-[A-Z0-9]{4}-[A-Z0-9]{4}-[A-Z0-9]{4}$/;

export function normalizeSerial(value: string): string {
  const compact = value.replace(/\s+/g, "").toUpperCase();
  return /^[A-Z0-9]{16}$/.test(compact) ? compact.match(/.{4}/g)!.join("-") : compact;
}

/** Missing → "required"; anything else that isn't a serial → "serialInvalid". */
export const serialNumberSchema = z
  .string({ error: (issue) => (issue.input === undefined ? "required" : "invalid") })
  .trim()
  .min(1, { error: "required" })
  .max(32, { error: "serialInvalid" })
  .transform(normalizeSerial)
  .pipe(z.string().regex(SERIAL_PATTERN, { error: "serialInvalid" }));

/** For a serial that comes from a URL path: the normalized serial, or null when it can't be one. */
export function parseSerialNumber(value: string): string | null {
  const parsed = serialNumberSchema.safeParse(value);
  return parsed.success ? parsed.data : null;
}
