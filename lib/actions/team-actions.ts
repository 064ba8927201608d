"use server";

import { revalidatePath } from "next/cache";
import { getLocale } from "next-intl/server";
import { defineAction } from "@/lib/actions/define-action";
import type { AuthorizedContext } from "@/lib/auth/require-permission";
import {
  inviteMember,
  removeMember,
  resendInvitation,
  revokeInvitation,
  updateMemberProfiles,
  type InviteOutcome,
} from "@/lib/data/team-changes";
import { deliverMail } from "@/lib/mail/deliver";
import { addedToAccountMail, invitationMail } from "@/lib/mail/templates";
import { invitationSchema, inviteSchema, memberProfilesSchema, memberSchema } from "@/lib/validation/team";

const actorOf = (context: AuthorizedContext) => ({ userId: context.user.id, accountId: context.account.id });

/** The e-mail of an invitation (or of a membership granted at once), sent once the change is committed. */
async function announce(outcome: InviteOutcome) {
  const locale = await getLocale();
  const common = { locale, account: outcome.accountName, inviter: outcome.inviterName, profiles: outcome.profiles };
  if (outcome.kind === "added") {
    const mailSent = await deliverMail(addedToAccountMail({ ...common, to: outcome.user.email, name: outcome.user.name }));
    return { kind: outcome.kind, email: outcome.user.email, mailSent, expiresAt: null };
  }
  const mailSent = await deliverMail(
    invitationMail({ ...common, to: outcome.email, token: outcome.token, expiresAt: outcome.expiresAt }),
  );
  return { kind: outcome.kind, email: outcome.email, mailSent, expiresAt: outcome.expiresAt.toISOString() };
}

/** Equipe → Convidar usuário. */
export const inviteUser = defineAction({
  name: "inviteUser",
  input: inviteSchema,
  permission: "team.invite",
  async handler(input, context) {
    const outcome = await inviteMember(actorOf(context), input);
    revalidatePath("/equipe");
    return announce(outcome);
  },
});

export const resendInvite = defineAction({
  name: "resendInvite",
  input: invitationSchema,
  permission: "team.invite",
  async handler({ invitationId }, context) {
    const outcome = await resendInvitation(actorOf(context), invitationId);
    revalidatePath("/equipe");
    return announce(outcome);
  },
});

export const revokeInvite = defineAction({
  name: "revokeInvite",
  input: invitationSchema,
  permission: "team.invite",
  async handler({ invitationId }, context) {
    const result = await revokeInvitation(actorOf(context), invitationId);
    revalidatePath("/equipe");
    return result;
  },
});

export const saveMemberProfiles = defineAction({
  name: "saveMemberProfiles",
  input: memberProfilesSchema,
  permission: "team.edit-profiles",
  async handler(input, context) {
    const result = await updateMemberProfiles(actorOf(context), input);
    revalidatePath("/equipe");
    return result;
  },
});

export const removeTeamMember = defineAction({
  name: "removeTeamMember",
  input: memberSchema,
  permission: "team.remove",
  async handler({ userId }, context) {
    const result = await removeMember(actorOf(context), userId);
    revalidatePath("/equipe");
    return result;
  },
});
