// One row of Importar (CSV): the cells of the columns the import uses, checked with the same
// schemas as Novo cliente and Nova assinatura, labels of the export accepted ("Lojista", "Anual",
// dd/mm/aaaa). What needs the database (is the customer new, is the serial ours) is lib/data's.
import { z } from "zod";
import { startsLikeFormula } from "@/lib/csv/neutralize-cell";
import type { ImportField } from "@/lib/import/import-columns";
import { headerKey } from "@/lib/import/import-columns";
import type { Plan } from "@/lib/domain/renewal";
import { BRAZILIAN_STATES, documentSchema, type CustomerType } from "./customer";
import { serialNumberSchema } from "./serial-number";
import { calendarDateSchema } from "./subscription";
import { singleLineText } from "./text";

export type ImportCustomer = {
  document: string;
  name?: string;
  type?: CustomerType;
  city?: string;
  state?: string;
  email?: string;
};

export type ImportSubscription = {
  serialNumber: string;
  product?: string;
  plan?: Plan;
  /** São Paulo days, aaaa-mm-dd. */
  startedAt?: string;
  expiresAt?: string;
};

export type ImportRow = { line: number; customer: ImportCustomer; subscription: ImportSubscription | null };

/** A problem of one row: its line, the field's column (null: the row as a whole), a "validation" key. */
export type RowIssue = { line: number; field: ImportField | null; key: string; values?: Record<string, string | number> };

const TYPE_LABELS: Record<string, CustomerType> = {
  lojista: "LOJISTA",
  retailer: "LOJISTA",
  profissional: "PROFISSIONAL",
  profissionalliberal: "PROFISSIONAL",
  independentprofessional: "PROFISSIONAL",
};
const PLAN_LABELS: Record<string, Plan> = { mensal: "MENSAL", monthly: "MENSAL", anual: "ANUAL", annual: "ANUAL", yearly: "ANUAL" };

const FIELD_SCHEMAS = {
  document: documentSchema,
  name: singleLineText(200),
  city: singleLineText(120),
  state: z
    .string()
    .toUpperCase()
    .pipe(z.enum(BRAZILIAN_STATES, { error: "stateInvalid" })),
  email: z.string().max(254, { error: "textTooLong" }).pipe(z.email({ error: "emailInvalid" })),
  serialNumber: serialNumberSchema,
  product: singleLineText(120),
  type: z.string().transform((value, context) => {
    const type = TYPE_LABELS[headerKey(value)];
    if (!type) context.addIssue({ code: "custom", message: "customerTypeInvalid" });
    return type ?? z.NEVER;
  }),
  plan: z.string().transform((value, context) => {
    const plan = PLAN_LABELS[headerKey(value)];
    if (!plan) context.addIssue({ code: "custom", message: "planInvalid" });
    return plan ?? z.NEVER;
  }),
  startedAt: calendarDateSchema,
  expiresAt: calendarDateSchema,
} satisfies Record<ImportField, z.ZodType>;

/**
 * The row's fields, or its issues. A cell that a spreadsheet would run as a formula (=, +, -, @,
 * even behind the apostrophe the export adds) is refused: an import never stores one.
 */
export function parseImportRow(
  line: number,
  cells: Partial<Record<ImportField, string>>,
): { row: ImportRow; issues?: never } | { row?: never; issues: RowIssue[] } {
  const issues: RowIssue[] = [];
  const values: Partial<Record<ImportField, unknown>> = {};
  for (const field of Object.keys(FIELD_SCHEMAS) as ImportField[]) {
    const raw = cells[field]?.trim() ?? "";
    if (!raw) continue;
    if (startsLikeFormula(raw.replace(/^'/, ""))) {
      issues.push({ line, field, key: "formula" });
      continue;
    }
    const parsed = FIELD_SCHEMAS[field].safeParse(raw);
    if (parsed.success) values[field] = parsed.data;
    else issues.push({ line, field, key: parsed.error.issues[0]?.message ?? "invalid" });
  }
  if (!cells.document?.trim()) issues.push({ line, field: "document", key: "required" });
  const hasSubscriptionData = Boolean(values.product || values.plan || values.startedAt || values.expiresAt);
  if (!cells.serialNumber?.trim() && hasSubscriptionData) issues.push({ line, field: "serialNumber", key: "importSerialRequired" });
  if (issues.length) return { issues };
  const customer: ImportCustomer = {
    document: values.document as string,
    name: values.name as string | undefined,
    type: values.type as CustomerType | undefined,
    city: values.city as string | undefined,
    state: values.state as string | undefined,
    email: values.email as string | undefined,
  };
  const subscription: ImportSubscription | null = values.serialNumber
    ? {
        serialNumber: values.serialNumber as string,
        product: values.product as string | undefined,
        plan: values.plan as Plan | undefined,
        startedAt: values.startedAt as string | undefined,
        expiresAt: values.expiresAt as string | undefined,
      }
    : null;
  return { row: { line, customer, subscription } };
}
