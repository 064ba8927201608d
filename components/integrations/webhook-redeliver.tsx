"use client";

import { useTranslations } from "next-intl";
import { useActionState, useEffect, useId, useRef } from "react";
import { FieldError } from "@/components/ui/field-error";
import { redeliverFailedWebhookRange, redeliverWebhookDelivery } from "@/lib/actions/webhook-actions";

const BUTTON =
  "rounded-md border border-slate-300 bg-white px-3 py-1.5 text-sm font-medium hover:bg-slate-50 disabled:opacity-60";
const INPUT =
  "mt-1 block rounded-md border border-slate-300 px-3 py-2 text-sm shadow-sm focus:border-brand-600 focus:outline-none focus:ring-2 focus:ring-brand-600/30 aria-[invalid=true]:border-red-600";

/** "Reenviar" one delivery. */
export function RedeliverButton({ endpointId, deliveryId }: { endpointId: string; deliveryId: string }) {
  const t = useTranslations("webhooks.log");
  const [state, formAction, pending] = useActionState(redeliverWebhookDelivery, null);
  return (
    <form action={formAction} className="flex flex-wrap items-center gap-3">
      <input type="hidden" name="endpointId" value={endpointId} />
      <input type="hidden" name="deliveryId" value={deliveryId} />
      <button type="submit" disabled={pending} className={BUTTON}>
        {pending ? t("redelivering") : t("redeliver")}
      </button>
      {state?.ok && (
        <p role="status" className="text-sm text-green-800">
          {t("redelivered")}
        </p>
      )}
      {state && !state.ok && (
        <p role="alert" className="text-sm text-red-800">
          {state.error}
        </p>
      )}
    </form>
  );
}

/** "Reenviar falhas" of a period (whole days, São Paulo time). */
export function RedeliverRangeForm({ endpointId }: { endpointId: string }) {
  const t = useTranslations("webhooks.log");
  const [state, formAction, pending] = useActionState(redeliverFailedWebhookRange, null);
  const id = useId();
  const formRef = useRef<HTMLFormElement>(null);
  const errors = state && !state.ok ? state.fieldErrors : undefined;
  useEffect(() => {
    if (errors) formRef.current?.querySelector<HTMLElement>("[aria-invalid=true]")?.focus();
  }, [errors]);
  return (
    <form ref={formRef} action={formAction} noValidate className="rounded-md border border-slate-200 bg-white p-4">
      <h2 className="text-sm font-semibold">{t("rangeTitle")}</h2>
      <input type="hidden" name="endpointId" value={endpointId} />
      <div className="mt-2 flex flex-wrap items-end gap-3">
        {(["from", "to"] as const).map((field) => (
          <div key={field}>
            <label htmlFor={`${id}-${field}`} className="block text-sm text-slate-700">
              {t(field)}
            </label>
            <input
              id={`${id}-${field}`}
              name={field}
              type="date"
              aria-invalid={errors?.[field] ? true : undefined}
              aria-describedby={errors?.[field] ? `${id}-${field}-error` : undefined}
              className={INPUT}
            />
            <FieldError id={`${id}-${field}-error`} message={errors?.[field]} />
          </div>
        ))}
        <button type="submit" disabled={pending} className={BUTTON}>
          {pending ? t("redelivering") : t("rangeSubmit")}
        </button>
      </div>
      {state?.ok && (
        <p role="status" className="mt-2 text-sm text-green-800">
          {t("rangeDone", { count: state.data.count })}
        </p>
      )}
      {state && !state.ok && !errors && (
        <p role="alert" className="mt-2 text-sm text-red-800">
          {state.error}
        </p>
      )}
    </form>
  );
}
