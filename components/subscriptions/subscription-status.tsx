import { getTranslations } from "next-intl/server";
import { StatusBadge } from "@/components/ui/status-badge";
import { deriveDisplayStatus, type StoredStatus } from "@/lib/domain/subscription-status";

/** The colored status of the article plus the precise situation beside it (DESIGN.md §1). */
export async function SubscriptionStatus({
  status,
  expiresAt,
  graceDays,
  blockReason,
  now,
}: {
  status: StoredStatus;
  expiresAt: Date;
  graceDays: number;
  blockReason?: string | null;
  now: Date;
}) {
  const t = await getTranslations("common.situation");
  const display = deriveDisplayStatus({ status, expiresAt }, graceDays, now);
  const situation =
    // "Ativa" and a plainly lapsed "Expirada" say nothing the badge doesn't already say.
    display.situation === "ATIVA" || display.situation === "EXPIRADA"
      ? null
      : display.situation === "TOLERANCIA"
        ? t("TOLERANCIA", { days: display.toleranceDaysLeft ?? 0 })
        : t(display.situation);
  return (
    <span className="inline-flex flex-wrap items-center gap-x-2 gap-y-1">
      <StatusBadge badge={display.badge} />
      {situation && (
        <span className="text-xs text-slate-700">
          {situation}
          {blockReason ? ` · ${blockReason}` : ""}
        </span>
      )}
    </span>
  );
}
