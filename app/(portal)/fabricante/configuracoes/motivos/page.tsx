import type { Metadata } from "next";
import Link from "next/link";
import { getTranslations } from "next-intl/server";
import { ReasonCatalog } from "@/components/settings/reason-catalog";
import { getCurrentContext } from "@/lib/auth/context";
import { requirePagePermission } from "@/lib/auth/require-page-permission";
import { listReasonCatalog } from "@/lib/data/reason-catalog";
import { REASON_KINDS } from "@/lib/validation/reason";

export async function generateMetadata(): Promise<Metadata> {
  const t = await getTranslations("settings.reasons");
  return { title: t("title"), description: t("intro") };
}

/** Fabricante → Configurações → Motivos: the reasons offered by Suspender and Cancelar. */
export default async function ReasonsPage() {
  const context = await getCurrentContext();
  requirePagePermission(context, "account.settings");
  const t = await getTranslations("settings.reasons");
  const reasons = await listReasonCatalog(context.account.id);
  return (
    <div className="space-y-6">
      <div>
        <Link href="/fabricante/configuracoes" className="text-sm text-brand-800 underline">
          {t("back")}
        </Link>
        <h1 className="mt-2 text-2xl font-semibold">{t("title")}</h1>
        <p className="mt-1 max-w-3xl text-slate-700">{t("intro")}</p>
      </div>
      {REASON_KINDS.map((kind) => (
        <ReasonCatalog key={kind} kind={kind} reasons={reasons.filter((reason) => reason.kind === kind)} />
      ))}
    </div>
  );
}
