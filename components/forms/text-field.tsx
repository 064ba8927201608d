import type { InputHTMLAttributes } from "react";
import { FieldError } from "@/components/ui/field-error";
import { RequiredMark } from "@/components/ui/required-mark";

export const FIELD_CLASS =
  "mt-1 block w-full rounded-md border border-slate-300 bg-white px-3 py-2 text-sm shadow-sm focus:border-brand-600 focus:outline-none focus:ring-2 focus:ring-brand-600/30 aria-[invalid=true]:border-red-600";

/**
 * A labelled input with an optional hint and its field error, wired with aria-describedby;
 * `requiredMark` shows "(obrigatório)" and sets aria-required.
 */
export function TextField({
  id,
  label,
  hint,
  error,
  requiredMark,
  ...input
}: {
  id: string;
  label: string;
  hint?: string;
  error?: string | string[];
  requiredMark?: boolean;
} & InputHTMLAttributes<HTMLInputElement>) {
  const describedBy = [hint ? `${id}-hint` : null, error ? `${id}-error` : null].filter(Boolean).join(" ");
  return (
    <div>
      <label htmlFor={id} className="block text-sm font-medium text-slate-700">
        {label} {requiredMark && <RequiredMark />}
      </label>
      <input
        id={id}
        aria-required={requiredMark || undefined}
        aria-invalid={error ? true : undefined}
        aria-describedby={describedBy || undefined}
        className={FIELD_CLASS}
        {...input}
      />
      {hint && (
        <p id={`${id}-hint`} className="mt-1 text-xs text-slate-600">
          {hint}
        </p>
      )}
      <FieldError id={`${id}-error`} message={error} />
    </div>
  );
}
