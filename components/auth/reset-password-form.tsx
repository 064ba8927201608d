"use client";

import Link from "next/link";
import { useTranslations } from "next-intl";
import { useActionState } from "react";
import { keepValuesAndSubmit } from "@/components/actions/action-form";
import { FormAlert } from "@/components/forms/form-alert";
import { NewPasswordFields } from "@/components/forms/new-password-fields";
import { PRIMARY_BUTTON } from "@/components/team/button-styles";
import { resetForgottenPassword } from "@/lib/actions/password-actions";

/** The password reset link's form: the new password, twice. */
export function ResetPasswordForm({ token }: { token: string }) {
  const t = useTranslations("myAccount.reset");
  const [state, formAction, pending] = useActionState(resetForgottenPassword, null);
  const errors = state && !state.ok ? state.fieldErrors : undefined;
  if (state?.ok) {
    return (
      <div className="mt-6 space-y-4">
        <FormAlert kind="success">{t("done")}</FormAlert>
        <Link href="/login" className={`block text-center ${PRIMARY_BUTTON}`}>
          {t("login")}
        </Link>
      </div>
    );
  }
  return (
    <form onSubmit={(event) => keepValuesAndSubmit(event, formAction)} noValidate className="mt-6 space-y-4">
      <p className="text-sm text-slate-600">{t("intro")}</p>
      {state && !state.ok && (!errors || errors.token) && <FormAlert kind="error">{state.error}</FormAlert>}
      <input type="hidden" name="token" value={token} />
      <NewPasswordFields idPrefix="reset" label={t("password")} hint={t("hint")} confirmLabel={t("confirm")} errors={errors} />
      <button type="submit" disabled={pending} className={`w-full ${PRIMARY_BUTTON}`}>
        {pending ? t("pending") : t("submit")}
      </button>
    </form>
  );
}
