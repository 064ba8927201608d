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
      <div className="mx-auto flex max-w-7xl flex-wrap items-center justify-between gap-x-6 gap-y-2 px-4 py-3">
        <div className="flex min-w-0 flex-wrap items-center gap-x-6 gap-y-2">
          <Link href="/" className="text-base font-semibold whitespace-nowrap text-brand-700">
            {t("appName")}
          </Link>
          <MainNav context={context} />
        </div>
        <div className="flex min-w-0 flex-wrap items-center gap-3">
          <p
            className="hidden text-right text-xs leading-tight text-slate-600 lg:block"
            title={profiles ? t("userMenu.profiles", { profiles }) : undefined}
          >
            <span className="block font-medium text-slate-800">{context.user.name}</span>
            {profiles && <span className="block">{profiles}</span>}
          </p>
          {current && <AccountSwitcher current={current} accounts={context.accounts} />}
          <LanguageSwitcher />
          <Link href="/minha-conta" className="rounded-md px-2 py-1 text-sm text-slate-700 hover:bg-slate-100">
            {t("userMenu.myAccount")}
          </Link>
          <LogoutButton />
        </div>
      </div>
    </header>
  );
}
