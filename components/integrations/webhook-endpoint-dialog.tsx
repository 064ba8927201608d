"use client";

import { useTranslations } from "next-intl";
import { useActionState, useEffect, useId, useRef } from "react";
import { FieldError } from "@/components/ui/field-error";
import { BUTTON_PRIMARY, BUTTON_SECONDARY, DialogButtons, DialogLauncher } from "@/components/ui/dialog-launcher";
import { createWebhook, updateWebhook } from "@/lib/actions/webhook-actions";
import { WEBHOOK_EVENT_TYPES } from "@/lib/domain/webhook-events";
import { WEBHOOK_URL_MAX } from "@/lib/validation/webhooks";
import { SecretReveal } from "./secret-reveal";

type Endpoint = { id: string; url: string; eventTypes: string[]; enabled: boolean };

const INPUT =
  "mt-1 block w-full rounded-md border border-slate-300 px-3 py-2 text-sm shadow-sm focus:border-brand-600 focus:outline-none focus:ring-2 focus:ring-brand-600/30 aria-[invalid=true]:border-red-600";

/** "Novo endpoint" (then its secret, once) or "Editar": URL, event types, enabled. */
export function WebhookEndpointDialog({ endpoint, allowLocal }: { endpoint?: Endpoint; allowLocal: boolean }) {
  const t = useTranslations("webhooks");
  return (
    <DialogLauncher
      label={endpoint ? t("edit") : t("add")}
      title={endpoint ? t("editTitle") : t("createTitle")}
      className={endpoint ? BUTTON_SECONDARY : BUTTON_PRIMARY}
    >
      {(close) => <EndpointForm endpoint={endpoint} allowLocal={allowLocal} onDone={close} />}
    </DialogLauncher>
  );
}

function EndpointForm({
  endpoint,
  allowLocal,
  onDone,
}: {
  endpoint?: Endpoint;
  allowLocal: boolean;
  onDone: (changed: boolean) => void;
}) {
  const t = useTranslations("webhooks");
  const [state, formAction, pending] = useActionState(endpoint ? updateWebhook : createWebhook, null);
  const id = useId();
  const formRef = useRef<HTMLFormElement>(null);
  const errors = state && !state.ok ? state.fieldErrors : undefined;
  const formError = state && !state.ok && !errors ? state.error : null;
  const created = state?.ok ? (state.data as { secret?: string }) : null;
  const createdSecret = created?.secret ?? null;

  // A failed submit sends focus to the first invalid field.
  useEffect(() => {
    if (errors) formRef.current?.querySelector<HTMLElement>("[aria-invalid=true]")?.focus();
  }, [errors]);
  useEffect(() => {
    if (state?.ok && endpoint) onDone(true);
  }, [state, endpoint, onDone]);

  const selected = endpoint?.eventTypes ?? WEBHOOK_EVENT_TYPES.filter((type) => type !== "account.changed");
  if (createdSecret) {
    return (
      <div className="space-y-4">
        <SecretReveal secret={createdSecret} />
        <div className="flex justify-end">
          <button
            type="button"
            onClick={() => onDone(true)}
            className="rounded-md bg-brand-700 px-4 py-2 text-sm font-semibold text-white hover:bg-brand-800"
          >
            {t("close")}
          </button>
        </div>
      </div>
    );
  }
  return (
    <form ref={formRef} action={formAction} noValidate className="space-y-4">
      {formError && (
        <p role="alert" className="rounded-md border border-red-200 bg-red-50 px-3 py-2 text-sm text-red-800">
          {formError}
        </p>
      )}
      {endpoint && <input type="hidden" name="id" value={endpoint.id} />}
      <div>
        <label htmlFor={`${id}-url`} className="block text-sm font-medium text-slate-700">
          {t("url")}
        </label>
        <input
          id={`${id}-url`}
          name="url"
          type="url"
          inputMode="url"
          maxLength={WEBHOOK_URL_MAX}
          defaultValue={endpoint?.url ?? ""}
          placeholder="https://"
          aria-required
          aria-invalid={errors?.url ? true : undefined}
          aria-describedby={`${id}-url-hint${errors?.url ? ` ${id}-url-error` : ""}`}
          className={INPUT}
        />
        <p id={`${id}-url-hint`} className="mt-1 text-xs text-slate-600">
          {allowLocal ? t("urlHintLocal") : t("urlHint")}
        </p>
        <FieldError id={`${id}-url-error`} message={errors?.url} />
      </div>
      <fieldset aria-describedby={errors?.eventTypes ? `${id}-events-error` : undefined}>
        <legend className="text-sm font-medium text-slate-700">{t("events")}</legend>
        <div className="mt-2 grid gap-2 sm:grid-cols-2">
          {WEBHOOK_EVENT_TYPES.map((type, index) => (
            <label key={type} className="flex items-start gap-2 text-sm">
              <input
                type="checkbox"
                name="eventTypes"
                value={type}
                defaultChecked={selected.includes(type)}
                aria-invalid={errors?.eventTypes && index === 0 ? true : undefined}
                className="mt-0.5"
              />
              <span>
                {t(`eventType.${type}`)} <code className="text-xs text-slate-500">{type}</code>
              </span>
            </label>
          ))}
        </div>
        <FieldError id={`${id}-events-error`} message={errors?.eventTypes} />
      </fieldset>
      <label className="flex items-center gap-2 text-sm font-medium text-slate-700">
        <input type="checkbox" name="enabled" defaultChecked={endpoint?.enabled ?? true} />
        {t("enabled")}
      </label>
      <DialogButtons
        cancelLabel={t("cancel")}
        onCancel={() => onDone(false)}
        submitLabel={t("save")}
        pending={pending}
        pendingLabel={t("saving")}
      />
    </form>
  );
}
