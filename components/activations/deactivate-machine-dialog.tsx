"use client";

import { useRouter } from "next/navigation";
import { useTranslations } from "next-intl";
import { useActionState, useId, useRef, useState } from "react";
import { deactivateMachine } from "@/lib/actions/deactivate-machine";
import { FieldError } from "@/components/ui/field-error";
import { useFocusFirstInvalid } from "@/components/ui/focus-first-invalid";
import { RequiredMark } from "@/components/ui/required-mark";
import { ModalDialog } from "@/components/ui/modal-dialog";
import { DEACTIVATION_NOTE_MAX } from "@/lib/validation/license-deactivation";

type Props = { serialNumber: string; activation: { id: string; machineName: string } };

/** Ativações tab: the Fabricante frees the serial's current computer, with a reason, confirmed with "Sim". */
export function DeactivateMachineDialog({ serialNumber, activation }: Props) {
  const t = useTranslations("activations.deactivate");
  const router = useRouter();
  const [open, setOpen] = useState(false);
  const [note, setNote] = useState("");
  const [state, formAction, pending] = useActionState(deactivateMachine, null);
  const id = useId();
  const noteError = state && !state.ok ? state.fieldErrors?.note : undefined;
  const formError = state && !state.ok && !noteError ? state.error : null;
  const formRef = useRef<HTMLFormElement>(null);
  useFocusFirstInvalid(formRef, state);

  // The page is refreshed only once the user has read the confirmation: the refreshed page no
  // longer shows this computer as active, so it no longer renders this dialog.
  function onClosed() {
    setOpen(false);
    if (state?.ok) router.refresh();
  }

  return (
    <>
      <button
        type="button"
        onClick={() => setOpen(true)}
        className="rounded-md border border-red-300 bg-white px-3 py-1.5 text-sm font-medium text-red-800 hover:bg-red-50"
      >
        {t("button")}
      </button>
      <ModalDialog open={open} title={t("title")} onClose={onClosed}>
        {state?.ok ? (
          <div className="space-y-4">
            <p role="status" className="rounded-md border border-green-200 bg-green-50 px-3 py-2 text-sm text-green-900">
              {t("success", { machineName: state.data.machineName })}
            </p>
            <div className="flex justify-end">
              <button
                type="button"
                onClick={() => setOpen(false)}
                className="rounded-md bg-brand-700 px-4 py-2 text-sm font-semibold text-white hover:bg-brand-800"
              >
                {t("close")}
              </button>
            </div>
          </div>
        ) : (
          <form ref={formRef} action={formAction} noValidate className="space-y-4">
            <p className="text-sm text-slate-700">{t("intro", { machineName: activation.machineName })}</p>
            {formError && (
              <p role="alert" tabIndex={-1} className="rounded-md border border-red-200 bg-red-50 px-3 py-2 text-sm text-red-800">
                {formError}
              </p>
            )}
            <input type="hidden" name="serialNumber" value={serialNumber} />
            <input type="hidden" name="activationId" value={activation.id} />
            <div>
              <label htmlFor={`${id}-note`} className="block text-sm font-medium text-slate-700">
                {t("noteLabel")} <RequiredMark />
              </label>
              <textarea
                id={`${id}-note`}
                name="note"
                rows={3}
                value={note}
                onChange={(event) => setNote(event.target.value)}
                maxLength={DEACTIVATION_NOTE_MAX}
                aria-required
                aria-invalid={noteError ? true : undefined}
                aria-describedby={`${id}-hint${noteError ? ` ${id}-error` : ""}`}
                className="mt-1 block w-full rounded-md border border-slate-300 px-3 py-2 text-sm shadow-sm focus:border-brand-600 focus:outline-none focus:ring-2 focus:ring-brand-600/30 aria-[invalid=true]:border-red-600"
              />
              <p id={`${id}-hint`} className="mt-1 text-xs text-slate-600">
                {t("noteHint")}
              </p>
              <FieldError id={`${id}-error`} message={noteError} />
            </div>
            <div className="flex justify-end gap-2">
              <button
                type="button"
                onClick={() => setOpen(false)}
                className="rounded-md border border-slate-300 bg-white px-4 py-2 text-sm font-medium hover:bg-slate-50"
              >
                {t("cancel")}
              </button>
              <button
                type="submit"
                disabled={pending}
                className="rounded-md bg-red-700 px-4 py-2 text-sm font-semibold text-white hover:bg-red-800 disabled:opacity-60"
              >
                {pending ? t("pending") : t("confirm")}
              </button>
            </div>
          </form>
        )}
      </ModalDialog>
    </>
  );
}
