"use client";

// A button that opens a ModalDialog (its body is rendered only while open, so each opening starts
// from a fresh form state). The body gets close(changed): closing after a change refreshes the page.
// Usage: <DialogLauncher label="Editar" title="Editar motivo">{(close) => <Form onDone={close} />}</DialogLauncher>
import { useRouter } from "next/navigation";
import { useState, type ReactNode } from "react";
import { ModalDialog } from "./modal-dialog";

export const BUTTON_SECONDARY =
  "rounded-md border border-slate-300 bg-white px-3 py-1.5 text-sm font-medium hover:bg-slate-50 disabled:opacity-60";
export const BUTTON_PRIMARY =
  "rounded-md bg-brand-700 px-4 py-2 text-sm font-semibold text-white hover:bg-brand-800 disabled:opacity-60";

export function DialogLauncher({
  label,
  title,
  ariaLabel,
  className = BUTTON_SECONDARY,
  children,
}: {
  label: string;
  title: string;
  /** A longer accessible name, e.g. which row the button acts on. */
  ariaLabel?: string;
  className?: string;
  children: (close: (changed: boolean) => void) => ReactNode;
}) {
  const router = useRouter();
  const [open, setOpen] = useState(false);
  const close = (changed: boolean) => {
    setOpen(false);
    if (changed) router.refresh();
  };
  return (
    <>
      <button type="button" onClick={() => setOpen(true)} aria-label={ariaLabel} className={className}>
        {label}
      </button>
      <ModalDialog open={open} title={title} onClose={() => close(false)}>
        {children(close)}
      </ModalDialog>
    </>
  );
}

/** A dialog form's Cancelar / submit pair, right-aligned. */
export function DialogButtons({
  cancelLabel,
  onCancel,
  submitLabel,
  pending,
  pendingLabel,
  submitClassName = BUTTON_PRIMARY,
}: {
  cancelLabel: string;
  onCancel: () => void;
  submitLabel: string;
  pending: boolean;
  pendingLabel: string;
  submitClassName?: string;
}) {
  return (
    <div className="flex justify-end gap-2">
      <button type="button" onClick={onCancel} className={BUTTON_SECONDARY}>
        {cancelLabel}
      </button>
      <button type="submit" disabled={pending} className={submitClassName}>
        {pending ? pendingLabel : submitLabel}
      </button>
    </div>
  );
}

/** The failure of a dialog's action, announced. */
export function ActionError({ state }: { state: { ok: boolean; error?: string } | null }) {
  if (!state || state.ok) return null;
  return (
    <p role="alert" className="rounded-md border border-red-200 bg-red-50 px-3 py-2 text-sm text-red-800">
      {state.error}
    </p>
  );
}
