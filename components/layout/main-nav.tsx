import Link from "next/link";
import { getTranslations } from "next-intl/server";
import { hasPermission } from "@/lib/auth/require-permission";
import type { UserContext } from "@/lib/data/accounts";

/** The menu, showing only what the current account and profiles may open. */
export async function MainNav({ context }: { context: UserContext }) {
  const t = await getTranslations("common.nav");
  const linkClass = "rounded-md px-3 py-2 text-sm font-medium text-slate-700 hover:bg-slate-100 hover:text-slate-900";
  const manufacturerLinks = [
    hasPermission(context, "subscriptions.view") && { href: "/fabricante/assinaturas", label: t("assinaturas") },
    hasPermission(context, "account.settings") && { href: "/fabricante/configuracoes", label: t("configuracoes") },
    hasPermission(context, "integrations.manage") && { href: "/fabricante/configuracoes/integracoes", label: t("integracoes") },
  ].filter((link): link is { href: string; label: string } => Boolean(link));
  return (
    <nav aria-label={t("label")} className="flex flex-wrap items-center gap-1">
      <Link href="/" className={linkClass}>
        {t("home")}
      </Link>
      {manufacturerLinks.length > 0 && (
        <div className="flex flex-wrap items-center gap-1 border-l border-slate-200 pl-2">
          <span className="px-2 text-xs font-semibold uppercase tracking-wide text-slate-600">{t("fabricante")}</span>
          {manufacturerLinks.map((link) => (
            <Link key={link.href} href={link.href} className={linkClass}>
              {link.label}
            </Link>
          ))}
        </div>
      )}
      {hasPermission(context, "own-subscriptions.view") && (
        <Link href="/minhas-assinaturas" className={linkClass}>
          {t("minhasAssinaturas")}
        </Link>
      )}
      {hasPermission(context, "history.view") && (
        <Link href="/historico" className={linkClass}>
          {t("historico")}
        </Link>
      )}
      {hasPermission(context, "team.view") && (
        <Link href="/equipe" className={linkClass}>
          {t("equipe")}
        </Link>
      )}
    </nav>
  );
}
