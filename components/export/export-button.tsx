// Exportar on the subscription lists: a download link for the current filters (";" for Excel
// pt-BR), and a secondary one with "," for spreadsheets set up that way; the difference is
// written beside them, not hidden in a tooltip.
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
    <div className="max-w-md space-y-1">
      <div className="flex flex-wrap items-center gap-3">
        <a
          href={href}
          download
          aria-describedby="export-hint"
          className="inline-flex items-center rounded-md bg-brand-700 px-4 py-2 text-sm font-semibold text-white shadow-sm hover:bg-brand-800"
        >
          {t("label")}
        </a>
        <a
          href={withDelimiter(href, ",")}
          download
          aria-describedby="export-hint"
          className="py-2 text-sm text-brand-700 underline hover:text-brand-800"
        >
          {t("comma")}
        </a>
      </div>
      <p id="export-hint" className="text-xs text-slate-600">
        {hint ?? t("hint")}
      </p>
    </div>
  );
}
