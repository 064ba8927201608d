// A new password and its confirmation (fields `password` and `confirmPassword`), as the reset,
// invitation and Minha conta forms ask for them; each form gives its own labels.
import { PASSWORD_MAX } from "@/lib/validation/password";
import { TextField } from "./text-field";

export function NewPasswordFields({
  idPrefix,
  label,
  hint,
  confirmLabel,
  errors,
}: {
  idPrefix: string;
  label: string;
  hint: string;
  confirmLabel: string;
  errors?: Record<string, string[]>;
}) {
  return (
    <>
      <TextField
        id={`${idPrefix}-password`}
        name="password"
        type="password"
        autoComplete="new-password"
        maxLength={PASSWORD_MAX}
        label={label}
        hint={hint}
        error={errors?.password}
      />
      <TextField
        id={`${idPrefix}-confirm`}
        name="confirmPassword"
        type="password"
        autoComplete="new-password"
        maxLength={PASSWORD_MAX}
        label={confirmLabel}
        error={errors?.confirmPassword}
      />
    </>
  );
}
