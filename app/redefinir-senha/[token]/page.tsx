import type { Metadata } from "next";
import Link from "next/link";
import { getTranslations } from "next-intl/server";
import { PublicCard } from "@/components/auth/public-card";
import { ResetPasswordForm } from "@/components/auth/reset-password-form";
import { FormAlert } from "@/components/forms/form-alert";
import { isPasswordResetValid } from "@/lib/data/passwords";
import { linkTokenSchema } from "@/lib/validation/password";

export async function generateMetadata(): Promise<Metadata> {
  const t = await getTranslations("myAccount.reset");
  return { title: t("title") };
}

export default async function ResetPasswordPage({ params }: { params: Promise<{ token: string }> }) {
  const { token } = await params;
  const t = await getTranslations("myAccount.reset");
  const tf = await getTranslations("myAccount.forgot");
  const valid = linkTokenSchema.safeParse(token).success && (await isPasswordResetValid(token));
  return (
    <PublicCard title={t("title")}>
      {valid ? (
        <ResetPasswordForm token={token} />
      ) : (
        <div className="mt-6 space-y-4">
          <FormAlert kind="error">{t("invalid")}</FormAlert>
          <Link href="/esqueci-senha" className="block text-center text-sm text-brand-700 underline">
            {tf("title")}
          </Link>
        </div>
      )}
    </PublicCard>
  );
}
