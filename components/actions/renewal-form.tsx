"use client";

import { useLocale, useTranslations } from "next-intl";
import { useActionState, useRef, useState } from "react";
import { FieldError } from "@/components/ui/field-error";
import { useFocusFirstInvalid } from "@/components/ui/focus-first-invalid";
import { RequiredMark } from "@/components/ui/required-mark";
import { renewSubscriptionAction } from "@/lib/actions/sales-actions";
import { addPlanPeriods, MAX_RENEWAL_PERIODS, type Plan } from "@/lib/domain/renewal";
import type { StoredStatus } from "@/lib/domain/subscription-status";
import { formatDate } from "@/lib/format";
import { keepValuesAndSubmit } from "./action-form";
import { ConfirmFooter } from "./confirm-footer";
import { fieldClass } from "./reason-fields";

/**
 * The body of Registrar renovação: how many periods were paid, and the new expiry counted from the
 * current one (the article's retroactive payment), shown before confirming with "Sim".
 */
export function RenewalForm({
  serialNumber,
  plan,
  expiresAt,
  status,
  now,
  onDone,
  onCancel,
}: {
  serialNumber: string;
  plan: Plan;
  expiresAt: string;
  status: StoredStatus;
  /** The server's time when the page was rendered (ISO). */
  now: string;
  onDone: (message: string, to: StoredStatus) => void;
  onCancel: () => void;
}) {
  const t = useTranslations("actions");
  const tp = useTranslations("subscriptions.plan");
  const locale = useLocale();
  const [periods, setPeriods] = useState("1");
  const [state, submit, pending] = useActionState(async (previous: unknown, formData: FormData) => {
    const result = await renewSubscriptionAction(previous, formData);
    if (result.ok) {
      onDone(t("renew.done", { serial: result.data.serialNumber, date: formatDate(new Date(result.data.expiresTo), locale) }), result.data.to);
    }
    return result;
  }, null);
  const fieldErrors = state && !state.ok ? state.fieldErrors : undefined;
  const formRef = useRef<HTMLFormElement>(null);
  useFocusFirstInvalid(formRef, state);
  const id = `renew-${serialNumber}`;
  const count = Number(periods);
  const preview =
    Number.isInteger(count) && count >= 1 && count <= MAX_RENEWAL_PERIODS ? addPlanPeriods(new Date(expiresAt), plan, count) : null;

  return (
    <form ref={formRef} onSubmit={(event) => keepValuesAndSubmit(event, submit)} noValidate className="space-y-4">
      <input type="hidden" name="serialNumber" value={serialNumber} />
      <p className="text-sm text-slate-700">{t("renew.intro")}</p>
      <p className="text-sm font-medium text-slate-800">
        {t("renew.current", { plan: tp(plan), date: formatDate(new Date(expiresAt), locale) })}
      </p>
      {status === "SUSPENSA" && (
        <p role="note" className="rounded-md border border-amber-300 bg-amber-50 p-3 text-sm text-amber-950">
          {t("renew.suspended")}
        </p>
      )}
      <div>
        <label htmlFor={`${id}-periods`} className="block text-sm font-medium text-slate-700">
          {t("renew.periods")} <RequiredMark />
        </label>
        <input
          id={`${id}-periods`}
          name="periods"
          type="number"
          inputMode="numeric"
          min={1}
          max={MAX_RENEWAL_PERIODS}
          value={periods}
          onChange={(event) => setPeriods(event.target.value)}
          aria-required
          aria-invalid={fieldErrors?.periods ? true : undefined}
          aria-describedby={`${id}-periods-hint${fieldErrors?.periods ? ` ${id}-periods-error` : ""}`}
          className={`${fieldClass} max-w-32`}
        />
        <p id={`${id}-periods-hint`} className="mt-1 text-xs text-slate-600">
          {t("renew.periodsHint")}
        </p>
        <FieldError id={`${id}-periods-error`} message={fieldErrors?.periods} />
      </div>
      {preview && (
        <div aria-live="polite" className="space-y-1 text-sm">
          <p className="font-semibold text-slate-900">{t("renew.newExpiry", { date: formatDate(preview, locale) })}</p>
          {preview.getTime() < new Date(now).getTime() && <p className="text-red-800">{t("renew.stillExpired")}</p>}
        </div>
      )}
      {state && !state.ok && (
        <p role="alert" tabIndex={-1} className="rounded-md border border-red-200 bg-red-50 px-3 py-2 text-sm text-red-800">
          {state.error}
        </p>
      )}
      <ConfirmFooter question={t("renew.confirm")} onCancel={onCancel} pending={pending} tone="primary" />
    </form>
  );
}
