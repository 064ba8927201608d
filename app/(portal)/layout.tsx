import { redirect } from "next/navigation";
import { getTranslations } from "next-intl/server";
import type { ReactNode } from "react";
import { AppHeader } from "@/components/layout/app-header";
import { NavigationPendingArea } from "@/components/layout/navigation-pending";
import { getCurrentContext } from "@/lib/auth/context";

export default async function PortalLayout({ children }: { children: ReactNode }) {
  const context = await getCurrentContext();
  if (!context) redirect("/login");
  const t = await getTranslations("common.noAccount");
  const common = await getTranslations("common");
  return (
    <div className="flex min-h-screen flex-col">
      <AppHeader context={context} />
      <main id="conteudo" tabIndex={-1} className="mx-auto w-full focus:outline-none max-w-7xl flex-1 px-4 py-8">
        {context.account ? (
          <NavigationPendingArea label={common("navigationPending")}>{children}</NavigationPendingArea>
        ) : (
          <section className="rounded-lg border border-slate-200 bg-white p-8">
            <h1 className="text-xl font-semibold">{t("title")}</h1>
            <p className="mt-2 text-slate-700">{t("body")}</p>
          </section>
        )}
      </main>
    </div>
  );
}
