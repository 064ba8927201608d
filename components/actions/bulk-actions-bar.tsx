"use client";

import { useRouter } from "next/navigation";
import { useTranslations } from "next-intl";
import { useActionState, useEffect, useRef, useState } from "react";
import { bulkSubscriptionAction, type BulkResultRow } from "@/lib/actions/subscription-actions";
import { FieldError } from "@/components/ui/field-error";
import { useFocusFirstInvalid } from "@/components/ui/focus-first-invalid";
import type { ReasonOption } from "@/lib/data/reasons";
import type { SubscriptionAction } from "@/lib/domain/subscription-transitions";
import { keepValuesAndSubmit } from "./action-form";
import { ModalDialog } from "@/components/ui/modal-dialog";
import { fieldClass, ReasonFields } from "./reason-fields";

const SELECTED = 'input[name="serials"][form="bulk-form"]:checked';

/** Select serials in the list (or every one the filter matches) and act on all of them at once. */
export function BulkActionsBar({
  allowed,
  reasons,
  matching,
  filtersQuery,
}: {
  allowed: SubscriptionAction[];
  reasons: ReasonOption[];
  matching: number;
  filtersQuery: string;
}) {
  const t = useTranslations("actions");
  const router = useRouter();
  const formRef = useRef<HTMLFormElement>(null);
  const [selected, setSelected] = useState(0);
  const [all, setAll] = useState(false);
  const [action, setAction] = useState<SubscriptionAction>(allowed[0]!);
  const [confirming, setConfirming] = useState(false);
  const [results, setResults] = useState<BulkResultRow[] | null>(null);
  const [state, submit, pending] = useActionState(async (previous: unknown, formData: FormData) => {
    const result = await bulkSubscriptionAction(previous, formData);
    setConfirming(false);
    if (result.ok) {
      setResults(result.data);
      document.querySelectorAll<HTMLInputElement>(SELECTED).forEach((input) => (input.checked = false));
      setSelected(0);
      setAll(false);
      router.refresh();
    }
    return result;
  }, null);

  useEffect(() => {
    const count = () => setSelected(document.querySelectorAll(SELECTED).length);
    document.addEventListener("change", count);
    return () => document.removeEventListener("change", count);
  }, []);

  const fieldErrors = state && !state.ok ? state.fieldErrors : undefined;
  useFocusFirstInvalid(formRef, state);
  const count = all ? matching : selected;
  const kind = action === "SUSPEND" ? "SUSPENSAO" : "CANCELAMENTO";

  return (
    <section aria-labelledby="bulk-heading" className="rounded-lg border border-slate-200 bg-white p-4">
      <form
        id="bulk-form"
        ref={formRef}
        onSubmit={(event) => keepValuesAndSubmit(event, submit)}
        noValidate
        className="space-y-3"
      >
        <div className="flex flex-wrap items-center gap-x-4 gap-y-2">
          <h2 id="bulk-heading" className="text-sm font-semibold">
            {t("bulk.heading")}
          </h2>
          <p className="text-sm text-slate-700" aria-live="polite">
            {t("bulk.selected", { count: selected })}
          </p>
          <label className="inline-flex items-center gap-2 text-sm">
            <input type="checkbox" name="all" value="1" checked={all} onChange={(event) => setAll(event.target.checked)} />
            {t("bulk.allMatching", { count: matching })}
          </label>
          <input type="hidden" name="filters" value={filtersQuery} />
        </div>
        <div className="grid gap-3 md:grid-cols-4">
          <div>
            <label htmlFor="bulk-action" className="block text-sm font-medium text-slate-700">
              {t("bulk.actionLabel")}
            </label>
            <select
              id="bulk-action"
              name="action"
              value={action}
              onChange={(event) => setAction(event.target.value as SubscriptionAction)}
              className={fieldClass}
            >
              {allowed.map((item) => (
                <option key={item} value={item}>
                  {t(item)}
                </option>
              ))}
            </select>
          </div>
          {action !== "RELEASE" && (
            <div className="grid gap-3 md:col-span-2">
              <ReasonFields
                key={action}
                reasons={reasons.filter((reason) => reason.kind === kind)}
                fieldErrors={fieldErrors}
                idPrefix="bulk"
              />
            </div>
          )}
          {action === "SUSPEND" && (
            <div>
              <label htmlFor="bulk-until" className="block text-sm font-medium text-slate-700">
                {t("suspend.untilLabel")}
              </label>
              <input id="bulk-until" name="suspendedUntil" type="date" className={fieldClass} />
              <FieldError id="bulk-until-error" message={fieldErrors?.suspendedUntil} />
            </div>
          )}
        </div>
        {state && !state.ok && (
          <p role="alert" tabIndex={-1} className="rounded-md border border-red-200 bg-red-50 px-3 py-2 text-sm text-red-800">
            {state.fieldErrors?.serials?.[0] ?? state.error}
          </p>
        )}
        <div className="flex justify-end">
          <button
            type="button"
            disabled={count === 0 || pending}
            onClick={() => setConfirming(true)}
            className="rounded-md bg-brand-700 px-4 py-2 text-sm font-semibold text-white hover:bg-brand-800 disabled:opacity-50"
          >
            {t("bulk.apply")}
          </button>
        </div>
      </form>

      <ModalDialog open={confirming} title={t("bulk.confirm", { action: t(action), count })} onClose={() => setConfirming(false)}>
        {action === "RELEASE" && (
          <div role="note" className="mb-4 rounded-md border border-amber-300 bg-amber-50 p-3 text-sm text-amber-950">
            <p className="font-semibold">{t("release.attentionHeading")}</p>
            <p className="mt-1">{t("release.attention")}</p>
          </div>
        )}
        <div className="flex justify-end gap-3">
          <button
            type="button"
            onClick={() => setConfirming(false)}
            className="rounded-md border border-slate-300 px-4 py-2 text-sm font-medium hover:bg-slate-50"
          >
            {t("no")}
          </button>
          <button
            type="button"
            disabled={pending}
            onClick={() => formRef.current?.requestSubmit()}
            className="rounded-md bg-red-700 px-4 py-2 text-sm font-semibold text-white hover:bg-red-800 disabled:opacity-60"
          >
            {pending ? t("working") : t("yes")}
          </button>
        </div>
      </ModalDialog>

      <ModalDialog open={results !== null} title={t("bulk.resultHeading")} onClose={() => setResults(null)}>
        {results && (
          <div className="space-y-3">
            <p className="text-sm font-medium">
              {t("bulk.summary", {
                done: results.filter((row) => row.ok).length,
                refused: results.filter((row) => !row.ok).length,
              })}
            </p>
            <ul className="max-h-80 space-y-1 overflow-y-auto text-sm">
              {results.map((row) => (
                <li key={row.serialNumber} className="flex flex-wrap gap-x-2">
                  <span className="font-mono font-semibold">{row.serialNumber}</span>
                  <span className={row.ok ? "text-green-800" : "text-red-800"}>
                    {row.ok ? t("bulk.done") : t("bulk.refused", { reason: row.message ?? "" })}
                  </span>
                </li>
              ))}
            </ul>
            <div className="flex justify-end">
              <button
                type="button"
                onClick={() => setResults(null)}
                className="rounded-md border border-slate-300 px-4 py-2 text-sm font-medium hover:bg-slate-50"
              >
                {t("close")}
              </button>
            </div>
          </div>
        )}
      </ModalDialog>
    </section>
  );
}
