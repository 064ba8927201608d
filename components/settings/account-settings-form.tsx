"use client";

import { useTranslations } from "next-intl";
import { useActionState, useId, useRef, useState } from "react";
import { saveAccountSettings } from "@/lib/actions/update-account-settings";
import { FieldError } from "@/components/ui/field-error";
import { useFocusFirstInvalid } from "@/components/ui/focus-first-invalid";
import { RequiredMark } from "@/components/ui/required-mark";
import { GRACE_DAYS_RANGE, SWAP_LIMIT_RANGE, type AccountSettings } from "@/lib/validation/account-settings";

type Field = keyof AccountSettings;

/** Período de Tolerância and the swap limit, saved together. */
export function AccountSettingsForm({ initial }: { initial: AccountSettings }) {
  const t = useTranslations("settings");
  const [values, setValues] = useState<Record<Field, string>>({
    graceDays: String(initial.graceDays),
    swapLimit: String(initial.swapLimit),
  });
  const [state, formAction, pending] = useActionState(saveAccountSettings, null);
  const id = useId();
  const errors = state && !state.ok ? state.fieldErrors : undefined;
  const formRef = useRef<HTMLFormElement>(null);
  useFocusFirstInvalid(formRef, state);

  const fields: { name: Field; label: string; hint: string; range: { min: number; max: number } }[] = [
    { name: "graceDays", label: t("graceDays"), hint: t("graceDaysHint", GRACE_DAYS_RANGE), range: GRACE_DAYS_RANGE },
    { name: "swapLimit", label: t("swapLimit"), hint: t("swapLimitHint", SWAP_LIMIT_RANGE), range: SWAP_LIMIT_RANGE },
  ];

  return (
    <form ref={formRef} action={formAction} noValidate className="max-w-xl space-y-5">
      {state && !state.ok && !errors && (
        <p role="alert" tabIndex={-1} className="rounded-md border border-red-200 bg-red-50 px-3 py-2 text-sm text-red-800">
          {state.error}
        </p>
      )}
      {fields.map((field) => {
        const error = errors?.[field.name];
        return (
          <div key={field.name}>
            <label htmlFor={`${id}-${field.name}`} className="block text-sm font-medium text-slate-700">
              {field.label} <RequiredMark />
            </label>
            <input
              id={`${id}-${field.name}`}
              name={field.name}
              type="number"
              inputMode="numeric"
              min={field.range.min}
              max={field.range.max}
              step={1}
              aria-required
              value={values[field.name]}
              onChange={(event) => setValues((current) => ({ ...current, [field.name]: event.target.value }))}
              aria-invalid={error ? true : undefined}
              aria-describedby={`${id}-${field.name}-hint${error ? ` ${id}-${field.name}-error` : ""}`}
              className="mt-1 block w-32 rounded-md border border-slate-300 px-3 py-2 text-sm shadow-sm focus:border-brand-600 focus:outline-none focus:ring-2 focus:ring-brand-600/30 aria-[invalid=true]:border-red-600"
            />
            <p id={`${id}-${field.name}-hint`} className="mt-1 text-xs text-slate-600">
              {field.hint}
            </p>
            <FieldError id={`${id}-${field.name}-error`} message={error} />
          </div>
        );
      })}
      <div className="flex items-center gap-4">
        <button
          type="submit"
          disabled={pending}
          className="rounded-md bg-brand-700 px-4 py-2 text-sm font-semibold text-white hover:bg-brand-800 disabled:opacity-60"
        >
          {pending ? t("saving") : t("save")}
        </button>
        {state?.ok && !pending && (
          <p role="status" className="text-sm text-green-800">
            {t("saved")}
          </p>
        )}
      </div>
    </form>
  );
}
