import { getTranslations } from "next-intl/server";
import type { Badge } from "@/lib/domain/subscription-status";

/** The article's colors: Ativa green, Período de Tolerância amber, Expirada red. */
export const BADGE_CLASSES: Record<Badge, string> = {
  ATIVA: "bg-green-100 text-green-900 ring-green-700/30",
  TOLERANCIA: "bg-amber-100 text-amber-900 ring-amber-700/30",
  EXPIRADA: "bg-red-100 text-red-900 ring-red-700/30",
};

export async function StatusBadge({ badge }: { badge: Badge }) {
  const t = await getTranslations("common.status");
  return (
    <span
      className={`inline-flex items-center whitespace-nowrap rounded-full px-2.5 py-0.5 text-xs font-semibold ring-1 ring-inset ${BADGE_CLASSES[badge]}`}
    >
      {t(badge)}
    </span>
  );
}
