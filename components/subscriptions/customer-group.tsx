import Link from "next/link";
import { getTranslations } from "next-intl/server";
import type { ReactNode } from "react";
import { BADGE_CLASSES } from "@/components/ui/status-badge";
import type { CustomerGroup as Group, SerialRow } from "@/lib/data/subscription-list";
import { formatDocument } from "@/lib/domain/documents";
import type { Badge } from "@/lib/domain/subscription-status";
import { SerialTable } from "./serial-table";

function badgeCounts(group: Group): Record<Badge, number> {
  const s = group.bySituation;
  return { ATIVA: s.ATIVA, TOLERANCIA: s.TOLERANCIA, EXPIRADA: s.EXPIRADA + s.PENDENTE + s.SUSPENSA + s.CANCELADA };
}

/** One customer's "aba": a summary row that expands, in place, to its serial numbers. */
export async function CustomerGroup({
  group,
  serialHref,
  showAllHref,
  now,
  showManufacturer,
  open,
  rowActions,
  selectable,
}: {
  group: Group;
  serialHref: (serialNumber: string) => string;
  showAllHref: string;
  now: Date;
  showManufacturer: boolean;
  open: boolean;
  rowActions?: (serial: SerialRow) => ReactNode;
  selectable?: boolean;
}) {
  const t = await getTranslations("subscriptions");
  const tc = await getTranslations("common.status");
  const counts = badgeCounts(group);
  return (
    <details open={open} className="group rounded-lg border border-slate-200 bg-white shadow-sm open:shadow">
      <summary className="flex cursor-pointer list-none flex-wrap items-center gap-x-6 gap-y-2 px-4 py-3 hover:bg-slate-50 [&::-webkit-details-marker]:hidden">
        <span aria-hidden className="text-slate-500 transition-transform group-open:rotate-90">
          ▸
        </span>
        <span className="min-w-56 flex-1">
          <span className="block font-semibold text-slate-900">{group.name}</span>
          <span className="block text-xs text-slate-600">
            {formatDocument(group.document)} · {t(`customerType.${group.type}`)} · {group.city}/{group.state}
          </span>
        </span>
        <span className="text-sm text-slate-700">{t("list.serialsOf", { count: group.serialCount })}</span>
        <span className="flex flex-wrap gap-2">
          {(Object.keys(counts) as Badge[])
            .filter((badge) => counts[badge] > 0)
            .map((badge) => (
              <span
                key={badge}
                className={`rounded-full px-2 py-0.5 text-xs font-semibold ring-1 ring-inset ${BADGE_CLASSES[badge]}`}
              >
                {tc(badge)} {counts[badge]}
              </span>
            ))}
        </span>
      </summary>
      <div className="border-t border-slate-200">
        <SerialTable
          serials={group.serials}
          serialHref={serialHref}
          now={now}
          showManufacturer={showManufacturer}
          caption={group.name}
          rowActions={rowActions}
          selectable={selectable}
        />
        {group.serials.length < group.serialCount && (
          <p className="px-4 py-2 text-sm text-slate-700">
            {t("list.truncated", { shown: group.serials.length, total: group.serialCount })}{" "}
            <Link href={showAllHref} className="font-medium text-brand-700 underline">
              {t("list.showAll")}
            </Link>
          </p>
        )}
      </div>
    </details>
  );
}
