// One export row → its CSV cells. The texts of the user's locale (pt-BR by default) are read from
// the message catalogs once per export; the status always comes from deriveDisplayStatus.
import { getTranslations } from "next-intl/server";
import { formatCsvDate } from "@/lib/csv/format-date";
import type { SubscriptionExportRow } from "@/lib/data/subscription-export";
import { formatDocument } from "@/lib/domain/documents";
import { deriveDisplayStatus, type Badge, type Situation } from "@/lib/domain/subscription-status";

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
  customerType: Record<SubscriptionExportRow["customer_type"], string>;
  plan: Record<SubscriptionExportRow["plan"], string>;
  billing: Record<SubscriptionExportRow["billing_state"], string>;
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

const BLOCKED = new Set(["SUSPENSA", "CANCELADA"]);

/** The cells of one row, in EXPORT_COLUMNS order, for an export taken at `now`. */
export function subscriptionCsvCells(labels: SubscriptionCsvLabels, now: Date): (row: SubscriptionExportRow) => string[] {
  const toleranceTexts = new Map<number, string>();
  const tolerance = (days: number) => {
    let text = toleranceTexts.get(days);
    if (text === undefined) toleranceTexts.set(days, (text = labels.tolerance(days)));
    return text;
  };
  return (row) => {
    const display = deriveDisplayStatus({ status: row.status, expiresAt: new Date(row.expires_at) }, row.grace_days, now);
    const blocked = BLOCKED.has(row.status);
    return [
      row.customer_name,
      formatDocument(row.customer_document),
      labels.customerType[row.customer_type],
      row.customer_city,
      row.customer_state,
      row.serial_number,
      row.product,
      labels.plan[row.plan],
      labels.badge[display.badge],
      display.situation === "TOLERANCIA" ? tolerance(display.toleranceDaysLeft ?? 1) : labels.situation[display.situation],
      blocked ? (row.reason_label ?? "") : "",
      blocked ? (row.block_description ?? "") : "",
      row.machine_name ?? "",
      formatCsvDate(row.activated_at),
      formatCsvDate(row.last_seen_at),
      String(row.swaps_30d),
      formatCsvDate(row.started_at),
      formatCsvDate(row.expires_at),
      formatCsvDate(display.toleranceEndsAt),
      labels.billing[row.billing_state],
    ];
  };
}
