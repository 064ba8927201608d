// The manufacturer's account settings form: Período de Tolerância and the swap limit. The ranges
// match the database's CHECK constraints. Messages are keys of the "validation" namespace.
import { z } from "zod";

export const GRACE_DAYS_RANGE = { min: 0, max: 365 } as const;
export const SWAP_LIMIT_RANGE = { min: 0, max: 100 } as const;

// FormData sends strings; an empty field must be "required", not silently 0 as z.coerce would make it.
const wholeNumber = (range: { min: number; max: number }) =>
  z
    .string({ error: "required" })
    .trim()
    .min(1, { error: "required", abort: true })
    .regex(/^\d{1,4}$/, { error: "invalid" })
    .transform(Number)
    .pipe(z.number().int().min(range.min, { error: "invalid" }).max(range.max, { error: "invalid" }));

export const accountSettingsSchema = z.object({
  graceDays: wholeNumber(GRACE_DAYS_RANGE),
  swapLimit: wholeNumber(SWAP_LIMIT_RANGE),
});

export type AccountSettings = z.output<typeof accountSettingsSchema>;
