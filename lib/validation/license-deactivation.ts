// The Fabricante's "Desativar computador" form (Ativações tab): which serial and machine, and why.
// Messages are keys of the "validation" namespace.
import { z } from "zod";
import { serialNumberSchema } from "./serial-number";
import { hasControlCharacters } from "./text";

export const DEACTIVATION_NOTE_MAX = 1000;

export const deactivateMachineSchema = z.object({
  serialNumber: serialNumberSchema,
  activationId: z.uuid({ error: "invalidUuid" }),
  note: z
    .string({ error: "required" })
    .trim()
    .min(1, { error: "required" })
    .max(DEACTIVATION_NOTE_MAX, { error: "tooLong" })
    .refine((value) => !hasControlCharacters(value, true), { error: "invalid" }),
});

export type DeactivateMachineInput = z.output<typeof deactivateMachineSchema>;
