"use client";

import Link from "next/link";
import { useTranslations } from "next-intl";
import { useActionState } from "react";
import { keepValuesAndSubmit } from "@/components/actions/action-form";
import { FormAlert } from "@/components/forms/form-alert";
import { TextField } from "@/components/forms/text-field";
import { PRIMARY_BUTTON } from "@/components/team/button-styles";
import { requestPasswordReset } from "@/lib/actions/password-actions";

/** Esqueci minha senha: the answer is the same whether the e-mail exists or not. */
export function ForgotPasswordForm() {
  const t = useTranslations("myAccount.forgot");
  const [state, formAction, pending] = useActionState(requestPasswordReset, null);
  const errors = state && !state.ok ? state.fieldErrors : undefined;
  return (
    <form onSubmit={(event) => keepValuesAndSubmit(event, formAction)} noValidate className="mt-6 space-y-4">
      {state?.ok ? <FormAlert kind="success">{t("sent")}</FormAlert> : <p className="text-sm text-slate-600">{t("intro")}</p>}
      {state && !state.ok && !errors && <FormAlert kind="error">{state.error}</FormAlert>}
      <TextField id="forgot-email" name="email" type="email" autoComplete="username" label={t("email")} error={errors?.email} />
      <button type="submit" disabled={pending} className={`w-full ${PRIMARY_BUTTON}`}>
        {pending ? t("pending") : t("submit")}
      </button>
      <p className="text-center text-sm">
        <Link href="/login" className="text-brand-700 underline">
          {t("back")}
        </Link>
      </p>
    </form>
  );
}
