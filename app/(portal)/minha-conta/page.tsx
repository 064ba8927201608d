import type { Metadata } from "next";
import { redirect } from "next/navigation";
import { getTranslations } from "next-intl/server";
import { ChangePasswordForm } from "@/components/account/change-password-form";
import { SignOutEverywhereForm } from "@/components/account/sign-out-everywhere-form";
import { getCurrentContext } from "@/lib/auth/context";

export async function generateMetadata(): Promise<Metadata> {
  const t = await getTranslations("myAccount");
  return { title: t("title") };
}

/** Minha conta: every signed-in user changes their password and may end all their sessions. */
export default async function MyAccountPage() {
  const context = await getCurrentContext();
  if (!context) redirect("/login");
  const t = await getTranslations("myAccount");
  return (
    <div className="space-y-6">
      <div>
        <h1 className="text-2xl font-semibold">{t("title")}</h1>
        <p className="mt-1 text-slate-700">{t("intro", { name: context.user.name, email: context.user.email })}</p>
      </div>
      <section aria-labelledby="password-heading" className="rounded-lg border border-slate-200 bg-white p-6">
        <h2 id="password-heading" className="mb-4 text-lg font-semibold">
          {t("password.heading")}
        </h2>
        <ChangePasswordForm />
      </section>
      <section aria-labelledby="sessions-heading" className="rounded-lg border border-slate-200 bg-white p-6">
        <h2 id="sessions-heading" className="mb-2 text-lg font-semibold">
          {t("sessions.heading")}
        </h2>
        <SignOutEverywhereForm />
      </section>
    </div>
  );
}
