// What the Suspender / Cancelar / Liberar forms and the actions API accept. Error messages are
// keys of the "validation" message namespace. Rules that need the database (does the reason
// exist, does it require a description) are checked in lib/data.
import { z } from "zod";
import { serialNumberSchema } from "./serial-number";
import { hasControlCharacters } from "./text";

export const MAX_DESCRIPTION = 1000;
export const MAX_BULK_SERIALS = 500;

const serialNumber = serialNumberSchema;
const reasonId = z.uuid({ error: "reasonRequired" });
const description = z
  .string()
  .trim()
  .max(MAX_DESCRIPTION, { error: "descriptionTooLong" })
  .refine((value) => !hasControlCharacters(value, true), { error: "invalid" })
  .optional()
  .transform((value) => value || undefined);
const suspendedUntil = z
  .union([z.literal(""), z.iso.date({ error: "dateInvalid" })])
  .optional()
  .transform((value) => value || undefined);

export const suspendInputSchema = z.object({ serialNumber, reasonId, description, suspendedUntil });
export const cancelInputSchema = z.object({ serialNumber, reasonId, description });
export const releaseInputSchema = z.object({ serialNumber });

export type SuspendInput = z.infer<typeof suspendInputSchema>;
export type CancelInput = z.infer<typeof cancelInputSchema>;

/** The actions API body: one action on one serial (the same fields as the forms). */
export const actionRequestSchema = z.discriminatedUnion(
  "action",
  [
    suspendInputSchema.omit({ serialNumber: true }).extend({ action: z.literal("SUSPEND") }),
    cancelInputSchema.omit({ serialNumber: true }).extend({ action: z.literal("CANCEL") }),
    z.object({ action: z.literal("RELEASE") }),
  ],
  { error: "actionInvalid" },
);

const serialList = z
  .union([serialNumber, z.array(serialNumber)])
  .optional()
  .transform((value) => (value === undefined ? [] : Array.isArray(value) ? value : [value]))
  .pipe(z.array(z.string()).max(MAX_BULK_SERIALS, { error: "tooManySerials" }));

/**
 * Bulk form: the serials ticked in the list, or every serial matching the list's filters
 * (`all=1` with the list query in `filters`). One reason for all.
 */
export const bulkInputSchema = z
  .object({
    action: z.enum(["SUSPEND", "CANCEL", "RELEASE"], { error: "actionInvalid" }),
    serials: serialList,
    all: z.enum(["0", "1"]).optional(),
    filters: z.string().max(4000).optional(),
    reasonId: z.union([z.literal(""), z.uuid({ error: "reasonRequired" })]).optional(),
    description,
    suspendedUntil,
  })
  .refine((input) => input.all === "1" || input.serials.length > 0, { path: ["serials"], error: "serialsRequired" })
  .refine((input) => input.action === "RELEASE" || !!input.reasonId, { path: ["reasonId"], error: "reasonRequired" });

export type BulkInput = z.infer<typeof bulkInputSchema>;
