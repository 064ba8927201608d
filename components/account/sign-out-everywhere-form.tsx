"use client";

import { signOut } from "next-auth/react";
import { useTranslations } from "next-intl";
import { useActionState } from "react";
import { FormAlert } from "@/components/forms/form-alert";
import { signOutEverywhere } from "@/lib/actions/password-actions";
import { SECONDARY_BUTTON } from "@/components/team/button-styles";

/** Minha conta → Sair de todos os dispositivos: every session ends on the server, then this browser signs out. */
export function SignOutEverywhereForm() {
  const t = useTranslations("myAccount.sessions");
  const [state, formAction, pending] = useActionState(async (previous: unknown, formData: FormData) => {
    const result = await signOutEverywhere(previous, formData);
    if (result.ok) await signOut({ callbackUrl: "/login" });
    return result;
  }, null);
  return (
    <form action={formAction} className="space-y-3">
      <p className="text-sm text-slate-700">{t("body")}</p>
      {state && !state.ok && <FormAlert kind="error">{state.error}</FormAlert>}
      <button type="submit" disabled={pending} className={SECONDARY_BUTTON}>
        {pending ? t("pending") : t("submit")}
      </button>
    </form>
  );
}
