import Link from "next/link";
import { getTranslations } from "next-intl/server";

export const SERIAL_TABS = ["detalhes", "ativacoes", "historico"] as const;
export type SerialTab = (typeof SERIAL_TABS)[number];

const LABEL_KEY: Record<SerialTab, "details" | "activations" | "history"> = {
  detalhes: "details",
  ativacoes: "activations",
  historico: "history",
};

/** Tabs as links (?aba=…), so each tab has its own address and the back button moves between them. */
export async function SerialTabs({ current, hrefFor }: { current: SerialTab; hrefFor: (tab: SerialTab) => string }) {
  const t = await getTranslations("subscriptions.serial");
  return (
    <nav aria-label={t("tabs")} className="border-b border-slate-200">
      <ul className="-mb-px flex gap-1">
        {SERIAL_TABS.map((tab) => (
          <li key={tab}>
            <Link
              href={hrefFor(tab)}
              aria-current={tab === current ? "page" : undefined}
              className="inline-block border-b-2 border-transparent px-4 py-2 text-sm font-medium text-slate-600 hover:text-slate-900 aria-[current=page]:border-brand-700 aria-[current=page]:text-brand-800"
            >
              {t(LABEL_KEY[tab])}
            </Link>
          </li>
        ))}
      </ul>
    </nav>
  );
}
