"use client";

import { useTranslations } from "next-intl";
import { useId } from "react";
import { FormAlert } from "@/components/forms/form-alert";
import { TextField } from "@/components/forms/text-field";
import { inviteUser } from "@/lib/actions/team-actions";
import { formatDate } from "@/lib/format";
import { ActionDialog } from "./action-dialog";
import { PRIMARY_BUTTON } from "./button-styles";
import { ProfileCheckboxes } from "./profile-checkboxes";

/** Equipe → Convidar usuário: e-mail and profiles. */
export function InviteDialog() {
  const t = useTranslations("team.invite");
  const id = useId();
  return (
    <ActionDialog
      trigger={{ label: t("button"), className: PRIMARY_BUTTON }}
      title={t("title")}
      action={inviteUser}
      fields={(errors) => (
        <>
          <p className="text-sm text-slate-700">{t("intro")}</p>
          <TextField id={`${id}-email`} name="email" type="email" autoComplete="off" label={t("email")} error={errors?.email} />
          <ProfileCheckboxes id={`${id}-profiles`} legend={t("profiles")} hint={t("profilesHint")} error={errors?.profiles} />
        </>
      )}
      submit={{ label: t("submit"), pendingLabel: t("pending") }}
      success={(data) => (
        <>
          <FormAlert kind="success">
            {data.kind === "added"
              ? t("added", { email: data.email })
              : t("invited", { email: data.email, date: formatDate(new Date(data.expiresAt!)) })}
          </FormAlert>
          {!data.mailSent && <FormAlert kind="error">{t("mailFailed")}</FormAlert>}
        </>
      )}
    />
  );
}
