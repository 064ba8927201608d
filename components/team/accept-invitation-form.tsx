"use client";

import Link from "next/link";
import { useTranslations } from "next-intl";
import { useActionState } from "react";
import { keepValuesAndSubmit } from "@/components/actions/action-form";
import { FormAlert } from "@/components/forms/form-alert";
import { NewPasswordFields } from "@/components/forms/new-password-fields";
import { TextField } from "@/components/forms/text-field";
import { acceptInvite } from "@/lib/actions/invitation-actions";
import { PRIMARY_BUTTON } from "./button-styles";

/** The invitation link's form: the new user's name and password. */
export function AcceptInvitationForm({ token, email }: { token: string; email: string }) {
  const t = useTranslations("team.accept");
  const [state, formAction, pending] = useActionState(acceptInvite, null);
  const errors = state && !state.ok ? state.fieldErrors : undefined;
  if (state?.ok) {
    return (
      <div className="mt-6 space-y-4">
        <FormAlert kind="success">{t("done", { email: state.data.email })}</FormAlert>
        <Link href="/login" className={`block text-center ${PRIMARY_BUTTON}`}>
          {t("login")}
        </Link>
      </div>
    );
  }
  return (
    <form onSubmit={(event) => keepValuesAndSubmit(event, formAction)} noValidate className="mt-6 space-y-4">
      {state && !state.ok && (!errors || errors.token) && <FormAlert kind="error">{state.error}</FormAlert>}
      <input type="hidden" name="token" value={token} />
      <TextField id="invite-email" type="email" value={email} readOnly label={t("email")} />
      <TextField id="invite-name" name="name" autoComplete="name" maxLength={160} label={t("name")} error={errors?.name} />
      <NewPasswordFields
        idPrefix="invite"
        label={t("password")}
        hint={t("passwordHint")}
        confirmLabel={t("confirmPassword")}
        errors={errors}
      />
      <button type="submit" disabled={pending} className={`w-full ${PRIMARY_BUTTON}`}>
        {pending ? t("pending") : t("submit")}
      </button>
    </form>
  );
}
