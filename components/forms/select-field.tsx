import { FieldError } from "@/components/ui/field-error";
import { RequiredMark } from "@/components/ui/required-mark";
import { FIELD_CLASS } from "./text-field";

/** A labelled, required select with a placeholder option and its field error (as TextField). */
export function SelectField({
  id,
  name,
  label,
  placeholder,
  options,
  error,
  defaultValue = "",
}: {
  id: string;
  name: string;
  label: string;
  placeholder?: string;
  options: readonly { value: string; label: string }[];
  error?: string | string[];
  defaultValue?: string;
}) {
  return (
    <div>
      <label htmlFor={id} className="block text-sm font-medium text-slate-700">
        {label} <RequiredMark />
      </label>
      <select
        id={id}
        name={name}
        defaultValue={defaultValue}
        aria-required
        aria-invalid={error ? true : undefined}
        aria-describedby={error ? `${id}-error` : undefined}
        className={FIELD_CLASS}
      >
        {placeholder !== undefined && <option value="">{placeholder}</option>}
        {options.map((option) => (
          <option key={option.value} value={option.value}>
            {option.label}
          </option>
        ))}
      </select>
      <FieldError id={`${id}-error`} message={error} />
    </div>
  );
}
