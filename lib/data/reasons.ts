// The manufacturer's catalog of suspension and cancellation reasons, labelled in Portuguese and
// English (the interface shows the one of its language).
import { getPrisma } from "@/lib/db/connection";
import { reasonLabel } from "@/lib/domain/reason-label";

export type ReasonOption = { id: string; label: string; kind: "SUSPENSAO" | "CANCELAMENTO"; requiresDescription: boolean };

/** The active reasons, each with its label in `locale`, by kind and label. */
export async function activeReasons(manufacturerId: string, locale?: string): Promise<ReasonOption[]> {
  const prisma = await getPrisma();
  const rows = await prisma.reason.findMany({
    where: { manufacturerId, active: true },
    select: { id: true, label: true, labelEn: true, kind: true, requiresDescription: true },
    orderBy: [{ kind: "asc" }, { label: "asc" }],
  });
  const options = rows.map(({ labelEn, ...row }) => ({ ...row, label: reasonLabel({ label: row.label, labelEn }, locale) }));
  return options.sort((a, b) => a.kind.localeCompare(b.kind) || a.label.localeCompare(b.label, locale ?? "pt-BR"));
}

/** The same choice in SQL, for the reasons table under `alias`. */
export function reasonLabelSql(alias: string, locale: string | undefined): string {
  return locale === "en" ? `COALESCE(NULLIF(${alias}.label_en, ''), ${alias}.label)` : `${alias}.label`;
}
