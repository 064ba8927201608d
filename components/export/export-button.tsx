// Exportar on the subscription lists: a download link for the current filters (";" for Excel
// pt-BR), and a secondary one with "," for spreadsheets set up that way.
import { getTranslations } from "next-intl/server";
import { withDelimiter } from "@/lib/export/export-href";

export async function ExportButton({
  href,
  hint,
}: {
  href: string;
  /** What the file holds; the list's by default. */ hint?: string;
}) {
  const t = await getTranslations("export.button");
  return (
    <div className="flex items-center gap-3">
      <a
        href={href}
        download
        title={hint ?? t("hint")}
        className="inline-flex items-center rounded-md bg-brand-700 px-4 py-2 text-sm font-semibold text-white shadow-sm hover:bg-brand-800"
      >
        {t("label")}
      </a>
      <a href={withDelimiter(href, ",")} download className="text-sm text-brand-700 underline hover:text-brand-800">
        {t("comma")}
      </a>
    </div>
  );
}
