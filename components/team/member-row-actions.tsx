"use client";

import { useTranslations } from "next-intl";
import { useId } from "react";
import { FormAlert } from "@/components/forms/form-alert";
import { removeTeamMember, resendInvite, revokeInvite, saveMemberProfiles } from "@/lib/actions/team-actions";
import type { Profile } from "@/lib/domain/permissions";
import { formatDate } from "@/lib/format";
import { ActionDialog } from "./action-dialog";
import { DANGER_BUTTON, ROW_BUTTON } from "./button-styles";
import { ProfileCheckboxes } from "./profile-checkboxes";

/** Editar perfis and Remover for one member of the account. */
export function MemberRowActions({ member }: { member: { id: string; name: string; profiles: Profile[] } }) {
  const t = useTranslations("team");
  const id = useId();
  return (
    <div className="flex flex-wrap gap-2">
      <ActionDialog
        trigger={{
          label: t("profilesDialog.button"),
          ariaLabel: t("profilesDialog.buttonLabel", { name: member.name }),
          className: ROW_BUTTON,
        }}
        title={t("profilesDialog.title", { name: member.name })}
        action={saveMemberProfiles}
        hidden={{ userId: member.id }}
        fields={(errors) => (
          <ProfileCheckboxes
            id={`${id}-profiles`}
            legend={t("invite.profiles")}
            hint={t("invite.profilesHint")}
            initial={member.profiles}
            error={errors?.profiles}
          />
        )}
        submit={{ label: t("profilesDialog.submit"), pendingLabel: t("invite.pending") }}
        success={() => <FormAlert kind="success">{t("profilesDialog.saved", { name: member.name })}</FormAlert>}
      />
      <ActionDialog
        trigger={{ label: t("remove.button"), ariaLabel: t("remove.buttonLabel", { name: member.name }), className: ROW_BUTTON }}
        title={t("remove.title", { name: member.name })}
        action={removeTeamMember}
        hidden={{ userId: member.id }}
        fields={() => <p className="text-sm text-slate-700">{t("remove.body", { name: member.name })}</p>}
        submit={{ label: t("remove.confirm"), pendingLabel: t("invite.pending"), className: DANGER_BUTTON }}
        success={() => <FormAlert kind="success">{t("remove.done", { name: member.name })}</FormAlert>}
      />
    </div>
  );
}

/** Reenviar convite and Revogar convite for one pending invitation. */
export function InvitationRowActions({ invitation }: { invitation: { id: string; email: string } }) {
  const t = useTranslations("team");
  const { email } = invitation;
  return (
    <div className="flex flex-wrap gap-2">
      <ActionDialog
        trigger={{ label: t("resend.button"), ariaLabel: t("resend.buttonLabel", { email }), className: ROW_BUTTON }}
        title={t("resend.buttonLabel", { email })}
        action={resendInvite}
        hidden={{ invitationId: invitation.id }}
        submit={{ label: t("resend.button"), pendingLabel: t("invite.pending") }}
        success={(data) => (
          <>
            <FormAlert kind="success">
              {t("resend.done", { email })} {t("expiresOn", { date: formatDate(new Date(data.expiresAt!)) })}
            </FormAlert>
            {!data.mailSent && <FormAlert kind="error">{t("invite.mailFailed")}</FormAlert>}
          </>
        )}
      />
      <ActionDialog
        trigger={{ label: t("revoke.button"), ariaLabel: t("revoke.buttonLabel", { email }), className: ROW_BUTTON }}
        title={t("revoke.title", { email })}
        action={revokeInvite}
        hidden={{ invitationId: invitation.id }}
        fields={() => <p className="text-sm text-slate-700">{t("revoke.body")}</p>}
        submit={{ label: t("revoke.confirm"), pendingLabel: t("invite.pending"), className: DANGER_BUTTON }}
        success={() => <FormAlert kind="success">{t("revoke.done", { email })}</FormAlert>}
      />
    </div>
  );
}
