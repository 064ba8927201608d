import { getTranslations } from "next-intl/server";
import { BADGE_CLASSES } from "@/components/ui/status-badge";
import type { AuthorizedContext } from "@/lib/auth/require-permission";
import type { CustomerGroup as Group } from "@/lib/data/subscription-list";
import { formatDocument } from "@/lib/domain/documents";
import { badgeOf, BADGES } from "@/lib/domain/subscription-status";
import { filtersToQuery, type SubscriptionFilters } from "@/lib/validation/subscription-filters";
import { CustomerDisclosure } from "./customer-disclosure";
import { CustomerSerials } from "./customer-serials";

/** One customer's "aba": name, CNPJ/CPF, type, city/UF and counts per status; opens to its serials. */
export async function CustomerGroup({
  context,
  group,
  filters,
  open,
  version,
}: {
  context: AuthorizedContext;
  group: Group;
  filters: SubscriptionFilters;
  /** Render the serials right away (a single customer on the page). */
  open: boolean;
  version: string;
}) {
  const t = await getTranslations("subscriptions");
  const tc = await getTranslations("common.status");
  const ts = await getTranslations("common.situation");
  const counts = Object.fromEntries(BADGES.map((badge) => [badge, 0])) as Record<(typeof BADGES)[number], number>;
  for (const [situation, count] of Object.entries(group.bySituation))
    counts[badgeOf(situation as keyof typeof group.bySituation)] += count;
  const customer = { id: group.id, name: group.name, document: group.document, serialCount: group.serialCount };

  // A lojista's own list holds one group per manufacturer (the customer is itself each time).
  const byManufacturer = context.account.kind !== "FABRICANTE";
  const expired = (["PENDENTE", "SUSPENSA", "CANCELADA"] as const).filter((situation) => group.bySituation[situation] > 0);

  const summary = (
    <summary className="flex cursor-pointer list-none flex-wrap items-center gap-x-6 gap-y-2 px-4 py-3 hover:bg-slate-50 [&::-webkit-details-marker]:hidden">
      <span aria-hidden className="text-slate-500 transition-transform group-open:rotate-90">
        ▸
      </span>
      <span className="min-w-0 flex-1 basis-56">
        {byManufacturer ? (
          <>
            <span className="block font-semibold text-slate-900">{group.manufacturerName}</span>
            <span className="block text-xs text-slate-600">{t("list.manufacturerGroup")}</span>
          </>
        ) : (
          <>
            <span className="block font-semibold text-slate-900">{group.name}</span>
            <span className="block text-xs text-slate-600">
              {formatDocument(group.document)} · {t(`customerType.${group.type}`)} · {group.city}/{group.state}
            </span>
          </>
        )}
      </span>
      <span className="text-sm text-slate-700">{t("list.serialsOf", { count: group.serialCount })}</span>
      <span className="flex flex-wrap items-center gap-2">
        {BADGES.filter((badge) => counts[badge] > 0).map((badge) => (
          <span
            key={badge}
            className={`rounded-full px-2 py-0.5 text-xs font-semibold ring-1 ring-inset ${BADGE_CLASSES[badge]}`}
          >
            {tc(badge)} {counts[badge]}
          </span>
        ))}
        {expired.length > 0 && (
          // What the red badge holds: the precise situations (DESIGN.md §1).
          <span className="text-xs text-slate-700">
            ({expired.map((situation) => `${ts(situation)} ${group.bySituation[situation]}`).join(" · ")})
          </span>
        )}
      </span>
    </summary>
  );

  const query = filtersToQuery(filters).slice(1);
  return (
    // Keyed by the filters: another list (new filters) starts with fresh, unloaded rows.
    <CustomerDisclosure
      key={query}
      summary={summary}
      customer={customer}
      filters={query}
      initial={open ? <CustomerSerials context={context} filters={filters} customer={customer} /> : null}
      version={version}
    />
  );
}
