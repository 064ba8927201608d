import type { Metadata } from "next";
import Link from "next/link";
import { getTranslations } from "next-intl/server";
import { AccountSettingsForm } from "@/components/settings/account-settings-form";
import { getCurrentContext } from "@/lib/auth/context";
import { requirePagePermission } from "@/lib/auth/require-page-permission";
import { getAccountSettings } from "@/lib/data/account-settings";

export async function generateMetadata(): Promise<Metadata> {
  const t = await getTranslations("settings");
  return { title: t("title") };
}

/** Fabricante → Configurações: only the Fabricante profile of a manufacturer account. */
export default async function AccountSettingsPage() {
  const context = await getCurrentContext();
  requirePagePermission(context, "account.settings");
  const t = await getTranslations("settings");
  const settings = await getAccountSettings(context.account.id);
  return (
    <div className="space-y-6">
      <div>
        <h1 className="text-2xl font-semibold">{t("title")}</h1>
        <p className="mt-1 text-slate-700">{t("intro", { account: context.account.name })}</p>
      </div>
      <section className="rounded-lg border border-slate-200 bg-white p-6">
        <AccountSettingsForm key={context.account.id} initial={settings} />
      </section>
      <section aria-labelledby="reasons-link" className="rounded-lg border border-slate-200 bg-white p-6">
        <h2 id="reasons-link" className="text-lg font-semibold">
          {t("reasons.title")}
        </h2>
        <p className="mt-1 max-w-3xl text-sm text-slate-700">{t("reasons.summary")}</p>
        <Link
          href="/fabricante/configuracoes/motivos"
          className="mt-3 inline-block rounded-md border border-slate-300 bg-white px-4 py-2 text-sm font-medium hover:bg-slate-50"
        >
          {t("reasons.open")}
        </Link>
      </section>
    </div>
  );
}
