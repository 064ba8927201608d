"use client";

import { useTranslations } from "next-intl";
import { useRef, useState } from "react";
import { FormAlert } from "@/components/forms/form-alert";
import { FIELD_CLASS } from "@/components/forms/text-field";
import { PRIMARY_BUTTON, SECONDARY_BUTTON } from "@/components/team/button-styles";
import { DataTable } from "@/components/ui/data-table";
import { FieldError } from "@/components/ui/field-error";
import { RequiredMark } from "@/components/ui/required-mark";
import { CSV_BOM, csvLines } from "@/lib/csv/csv-text";
import type { ImportCounts } from "@/lib/data/subscription-import";
import { sendImport, type FailedBatch, type ImportIssueLine, type ImportLine } from "./import-stream";

/** How many problems the page lists; the downloadable report has them all. */
const SHOWN_ISSUES = 200;

type Phase = "idle" | "checking" | "checked" | "applying" | "applied";

const COUNT_KEYS = [
  "rows",
  "customersCreated",
  "customersUpdated",
  "subscriptionsCreated",
  "subscriptionsUpdated",
  "subscriptionsRenewed",
  "unchanged",
  "invalid",
] as const;

/**
 * Importar (CSV): choose a file → Simular (dry run: counts and every invalid row) → Confirmar
 * (applied in batches, with a progress bar) → what was written and which batches were not.
 */
