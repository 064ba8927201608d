"use client";

// Desativar / Reativar a reason. Refused (with the reason why) for the last active one of its kind.
import { useTranslations } from "next-intl";
import { useActionState, useEffect, useRef } from "react";
import { setReasonActiveAction } from "@/lib/actions/reason-actions";

export function ReasonActiveToggle({ id, label, active }: { id: string; label: string; active: boolean }) {
  const t = useTranslations("settings.reasons");
  const [state, formAction, pending] = useActionState(setReasonActiveAction, null);
  const alertRef = useRef<HTMLParagraphElement>(null);
  useEffect(() => {
    if (state && !state.ok) alertRef.current?.focus();
  }, [state]);
  return (
    <form action={formAction} className="inline-flex flex-col items-end gap-1">
      <input type="hidden" name="id" value={id} />
      <input type="hidden" name="active" value={active ? "false" : "true"} />
      <button
        type="submit"
        disabled={pending}
        aria-label={t(active ? "deactivateLabel" : "activateLabel", { label })}
        className="rounded-md border border-slate-300 bg-white px-3 py-1.5 text-sm font-medium hover:bg-slate-50 disabled:opacity-60"
      >
        {t(active ? "deactivate" : "activate")}
      </button>
      {state && !state.ok && (
        <p ref={alertRef} role="alert" tabIndex={-1} className="max-w-xs text-right text-sm text-red-800">
          {state.error}
        </p>
      )}
    </form>
  );
}
