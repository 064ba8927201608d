"use client";

import { useTranslations } from "next-intl";
import { useActionState } from "react";
import { keepValuesAndSubmit } from "@/components/actions/action-form";
import { FormAlert } from "@/components/forms/form-alert";
import { NewPasswordFields } from "@/components/forms/new-password-fields";
import { TextField } from "@/components/forms/text-field";
import { changeOwnPassword } from "@/lib/actions/password-actions";
import { PASSWORD_MAX } from "@/lib/validation/password";
import { PRIMARY_BUTTON } from "@/components/team/button-styles";

/** Minha conta → Alterar senha. */
export function ChangePasswordForm() {
  const t = useTranslations("myAccount.password");
  const [state, formAction, pending] = useActionState(changeOwnPassword, null);
  const errors = state && !state.ok ? state.fieldErrors : undefined;
  return (
    <form onSubmit={(event) => keepValuesAndSubmit(event, formAction)} noValidate className="max-w-md space-y-4">
      {state?.ok && <FormAlert kind="success">{t("done")}</FormAlert>}
      {state && !state.ok && !errors && <FormAlert kind="error">{state.error}</FormAlert>}
      <TextField
        id="current-password"
        name="currentPassword"
        type="password"
        autoComplete="current-password"
        maxLength={PASSWORD_MAX}
        label={t("current")}
        error={errors?.currentPassword}
      />
      <NewPasswordFields idPrefix="new" label={t("new")} hint={t("hint")} confirmLabel={t("confirm")} errors={errors} />
      <button type="submit" disabled={pending} className={PRIMARY_BUTTON}>
        {pending ? t("pending") : t("submit")}
      </button>
    </form>
  );
}
