import Link from "next/link";
import { getTranslations } from "next-intl/server";
import type { UserContext } from "@/lib/data/accounts";
import { AccountSwitcher } from "./account-switcher";
import { LanguageSwitcher } from "./language-switcher";
import { LogoutButton } from "./logout-button";
import { MainNav } from "./main-nav";

export async function AppHeader({ context }: { context: UserContext }) {
  const t = await getTranslations("common");
  const current = context.account ? context.accounts.find((account) => account.id === context.account!.id) : undefined;
  const profiles = context.profiles.map((profile) => t(`profile.${profile}`)).join(", ");
  return (
    <header className="border-b border-slate-200 bg-white">
      <a
        href="#conteudo"
        className="sr-only focus:not-sr-only focus:absolute focus:left-2 focus:top-2 focus:rounded focus:bg-white focus:px-3 focus:py-2"
      >
        {t("skipToContent")}
      </a>
      <div className="mx-auto flex max-w-7xl flex-wrap items-center justify-between gap-3 px-4 py-3">
        <div className="flex items-center gap-6">
          <Link href="/" className="text-base font-semibold text-brand-700">
            {t("appName")}
          </Link>
          <MainNav context={context} />
        </div>
        <div className="flex items-center gap-3">
          <LanguageSwitcher />
          <div className="text-right text-xs leading-tight text-slate-600">
            <p className="font-medium text-slate-800">{t("userMenu.signedInAs", { name: context.user.name })}</p>
            {profiles && <p>{t("userMenu.profiles", { profiles })}</p>}
          </div>
          {current && <AccountSwitcher current={current} accounts={context.accounts} />}
          <LogoutButton />
        </div>
      </div>
    </header>
  );
}