export function ImportPanel() {
  const t = useTranslations("subscriptions.import");
  const tErrors = useTranslations("errors");
  const fileRef = useRef<HTMLInputElement>(null);
  const [file, setFile] = useState<File | null>(null);
  const [fileError, setFileError] = useState<string | null>(null);
  const [phase, setPhase] = useState<Phase>("idle");
  const [uploaded, setUploaded] = useState(0);
  const [rowsDone, setRowsDone] = useState(0);
  const [issues, setIssues] = useState<ImportIssueLine[]>([]);
  const [ignored, setIgnored] = useState<string[]>([]);
  const [counts, setCounts] = useState<ImportCounts | null>(null);
  const [dryCounts, setDryCounts] = useState<ImportCounts | null>(null);
  const [failed, setFailed] = useState<FailedBatch[]>([]);
  const [error, setError] = useState<string | null>(null);
  const alertRef = useRef<HTMLDivElement>(null);

  function run(mode: "simular" | "aplicar") {
    if (!file) {
      setFileError(t("errors.noFile"));
      fileRef.current?.focus();
      return;
    }
    setFileError(null);
    setError(null);
    setIssues([]);
    setFailed([]);
    setCounts(null);
    setUploaded(0);
    setRowsDone(0);
    setPhase(mode === "simular" ? "checking" : "applying");
    const collected: ImportIssueLine[] = [];
    sendImport(file, mode, {
      onUpload: setUploaded,
      onLine: (line: ImportLine) => {
        if (line.type === "issue") collected.push({ line: line.line, column: line.column, message: line.message });
        else if (line.type === "columns") setIgnored(line.ignored);
        else if (line.type === "batch") {
          setRowsDone(line.counts.rows);
          setCounts(line.counts);
        } else if (line.type === "done") {
          setCounts(line.counts);
          setFailed(line.failedBatches);
          if (mode === "simular") setDryCounts(line.counts);
        } else if (line.type === "error") setError(line.message);
      },
      onFailure: (message) => {
        setError(message ?? tErrors("VALIDATION"));
        setPhase("idle");
        requestAnimationFrame(() => alertRef.current?.focus());
      },
      onEnd: () => {
        setIssues(collected);
        setPhase(mode === "simular" ? "checked" : "applied");
      },
    });
  }

  function downloadReport() {
    const rows = [
      [t("issueColumns.line"), t("issueColumns.column"), t("issueColumns.reason")],
      ...issues.map((issue) => [String(issue.line), issue.column ?? t("wholeRow"), issue.message]),
    ];
    const url = URL.createObjectURL(new Blob([CSV_BOM + csvLines(rows, ";")], { type: "text/csv;charset=utf-8" }));
    const link = document.createElement("a");
    link.href = url;
    link.download = t("reportFileName");
    link.click();
    URL.revokeObjectURL(url);
  }

  const busy = phase === "checking" || phase === "applying";
  const changes = dryCounts ? dryCounts.rows - dryCounts.unchanged - dryCounts.invalid : 0;
  const total = dryCounts?.rows ?? 0;

  return (
    <div className="space-y-6">
      <form
        onSubmit={(event) => {
          event.preventDefault();
          run("simular");
        }}
        noValidate
        className="space-y-4 rounded-lg border border-slate-200 bg-white p-5"
      >
        <p className="text-sm text-slate-700">{t("columnsHelp")}</p>
        <div>
          <label htmlFor="import-file" className="block text-sm font-medium text-slate-700">
            {t("fileLabel")} <RequiredMark />
          </label>
          <input
            ref={fileRef}
            id="import-file"
            name="file"
            type="file"
            accept=".csv,text/csv"
            aria-required
            aria-invalid={fileError ? true : undefined}
            aria-describedby={`import-file-hint${fileError ? " import-file-error" : ""}`}
            onChange={(event) => {
              setFile(event.target.files?.[0] ?? null);
              setPhase("idle");
              setDryCounts(null);
              setCounts(null);
              setIssues([]);
              setError(null);
            }}
            className={FIELD_CLASS}
          />
          <p id="import-file-hint" className="mt-1 text-xs text-slate-600">
            {t("fileHint")}
          </p>
          <FieldError id="import-file-error" message={fileError} />
        </div>
        <button type="submit" disabled={busy} className={PRIMARY_BUTTON}>
          {t("simulate")}
        </button>
      </form>

      <div ref={alertRef} tabIndex={-1}>
        {error && <FormAlert kind="error">{error}</FormAlert>}
      </div>

      {busy && (
        <div className="space-y-1" aria-live="polite">
          <label htmlFor="import-progress" className="block text-sm font-medium text-slate-800">
            {uploaded < 1
              ? t("uploading")
              : phase === "applying"
                ? t("applying", { rows: rowsDone, total })
                : t("checking", { rows: rowsDone })}
          </label>
          <progress
            id="import-progress"
            aria-label={t("progressLabel")}
            className="h-3 w-full"
            max={1}
            value={uploaded < 1 ? uploaded * 0.2 : phase === "applying" && total ? 0.2 + (0.8 * rowsDone) / total : undefined}
          />
        </div>
      )}

      {counts && (phase === "checked" || phase === "applied") && (
        <section aria-labelledby="import-result" className="space-y-4 rounded-lg border border-slate-200 bg-white p-5">
          <h2 id="import-result" className="text-lg font-semibold">
            {phase === "checked" ? t("dryRunHeading") : t("appliedHeading")}
          </h2>
          <dl className="grid gap-x-6 gap-y-1 sm:grid-cols-2">
            {COUNT_KEYS.map((key) => (
              <div key={key} className="flex justify-between gap-4 border-b border-slate-100 py-1 text-sm">
                <dt className="text-slate-700">{t(`counts.${key}`)}</dt>
                <dd className="font-semibold tabular-nums">{counts[key]}</dd>
              </div>
            ))}
          </dl>
          {ignored.length > 0 && <p className="text-sm text-slate-600">{t("ignoredColumns", { columns: ignored.join(", ") })}</p>}
          {phase === "applied" &&
            (failed.length === 0 ? (
              <FormAlert kind="success">{t("allApplied")}</FormAlert>
            ) : (
              failed.map((batch) => (
                <FormAlert key={batch.fromLine} kind="error">
                  {t("failedBatch", { from: batch.fromLine, to: batch.toLine, rows: batch.rows })}
                </FormAlert>
              ))
            ))}
          {phase === "checked" && changes === 0 && <FormAlert kind="success">{t("nothingToDo")}</FormAlert>}
          {phase === "checked" && changes > 0 && (
            <div className="space-y-2 border-t border-slate-100 pt-4">
              <p className="text-sm text-slate-700">{t("confirmHint")}</p>
              <button type="button" onClick={() => run("aplicar")} className={PRIMARY_BUTTON}>
                {t("confirm")}
              </button>
            </div>
          )}
        </section>
      )}

      {issues.length > 0 && (phase === "checked" || phase === "applied") && (
        <section aria-labelledby="import-issues" className="space-y-3">
          <div className="flex flex-wrap items-center justify-between gap-3">
            <h2 id="import-issues" className="text-lg font-semibold">
              {t("issuesHeading")} ({counts?.invalid ?? 0})
            </h2>
            <button type="button" onClick={downloadReport} className={SECONDARY_BUTTON}>
              {t("downloadErrors")}
            </button>
          </div>
          {issues.length > SHOWN_ISSUES && (
            <p className="text-sm text-slate-700">{t("issuesTruncated", { shown: SHOWN_ISSUES, total: issues.length })}</p>
          )}
          <DataTable
            caption={t("issuesHeading")}
            rows={issues.slice(0, SHOWN_ISSUES)}
            rowKey={(issue) => `${issue.line}-${issue.column}-${issue.message}`}
            columns={[
              { key: "line", header: t("issueColumns.line"), card: "title", cell: (issue) => issue.line },
              { key: "column", header: t("issueColumns.column"), cell: (issue) => issue.column ?? t("wholeRow") },
              { key: "reason", header: t("issueColumns.reason"), cell: (issue) => issue.message },
            ]}
          />
        </section>
      )}
    </div>
  );
}
