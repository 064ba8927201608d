"use client";

import { useTranslations } from "next-intl";
import { startTransition, useActionState, useRef, type FormEvent } from "react";
import { cancelSubscription, releaseSubscription, suspendSubscription } from "@/lib/actions/subscription-actions";
import { FieldError } from "@/components/ui/field-error";
import { useFocusFirstInvalid } from "@/components/ui/focus-first-invalid";
import type { ReasonOption } from "@/lib/data/reasons";
import type { StoredStatus } from "@/lib/domain/subscription-status";
import type { SubscriptionAction } from "@/lib/domain/subscription-transitions";
import { ConfirmFooter } from "./confirm-footer";
import { fieldClass, ReasonFields } from "./reason-fields";

const SERVER_ACTIONS = { SUSPEND: suspendSubscription, CANCEL: cancelSubscription, RELEASE: releaseSubscription } as const;

export type ActionFormProps = {
  action: SubscriptionAction;
  serialNumber: string;
  reasons: ReasonOption[];
  /** The paid period is over: releasing shows the article's ATENÇÃO first. */
  expiredOn: string | null;
  /** The confirmation and the serial's new stored status. */
  onDone: (message: string, to: StoredStatus) => void;
  onCancel: () => void;
};

/**
 * Dispatches the server action without React's automatic form reset, so a field error leaves
 * what the user chose and typed in place.
 */
export function keepValuesAndSubmit(event: FormEvent<HTMLFormElement>, submit: (formData: FormData) => void) {
  event.preventDefault();
  const formData = new FormData(event.currentTarget);
  startTransition(() => submit(formData));
}

/** The body of the Suspender / Cancelar / Liberar dialog, confirmed with "Sim". */
export function ActionForm({ action, serialNumber, reasons, expiredOn, onDone, onCancel }: ActionFormProps) {
  const t = useTranslations("actions");
  const key = action === "SUSPEND" ? "suspend" : action === "CANCEL" ? "cancel" : "release";
  const [state, submit, pending] = useActionState(async (previous: unknown, formData: FormData) => {
    const result = await SERVER_ACTIONS[action](previous, formData);
    if (result.ok) onDone(t(`${key}.done`, { serial: serialNumber }), result.data.to);
    return result;
  }, null);
  const fieldErrors = state && !state.ok ? state.fieldErrors : undefined;
  const idPrefix = `${key}-${serialNumber}`;
  const formRef = useRef<HTMLFormElement>(null);
  useFocusFirstInvalid(formRef, state);

  return (
    <form ref={formRef} onSubmit={(event) => keepValuesAndSubmit(event, submit)} noValidate className="space-y-4">
      <input type="hidden" name="serialNumber" value={serialNumber} />
      {action === "SUSPEND" && <p className="text-sm text-slate-700">{t("suspend.intro")}</p>}
      {action === "CANCEL" && (
        <div className="rounded-md border border-red-200 bg-red-50 p-3 text-sm text-red-950">
          <p className="font-semibold">{t("cancel.instructionsHeading")}</p>
          <p className="mt-1">{t("cancel.instructions")}</p>
        </div>
      )}
      {action === "RELEASE" && <p className="text-sm text-slate-700">{t("release.intro")}</p>}
      {action === "RELEASE" && expiredOn && (
        <div role="note" className="rounded-md border border-amber-300 bg-amber-50 p-3 text-sm text-amber-950">
          <p className="font-semibold">{t("release.attentionHeading")}</p>
          <p className="mt-1">{t("release.expiredOn", { date: expiredOn })}</p>
          <p className="mt-1">{t("release.attention")}</p>
        </div>
      )}
      {action !== "RELEASE" && <ReasonFields reasons={reasons} fieldErrors={fieldErrors} idPrefix={idPrefix} />}
      {action === "SUSPEND" && (
        <div>
          <label htmlFor={`${idPrefix}-until`} className="block text-sm font-medium text-slate-700">
            {t("suspend.untilLabel")}
          </label>
          <input
            id={`${idPrefix}-until`}
            name="suspendedUntil"
            type="date"
            className={fieldClass}
            aria-invalid={fieldErrors?.suspendedUntil ? true : undefined}
            aria-describedby={`${idPrefix}-until-hint${fieldErrors?.suspendedUntil ? ` ${idPrefix}-until-error` : ""}`}
          />
          <p id={`${idPrefix}-until-hint`} className="mt-1 text-xs text-slate-600">
            {t("suspend.untilHint")}
          </p>
          <FieldError id={`${idPrefix}-until-error`} message={fieldErrors?.suspendedUntil} />
        </div>
      )}
      {state && !state.ok && (
        <p role="alert" tabIndex={-1} className="rounded-md border border-red-200 bg-red-50 px-3 py-2 text-sm text-red-800">
          {state.error}
        </p>
      )}
      <ConfirmFooter
        question={t(`${key}.confirm`)}
        onCancel={onCancel}
        pending={pending}
        tone={action === "RELEASE" ? "primary" : "danger"}
      />
    </form>
  );
}
