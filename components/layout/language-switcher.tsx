import { getLocale, getTranslations } from "next-intl/server";
import { setLocale } from "@/lib/actions/set-locale";
import { LOCALES } from "@/i18n/config";

export async function LanguageSwitcher() {
  const locale = await getLocale();
  const t = await getTranslations("common.language");
  return (
    <form action={setLocale} className="flex items-center gap-1 text-xs" aria-label={t("label")}>
      {LOCALES.map((option) => (
        <button
          key={option}
          type="submit"
          name="locale"
          value={option}
          aria-pressed={option === locale}
          className="rounded px-2 py-1 text-slate-600 hover:bg-slate-100 aria-pressed:font-semibold aria-pressed:text-slate-900"
        >
          {t(option)}
        </button>
      ))}
    </form>
  );
}
