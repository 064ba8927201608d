import type { Metadata } from "next";
import Link from "next/link";
import { getTranslations } from "next-intl/server";
import { PublicCard } from "@/components/auth/public-card";
import { FormAlert } from "@/components/forms/form-alert";
import { AcceptInvitationForm } from "@/components/team/accept-invitation-form";
import { findInvitation } from "@/lib/data/invitations";
import { linkTokenSchema } from "@/lib/validation/password";

export async function generateMetadata(): Promise<Metadata> {
  const t = await getTranslations("team.accept");
  return { title: t("title") };
}

/** The link of an invitation e-mail: the new user chooses a name and a password. */
export default async function AcceptInvitationPage({ params }: { params: Promise<{ token: string }> }) {
  const { token } = await params;
  const t = await getTranslations("team");
  const tp = await getTranslations("common.profile");
  const found = linkTokenSchema.safeParse(token).success
    ? await findInvitation(token)
    : ({ ok: false, reason: "invalid" } as const);
  if (!found.ok) {
    return (
      <PublicCard title={t("accept.unavailable")}>
        <div className="mt-6 space-y-4">
          <FormAlert kind="error">
            {t(found.reason === "expired" ? "errors.invitationExpired" : "errors.invitationInvalid")}
          </FormAlert>
          <Link href="/login" className="block text-center text-sm text-brand-700 underline">
            {t("accept.login")}
          </Link>
        </div>
      </PublicCard>
    );
  }
  const { invitation } = found;
  return (
    <PublicCard title={t("accept.title")}>
      <p className="mt-1 text-sm text-slate-600">
        {t("accept.intro", { account: invitation.accountName, profiles: invitation.profiles.map((p) => tp(p)).join(", ") })}
      </p>
      <AcceptInvitationForm token={token} email={invitation.email} />
    </PublicCard>
  );
}
