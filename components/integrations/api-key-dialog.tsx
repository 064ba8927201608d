"use client";

import { useRouter } from "next/navigation";
import { useTranslations } from "next-intl";
import { useActionState, useEffect, useId, useRef, useState } from "react";
import { FieldError } from "@/components/ui/field-error";
import { ModalDialog } from "@/components/ui/modal-dialog";
import { createApiKeyAction } from "@/lib/actions/api-key-actions";
import { API_KEY_SCOPES } from "@/lib/domain/api-keys";
import { API_KEY_NAME_MAX } from "@/lib/validation/api-keys";
import { SecretReveal } from "./secret-reveal";

const INPUT =
  "mt-1 block w-full rounded-md border border-slate-300 px-3 py-2 text-sm shadow-sm focus:border-brand-600 focus:outline-none focus:ring-2 focus:ring-brand-600/30 aria-[invalid=true]:border-red-600";
const PRIMARY = "rounded-md bg-brand-700 px-4 py-2 text-sm font-semibold text-white hover:bg-brand-800 disabled:opacity-60";
const SECONDARY = "rounded-md border border-slate-300 bg-white px-4 py-2 text-sm font-medium hover:bg-slate-50";

/** "Nova chave de API": name and scopes, then the key, shown once. */
export function ApiKeyDialog() {
  const t = useTranslations("webhooks.apiKeys");
  const router = useRouter();
  const [open, setOpen] = useState(false);
  function close(changed: boolean) {
    setOpen(false);
    if (changed) router.refresh();
  }
  return (
    <>
      <button type="button" onClick={() => setOpen(true)} className={PRIMARY}>
        {t("add")}
      </button>
      <ModalDialog open={open} title={t("createTitle")} onClose={() => close(false)}>
        {/* Rendered only while open: each opening starts from a fresh form, and the key is gone once closed. */}
        <ApiKeyForm onDone={close} />
      </ModalDialog>
    </>
  );
}

function ApiKeyForm({ onDone }: { onDone: (changed: boolean) => void }) {
  const t = useTranslations("webhooks.apiKeys");
  const [state, formAction, pending] = useActionState(createApiKeyAction, null);
  const id = useId();
  const formRef = useRef<HTMLFormElement>(null);
  const errors = state && !state.ok ? state.fieldErrors : undefined;
  const formError = state && !state.ok && !errors ? state.error : null;

  // A failed submit sends focus to the first invalid field.
  useEffect(() => {
    if (errors) formRef.current?.querySelector<HTMLElement>("[aria-invalid=true]")?.focus();
  }, [errors]);

  if (state?.ok) {
    return (
      <div className="space-y-4">
        <SecretReveal secret={state.data.key} title={t("keyTitle")} notice={t("keyOnce")} />
        <div className="flex justify-end">
          <button type="button" onClick={() => onDone(true)} className={PRIMARY}>
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
      <div>
        <label htmlFor={`${id}-name`} className="block text-sm font-medium text-slate-700">
          {t("name")}
        </label>
        <input
          id={`${id}-name`}
          name="name"
          maxLength={API_KEY_NAME_MAX}
          aria-required
          aria-invalid={errors?.name ? true : undefined}
          aria-describedby={`${id}-name-hint${errors?.name ? ` ${id}-name-error` : ""}`}
          className={INPUT}
        />
        <p id={`${id}-name-hint`} className="mt-1 text-xs text-slate-600">
          {t("nameHint")}
        </p>
        <FieldError id={`${id}-name-error`} message={errors?.name} />
      </div>
      <fieldset aria-describedby={errors?.scopes ? `${id}-scopes-error` : undefined}>
        <legend className="text-sm font-medium text-slate-700">{t("scopes")}</legend>
        <div className="mt-2 space-y-2">
          {API_KEY_SCOPES.map((scope, index) => (
            <label key={scope} className="flex items-start gap-2 text-sm">
              <input
                type="checkbox"
                name="scopes"
                value={scope}
                defaultChecked
                aria-invalid={errors?.scopes && index === 0 ? true : undefined}
                className="mt-0.5"
              />
              <span>{t(`scope.${scope}`)}</span>
            </label>
          ))}
        </div>
        <FieldError id={`${id}-scopes-error`} message={errors?.scopes} />
      </fieldset>
      <div className="flex justify-end gap-2">
        <button type="button" onClick={() => onDone(false)} className={SECONDARY}>
          {t("cancel")}
        </button>
        <button type="submit" disabled={pending} className={PRIMARY}>
          {pending ? t("creating") : t("create")}
        </button>
      </div>
    </form>
  );
}
