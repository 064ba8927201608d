"use client";

import { useRouter } from "next/navigation";
import { useTranslations } from "next-intl";
import { useActionState, useRef, useState, type ReactNode } from "react";
import { keepValuesAndSubmit } from "@/components/actions/action-form";
import { FormAlert } from "@/components/forms/form-alert";
import { useFocusFirstInvalid } from "@/components/ui/focus-first-invalid";
import { ModalDialog } from "@/components/ui/modal-dialog";
import type { ActionResult } from "@/lib/actions/define-action";
import type { FieldErrors } from "@/lib/errors";
import { PRIMARY_BUTTON, SECONDARY_BUTTON } from "./button-styles";

type DialogAction<T> = (previous: unknown, formData: FormData) => Promise<ActionResult<T>>;

type Props<T> = {
  trigger: { label: string; ariaLabel?: string; className: string };
  title: string;
  action: DialogAction<T>;
  hidden?: Record<string, string>;
  fields?: (errors: FieldErrors | undefined) => ReactNode;
  submit: { label: string; pendingLabel: string; className?: string };
  success: (data: T) => ReactNode;
};

/**
 * A button that opens Equipe's modal dialog with one form. After a success the dialog shows the
 * confirmation; closing it refreshes the page, and the next opening starts a fresh form.
 */
export function ActionDialog<T>(props: Props<T>) {
  const [open, setOpen] = useState(false);
  const [attempt, setAttempt] = useState(0);
  const [done, setDone] = useState(false);
  const router = useRouter();

  function onClosed() {
    setOpen(false);
    if (done) {
      setDone(false);
      setAttempt((value) => value + 1);
      router.refresh();
    }
  }

  return (
    <>
      <button
        type="button"
        onClick={() => setOpen(true)}
        aria-label={props.trigger.ariaLabel}
        className={props.trigger.className}
      >
        {props.trigger.label}
      </button>
      <ModalDialog open={open} title={props.title} onClose={onClosed}>
        <DialogForm key={attempt} {...props} onSuccess={() => setDone(true)} onCancel={() => setOpen(false)} />
      </ModalDialog>
    </>
  );
}

function DialogForm<T>({
  action,
  hidden,
  fields,
  submit,
  success,
  onSuccess,
  onCancel,
}: Props<T> & { onSuccess: () => void; onCancel: () => void }) {
  const t = useTranslations("team.invite");
  const [state, formAction, pending] = useActionState(async (previous: unknown, formData: FormData) => {
    const result = await action(previous, formData);
    if (result.ok) onSuccess();
    return result;
  }, null);
  const errors = state && !state.ok ? state.fieldErrors : undefined;
  const formRef = useRef<HTMLFormElement>(null);
  useFocusFirstInvalid(formRef, state);

  if (state?.ok) {
    return (
      <div className="space-y-4">
        {success(state.data)}
        <div className="flex justify-end">
          <button type="button" onClick={onCancel} className={PRIMARY_BUTTON}>
            {t("close")}
          </button>
        </div>
      </div>
    );
  }
  return (
    <form ref={formRef} onSubmit={(event) => keepValuesAndSubmit(event, formAction)} noValidate className="space-y-4">
      {state && !state.ok && (!errors || errors._form) && <FormAlert kind="error">{errors?._form?.[0] ?? state.error}</FormAlert>}
      {Object.entries(hidden ?? {}).map(([name, value]) => (
        <input key={name} type="hidden" name={name} value={value} />
      ))}
      {fields?.(errors)}
      <div className="flex justify-end gap-2">
        <button type="button" onClick={onCancel} className={SECONDARY_BUTTON}>
          {t("cancel")}
        </button>
        <button type="submit" disabled={pending} className={submit.className ?? PRIMARY_BUTTON}>
          {pending ? submit.pendingLabel : submit.label}
        </button>
      </div>
    </form>
  );
}
