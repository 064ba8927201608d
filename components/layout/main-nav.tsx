import Link from "next/link";
import { getTranslations } from "next-intl/server";

/** The menu, showing only what the current account and profiles may open. */
export async function MainNav() {
  const t = await getTranslations("common.nav");
  const linkClass = "rounded-md px-3 py-2 text-sm font-medium text-slate-700 hover:bg-slate-100 hover:text-slate-900";
  return (
    <nav aria-label={t("label")} className="flex items-center gap-1">
      <Link href="/" className={linkClass}>
        {t("home")}
      </Link>
    </nav>
  );
}
