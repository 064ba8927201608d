// What Nova assinatura and Registrar renovação accept, shared by the forms, their actions, the CSV
// import and the integration API. Messages are keys of the "validation" namespace; whether the
// customer and product exist, and whether the serial may be renewed, is checked in lib/data.
import { z } from "zod";
import { MAX_RENEWAL_PERIODS, PLANS } from "@/lib/domain/renewal";
import { serialNumberSchema } from "./serial-number";
import { singleLineText } from "./text";

/** A day typed as aaaa-mm-dd (date inputs, the API) or dd/mm/aaaa (people, the CSV export): → aaaa-mm-dd. */
export const calendarDateSchema = z
  .string({ error: "dateInvalid" })
  .trim()
  .transform((value) => {
    const brazilian = /^(\d{2})\/(\d{2})\/(\d{4})$/.exec(value);
    return brazilian ? `${brazilian[3]}-${brazilian[2]}-${brazilian[1]}` : value;
  })
  .pipe(z.iso.date({ error: "dateInvalid" }));

export const planSchema = z
  .string({ error: "planInvalid" })
  .trim()
  .toUpperCase()
  .pipe(z.enum(PLANS, { error: "planInvalid" }));

/** A new subscription's start: today when empty; from 2000 up to a year ahead. */
const startedAt = z
  .union([z.literal(""), calendarDateSchema])
  .optional()
  .transform((value) => value || undefined)
  .refine((value) => value === undefined || (value >= "2000-01-01" && value <= oneYearAhead()), { error: "startOutOfRange" });

function oneYearAhead(): string {
  const date = new Date();
  date.setUTCFullYear(date.getUTCFullYear() + 1);
  return date.toISOString().slice(0, 10);
}

export const subscriptionInputSchema = z.object({
  customerId: z.uuid({ error: "customerRequired" }),
  product: singleLineText(120),
  plan: planSchema,
  startedAt,
});

/** `startedAt` (aaaa-mm-dd) may be left out: the subscription starts now. */
export type SubscriptionInput = Omit<z.output<typeof subscriptionInputSchema>, "startedAt"> & { startedAt?: string };

export const renewalPeriodsSchema = z.coerce
  .number({ error: "periodsInvalid" })
  .int({ error: "periodsInvalid" })
  .min(1, { error: "periodsInvalid" })
  .max(MAX_RENEWAL_PERIODS, { error: "periodsInvalid" });

export const renewalInputSchema = z.object({ serialNumber: serialNumberSchema, periods: renewalPeriodsSchema });

export type RenewalInput = z.output<typeof renewalInputSchema>;
