// The export's columns and the texts its cells use, in the user's language (pt-BR by default),
// read from the message catalogs once per export (subscription-csv-rows.ts writes the rows).
import { getTranslations } from "next-intl/server";
import type { Badge, Situation } from "@/lib/domain/subscription-status";

/** Column order of the file; texts in the "export.columns" namespace. */
export const EXPORT_COLUMNS = [
  "customer",
  "document",
  "customerType",
  "city",
  "state",
  "serialNumber",
  "product",
  "plan",
  "status",
  "situation",
  "reason",
  "reasonDescription",
  "machineName",
  "activatedAt",
  "lastSeenAt",
  "swaps30d",
  "startedAt",
  "expiresAt",
  "toleranceEndsAt",
  "billing",
] as const;

export type SubscriptionCsvLabels = {
  header: string[];
  badge: Record<Badge, string>;
  situation: Record<Exclude<Situation, "TOLERANCIA">, string>;
  /** "Expira definitivamente em N dias". */
  tolerance: (days: number) => string;
  customerType: Record<"LOJISTA" | "PROFISSIONAL", string>;
  plan: Record<"MENSAL" | "ANUAL", string>;
  billing: Record<"ATIVA" | "PAUSADA" | "ENCERRADA", string>;
};

export async function subscriptionCsvLabels(): Promise<SubscriptionCsvLabels> {
  const t = await getTranslations("export");
  const tc = await getTranslations("common");
  return {
    header: EXPORT_COLUMNS.map((column) => t(`columns.${column}`)),
    badge: { ATIVA: tc("status.ATIVA"), TOLERANCIA: tc("status.TOLERANCIA"), EXPIRADA: tc("status.EXPIRADA") },
    situation: {
      ATIVA: tc("situation.ATIVA"),
      EXPIRADA: tc("situation.EXPIRADA"),
      PENDENTE: tc("situation.PENDENTE"),
      SUSPENSA: tc("situation.SUSPENSA"),
      CANCELADA: tc("situation.CANCELADA"),
    },
    tolerance: (days) => tc("situation.TOLERANCIA", { days }),
    customerType: { LOJISTA: tc("accountKind.LOJISTA"), PROFISSIONAL: tc("accountKind.PROFISSIONAL") },
    plan: { MENSAL: t("plan.MENSAL"), ANUAL: t("plan.ANUAL") },
    billing: { ATIVA: t("billing.ATIVA"), PAUSADA: t("billing.PAUSADA"), ENCERRADA: t("billing.ENCERRADA") },
  };
}
