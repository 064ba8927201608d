"use client";

import { useRouter } from "next/navigation";
import { useState, type ReactNode } from "react";
import { ModalDialog } from "./modal-dialog";

const SECONDARY =
  "rounded-md border border-slate-300 bg-white px-3 py-1.5 text-sm font-medium hover:bg-slate-50 disabled:opacity-60";

/** A button that opens a confirmation dialog; the dialog's body owns the action's state. */
export function ConfirmDialog({
  label,
  accessibleLabel,
  title,
  children,
}: {
  label: string;
  /** When the visible label alone is ambiguous on the page (e.g. "Revogar" next to each key). */
  accessibleLabel?: string;
  title: string;
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
      <button type="button" onClick={() => setOpen(true)} className={SECONDARY} aria-label={accessibleLabel}>
        {label}
      </button>
      <ModalDialog open={open} title={title} onClose={() => close(false)}>
        {children(close)}
      </ModalDialog>
    </>
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
