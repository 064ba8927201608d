import type { Metadata } from "next";
import { getTranslations } from "next-intl/server";
import { ForgotPasswordForm } from "@/components/auth/forgot-password-form";
import { PublicCard } from "@/components/auth/public-card";

export async function generateMetadata(): Promise<Metadata> {
  const t = await getTranslations("myAccount.forgot");
  return { title: t("title") };
}

export default async function ForgotPasswordPage() {
  const t = await getTranslations("myAccount.forgot");
  return (
    <PublicCard title={t("title")}>
      <ForgotPasswordForm />
    </PublicCard>
  );
}
