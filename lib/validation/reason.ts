// What the Motivos forms send (Fabricante → Configurações → Motivos): a reason's kind when it is
// created, its label in each language and whether it asks for a description. Messages are keys
// of the "validation" namespace.
import { z } from "zod";
import { hasControlCharacters } from "./text";

export const REASON_LABEL_MAX = 120;
export const REASON_KINDS = ["SUSPENSAO", "CANCELAMENTO"] as const;
export type ReasonKind = (typeof REASON_KINDS)[number];

const singleLine = (value: string) => !hasControlCharacters(value);

const label = z
  .string({ error: "required" })
  .trim()
  .min(1, { error: "required", abort: true })
  .max(REASON_LABEL_MAX, { error: "tooLong" })
  .refine(singleLine, { error: "invalid" });

// The English label may stay empty: the Portuguese one is shown in its place.
const labelEn = z
  .string()
  .trim()
  .max(REASON_LABEL_MAX, { error: "tooLong" })
  .refine(singleLine, { error: "invalid" })
  .optional()
  .transform((value) => value || null);

const checkbox = z
  .literal("on")
  .optional()
  .transform((value) => value === "on");

const uuid = z.uuid({ error: "invalidUuid" });

export const reasonFieldsSchema = z.object({ label, labelEn, requiresDescription: checkbox });
export type ReasonFields = z.output<typeof reasonFieldsSchema>;

export const reasonCreateSchema = reasonFieldsSchema.extend({ kind: z.enum(REASON_KINDS, { error: "required" }) });

export const reasonUpdateSchema = reasonFieldsSchema.extend({ id: uuid });

export const reasonActiveSchema = z.object({
  id: uuid,
  active: z.enum(["true", "false"], { error: "invalid" }).transform((value) => value === "true"),
});
