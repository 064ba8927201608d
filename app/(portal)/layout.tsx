import { redirect } from "next/navigation";
import { getTranslations } from "next-intl/server";
import type { ReactNode } from "react";
import { AppHeader } from "@/components/layout/app-header";
import { LanguageSwitcher } from "@/components/layout/language-switcher";
import { getCurrentContext } from "@/lib/auth/context";

export default async function PortalLayout({ children }: { children: ReactNode }) {
  const context = await getCurrentContext();
  if (!context) redirect("/login");
  const t = await getTranslations("common.noAccount");
  return (
    <div className="flex min-h-screen flex-col">
      <AppHeader context={context} />
      <main id="conteudo" className="mx-auto w-full max-w-7xl flex-1 px-4 py-8">
        {context.account ? (
          children
        ) : (
          <section className="rounded-lg border border-slate-200 bg-white p-8">
            <h1 className="text-xl font-semibold">{t("title")}</h1>
            <p className="mt-2 text-slate-700">{t("body")}</p>
          </section>
        )}
      </main>
      <footer className="border-t border-slate-200 bg-white">
        <div className="mx-auto flex max-w-7xl justify-end px-4 py-2">
          <LanguageSwitcher />
        </div>
      </footer>
    </div>
  );
}
