"use client";

import { useTranslations } from "next-intl";
import { useState } from "react";
import { FieldError } from "@/components/ui/field-error";
import { RequiredMark } from "@/components/ui/required-mark";
import type { ReasonOption } from "@/lib/data/reasons";
import { MAX_DESCRIPTION } from "@/lib/validation/subscription-actions";

export const fieldClass =
  "mt-1 block w-full rounded-md border border-slate-300 bg-white px-3 py-2 text-sm shadow-sm focus:border-brand-600 focus:outline-none focus:ring-2 focus:ring-brand-600/30 aria-[invalid=true]:border-red-600";

/** Reason select + description, the description becoming required when the chosen reason asks for it. */
export function ReasonFields({
  reasons,
  fieldErrors,
  idPrefix,
}: {
  reasons: ReasonOption[];
  fieldErrors?: Record<string, string[]>;
  idPrefix: string;
}) {
  const t = useTranslations("actions");
  const [reasonId, setReasonId] = useState("");
  const needsDescription = reasons.find((reason) => reason.id === reasonId)?.requiresDescription ?? false;
  return (
    <>
      <div>
        <label htmlFor={`${idPrefix}-reason`} className="block text-sm font-medium text-slate-700">
          {t("reasonLabel")} <RequiredMark />
        </label>
        <select
          id={`${idPrefix}-reason`}
          name="reasonId"
          value={reasonId}
          onChange={(event) => setReasonId(event.target.value)}
          className={fieldClass}
          aria-required
          aria-invalid={fieldErrors?.reasonId ? true : undefined}
          aria-describedby={fieldErrors?.reasonId ? `${idPrefix}-reason-error` : undefined}
        >
          <option value="">{t("reasonPlaceholder")}</option>
          {reasons.map((reason) => (
            <option key={reason.id} value={reason.id}>
              {reason.requiresDescription ? t("reasonNeedsDescription", { label: reason.label }) : reason.label}
            </option>
          ))}
        </select>
        <FieldError id={`${idPrefix}-reason-error`} message={fieldErrors?.reasonId} />
      </div>
      <div>
        <label htmlFor={`${idPrefix}-description`} className="block text-sm font-medium text-slate-700">
          {t("descriptionLabel")} {needsDescription && <RequiredMark />}
        </label>
        <textarea
          id={`${idPrefix}-description`}
          name="description"
          rows={3}
          maxLength={MAX_DESCRIPTION}
          aria-required={needsDescription}
          className={fieldClass}
          aria-invalid={fieldErrors?.description ? true : undefined}
          aria-describedby={`${idPrefix}-description-hint${fieldErrors?.description ? ` ${idPrefix}-description-error` : ""}`}
        />
        <p id={`${idPrefix}-description-hint`} className="mt-1 text-xs text-slate-600">
          {needsDescription ? t("descriptionRequiredHint") : t("descriptionOptionalHint")}
        </p>
        <FieldError id={`${idPrefix}-description-error`} message={fieldErrors?.description} />
      </div>
    </>
  );
}
