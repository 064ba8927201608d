"use client";

// "Novo motivo" or a reason's "Editar": its kind (only when created), the label in Portuguese and
// in English, and whether Suspender/Cancelar then asks for a description.
import { useTranslations } from "next-intl";
import { useActionState, useEffect, useId, useRef } from "react";
import { TextField } from "@/components/forms/text-field";
import { FieldError } from "@/components/ui/field-error";
import { useFocusFirstInvalid } from "@/components/ui/focus-first-invalid";
import { BUTTON_PRIMARY, BUTTON_SECONDARY, DialogButtons, DialogLauncher } from "@/components/ui/dialog-launcher";
import { RequiredMark } from "@/components/ui/required-mark";
import { createReasonAction, updateReasonAction } from "@/lib/actions/reason-actions";
import { REASON_KINDS, REASON_LABEL_MAX, type ReasonKind } from "@/lib/validation/reason";

export type EditableReason = {
  id: string;
  kind: ReasonKind;
  label: string;
  labelEn: string | null;
  requiresDescription: boolean;
};

export function ReasonDialog({ reason, kind }: { reason?: EditableReason; kind?: ReasonKind }) {
  const t = useTranslations("settings.reasons");
  return (
    <DialogLauncher
      label={reason ? t("edit") : t("add")}
      ariaLabel={reason ? t("editLabel", { label: reason.label }) : undefined}
      title={reason ? t("editTitle") : t("createTitle")}
      className={reason ? BUTTON_SECONDARY : BUTTON_PRIMARY}
    >
      {(close) => <ReasonForm reason={reason} kind={kind} onDone={close} />}
    </DialogLauncher>
  );
}

function ReasonForm({
  reason,
  kind,
  onDone,
}: {
  reason?: EditableReason;
  kind?: ReasonKind;
  onDone: (changed: boolean) => void;
}) {
  const t = useTranslations("settings.reasons");
  const [state, formAction, pending] = useActionState(reason ? updateReasonAction : createReasonAction, null);
  const id = useId();
  const formRef = useRef<HTMLFormElement>(null);
  const errors = state && !state.ok ? state.fieldErrors : undefined;
  useFocusFirstInvalid(formRef, state);
  useEffect(() => {
    if (state?.ok) onDone(true);
  }, [state, onDone]);

  return (
    <form ref={formRef} action={formAction} noValidate className="space-y-4">
      {state && !state.ok && !errors && (
        <p role="alert" tabIndex={-1} className="rounded-md border border-red-200 bg-red-50 px-3 py-2 text-sm text-red-800">
          {state.error}
        </p>
      )}
      {reason ? (
        <input type="hidden" name="id" value={reason.id} />
      ) : (
        <div>
          <label htmlFor={`${id}-kind`} className="block text-sm font-medium text-slate-700">
            {t("kind")} <RequiredMark />
          </label>
          <select
            id={`${id}-kind`}
            name="kind"
            defaultValue={kind ?? "SUSPENSAO"}
            aria-required
            aria-invalid={errors?.kind ? true : undefined}
            aria-describedby={errors?.kind ? `${id}-kind-error` : undefined}
            className="mt-1 block w-full rounded-md border border-slate-300 px-3 py-2 text-sm shadow-sm focus:border-brand-600 focus:outline-none focus:ring-2 focus:ring-brand-600/30"
          >
            {REASON_KINDS.map((value) => (
              <option key={value} value={value}>
                {t(`kindName.${value}`)}
              </option>
            ))}
          </select>
          <FieldError id={`${id}-kind-error`} message={errors?.kind} />
        </div>
      )}
      <TextField
        id={`${id}-label`}
        name="label"
        label={t("label")}
        requiredMark
        hint={t("labelHint")}
        maxLength={REASON_LABEL_MAX}
        defaultValue={reason?.label ?? ""}
        error={errors?.label}
      />
      <TextField
        id={`${id}-labelEn`}
        name="labelEn"
        lang="en"
        label={t("labelEn")}
        hint={t("labelEnHint")}
        maxLength={REASON_LABEL_MAX}
        defaultValue={reason?.labelEn ?? ""}
        error={errors?.labelEn}
      />
      <label className="flex items-start gap-2 text-sm text-slate-700">
        <input
          type="checkbox"
          name="requiresDescription"
          defaultChecked={reason?.requiresDescription ?? false}
          className="mt-0.5"
        />
        <span>
          <span className="font-medium">{t("requiresDescription")}</span>
          <span className="block text-xs text-slate-600">{t("requiresDescriptionHint")}</span>
        </span>
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
