// The reasons of one kind as a table (cards on a phone): labels in both languages, whether a
// description is required, active or not, how often used, and Editar / Desativar.
import { getTranslations } from "next-intl/server";
import { DataTable } from "@/components/ui/data-table";
import type { ReasonCatalogRow } from "@/lib/data/reason-catalog";
import type { ReasonKind } from "@/lib/validation/reason";
import { ReasonActiveToggle } from "./reason-active-toggle";
import { ReasonDialog } from "./reason-dialog";

export async function ReasonCatalog({ kind, reasons }: { kind: ReasonKind; reasons: ReasonCatalogRow[] }) {
  const t = await getTranslations("settings.reasons");
  const headingId = `reasons-${kind}`;
  return (
    <section aria-labelledby={headingId} className="rounded-lg border border-slate-200 bg-white">
      <div className="flex flex-wrap items-center justify-between gap-3 border-b border-slate-200 px-4 py-3">
        <h2 id={headingId} className="text-lg font-semibold">
          {t(`heading.${kind}`)}
        </h2>
        <ReasonDialog kind={kind} />
      </div>
      <DataTable
        caption={t(`heading.${kind}`)}
        rows={reasons}
        rowKey={(reason) => reason.id}
        rowClassName={(reason) => (reason.active ? "bg-white" : "bg-slate-50 text-slate-600")}
        columns={[
          {
            key: "label",
            header: t("label"),
            card: "title",
            cell: (reason) => <span className="font-medium">{reason.label}</span>,
          },
          {
            key: "labelEn",
            header: t("labelEn"),
            cell: (reason) =>
              reason.labelEn ? <span lang="en">{reason.labelEn}</span> : <span className="text-slate-600">{t("noEnglish")}</span>,
          },
          {
            key: "requiresDescription",
            header: t("requiresDescription"),
            cell: (reason) => t(reason.requiresDescription ? "yes" : "no"),
          },
          {
            key: "state",
            header: t("state"),
            cell: (reason) => t(reason.active ? "active" : "inactive"),
          },
          { key: "uses", header: t("uses"), cell: (reason) => reason.uses.toLocaleString("pt-BR") },
          {
            key: "actions",
            header: t("actions"),
            card: "actions",
            align: "right",
            cell: (reason) => (
              <span className="inline-flex flex-wrap items-start justify-end gap-2">
                <ReasonDialog reason={reason} />
                <ReasonActiveToggle id={reason.id} label={reason.label} active={reason.active} />
              </span>
            ),
          },
        ]}
      />
    </section>
  );
}
