import type { Metadata } from "next";
import Link from "next/link";
import { getTranslations } from "next-intl/server";
import { ImportPanel } from "@/components/import/import-panel";
import { getCurrentContext } from "@/lib/auth/context";
import { requirePagePermission } from "@/lib/auth/require-page-permission";

export async function generateMetadata(): Promise<Metadata> {
  const t = await getTranslations("subscriptions.import");
  return { title: t("title") };
}

export default async function ImportSubscriptionsPage() {
  const context = await getCurrentContext();
  requirePagePermission(context, "subscriptions.import");
  const t = await getTranslations("subscriptions.import");
  return (
    <div className="space-y-6">
      <Link href="/fabricante/assinaturas" className="text-sm font-medium text-brand-700 underline-offset-2 hover:underline">
        ← {t("back")}
      </Link>
      <div>
        <h1 className="text-2xl font-semibold">{t("title")}</h1>
        <p className="mt-1 max-w-3xl text-slate-700">{t("intro")}</p>
      </div>
      <ImportPanel />
    </div>
  );
}
