// What Novo cliente / editing a customer accepts, shared by the form, its action, the CSV import and
// the integration API. Messages are keys of the "validation" namespace. Uniqueness of the document
// within the manufacturer needs the database: lib/data/customers.ts checks it.
import { z } from "zod";
import { isValidCnpj, isValidCpf, onlyDigits } from "@/lib/domain/documents";
import { singleLineText } from "./text";

export const CUSTOMER_TYPES = ["LOJISTA", "PROFISSIONAL"] as const;
export type CustomerType = (typeof CUSTOMER_TYPES)[number];

/** The 27 unidades federativas. */
export const BRAZILIAN_STATES = [
  "AC", "AL", "AP", "AM", "BA", "CE", "DF", "ES", "GO", "MA", "MT", "MS", "MG", "PA",
  "PB", "PR", "PE", "PI", "RJ", "RN", "RS", "RO", "RR", "SC", "SP", "SE", "TO",
] as const;

/** CNPJ or CPF, typed with or without punctuation; stored as its digits, check digits verified. */
export const documentSchema = z
  .string({ error: "required" })
  .trim()
  .min(1, { error: "required", abort: true })
  .refine((value) => /^[\d.\-/\s]+$/.test(value), { error: "documentInvalid", abort: true })
  .transform(onlyDigits)
  .refine((digits) => (digits.length === 11 ? isValidCpf(digits) : digits.length === 14 && isValidCnpj(digits)), {
    error: "documentInvalid",
  });

export const customerInputSchema = z.object({
  name: singleLineText(200),
  document: documentSchema,
  type: z.enum(CUSTOMER_TYPES, { error: "customerTypeInvalid" }),
  city: singleLineText(120),
  state: z
    .string({ error: "required" })
    .trim()
    .toUpperCase()
    .pipe(z.enum(BRAZILIAN_STATES, { error: "stateInvalid" })),
  email: z
    .string({ error: "emailRequired" })
    .trim()
    .min(1, { error: "emailRequired" })
    .max(254, { error: "textTooLong" })
    .pipe(z.email({ error: "emailInvalid" })),
});

export type CustomerInput = z.output<typeof customerInputSchema>;

/** Editing a customer: the same fields, the customer named by id. */
export const customerUpdateSchema = customerInputSchema.extend({ customerId: z.uuid({ error: "customerUnknown" }) });
