"use client";

import { useTranslations } from "next-intl";
import { FieldError } from "@/components/ui/field-error";
import { PROFILES, type Profile } from "@/lib/domain/permissions";

/** The profiles of an invitation or a member, as a group of checkboxes named "profiles". */
export function ProfileCheckboxes({
  id,
  legend,
  hint,
  initial = [],
  error,
}: {
  id: string;
  legend: string;
  hint: string;
  initial?: readonly Profile[];
  error?: string | string[];
}) {
  const t = useTranslations("common.profile");
  return (
    <fieldset aria-describedby={`${id}-hint${error ? ` ${id}-error` : ""}`}>
      <legend className="text-sm font-medium text-slate-700">{legend}</legend>
      <div className="mt-2 grid grid-cols-1 gap-2 sm:grid-cols-2">
        {PROFILES.map((profile) => (
          <label key={profile} className="flex items-center gap-2 text-sm">
            <input
              type="checkbox"
              name="profiles"
              value={profile}
              defaultChecked={initial.includes(profile)}
              aria-invalid={error ? true : undefined}
              className="h-4 w-4"
            />
            {t(profile)}
          </label>
        ))}
      </div>
      <p id={`${id}-hint`} className="mt-1 text-xs text-slate-600">
        {hint}
      </p>
      <FieldError id={`${id}-error`} message={error} />
    </fieldset>
  );
}
