"use client";

// The one modal dialog of the portal: a native <dialog> (the browser traps focus, Escape closes it,
// the page behind is inert), labelled by its title.
// Usage: <ModalDialog open={open} title="…" onClose={() => setOpen(false)}>…</ModalDialog>
// Focus goes back to what had it when the dialog opened (the button that opened it) when the dialog
// closes or is unmounted; when that element is gone by then, to `returnFocusTo()` if given. Inside,
// a form calls useFocusFirstInvalid (./focus-first-invalid) so a failed submit lands on the first
// invalid field, and marks its required fields with <RequiredMark /> (./required-mark).
import { useEffect, useId, useRef, type ReactNode } from "react";

export function ModalDialog({
  open,
  title,
  onClose,
  children,
  returnFocusTo,
}: {
  open: boolean;
  title: string;
  onClose: () => void;
  children: ReactNode;
  /** Where focus goes on closing when the element that opened the dialog no longer exists. */
  returnFocusTo?: () => HTMLElement | null | undefined;
}) {
  const ref = useRef<HTMLDialogElement>(null);
  const openerRef = useRef<HTMLElement | null>(null);
  const restorePending = useRef(false);
  const fallbackRef = useRef(returnFocusTo);
  const titleId = useId();

  useEffect(() => {
    fallbackRef.current = returnFocusTo;
  });

  useEffect(() => {
    const dialog = ref.current;
    if (!dialog) return;
    if (open && !dialog.open) {
      const active = document.activeElement;
      openerRef.current = active instanceof HTMLElement && active !== document.body ? active : null;
      restorePending.current = true;
      dialog.showModal();
    }
    if (!open && dialog.open) {
      dialog.close();
      restoreFocus();
    }
  }, [open]);

  // Unmounted while open (a dialog rendered only while needed): the browser would leave focus on <body>.
  useEffect(() => {
    return () => restoreFocus();
  }, []);

  function restoreFocus() {
    if (!restorePending.current) return;
    restorePending.current = false;
    const opener = openerRef.current;
    openerRef.current = null;
    const target = opener?.isConnected ? opener : fallbackRef.current?.();
    const dialog = ref.current;
    // After the browser's own close steps, which may move focus themselves; unless something
    // else took focus meanwhile (e.g. the first invalid field of the form behind the dialog).
    if (target)
      requestAnimationFrame(() => {
        const active = document.activeElement;
        if (!active || active === document.body || dialog?.contains(active)) target.focus();
      });
  }

  return (
    <dialog
      ref={ref}
      aria-labelledby={titleId}
      onClose={() => {
        onClose();
        restoreFocus();
      }}
      className="m-auto w-[calc(100%-1rem)] max-w-lg rounded-xl border border-slate-200 p-0 shadow-xl backdrop:bg-slate-900/40"
    >
      <div className="p-4 sm:p-6">
        <h2 id={titleId} className="text-lg font-semibold">
          {title}
        </h2>
        <div className="mt-3">{open && children}</div>
      </div>
    </dialog>
  );
}
