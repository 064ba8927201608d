import type { Metadata } from "next";
import Link from "next/link";
import { getLocale, getTranslations } from "next-intl/server";
import { ActingProfileNote } from "@/components/actions/acting-profile-note";
import { BulkActionsBar } from "@/components/actions/bulk-actions-bar";
import { ExportButton } from "@/components/export/export-button";
import { NewCustomerDialog } from "@/components/sales/new-customer-dialog";
import { SubscriptionListView } from "@/components/subscriptions/subscription-list-view";
import { FoldOnPhone } from "@/components/ui/fold-on-phone";
import { getCurrentContext } from "@/lib/auth/context";
import { requirePagePermission } from "@/lib/auth/require-page-permission";
import { hasPermission } from "@/lib/auth/require-permission";
import { activeReasons } from "@/lib/data/reasons";
import { productsInScope } from "@/lib/data/subscription-products";
import { scopeForAccount } from "@/lib/data/subscription-scope";
import { ACTION_PERMISSION } from "@/lib/domain/permissions";
import { exportHref } from "@/lib/export/export-href";
import { SUBSCRIPTION_ACTIONS } from "@/lib/domain/subscription-transitions";
import { filtersToQuery, parseSubscriptionFilters } from "@/lib/validation/subscription-filters";

export async function generateMetadata(): Promise<Metadata> {
  const t = await getTranslations("subscriptions.list");
  return { title: t("title"), description: t("description") };
}

export default async function ManufacturerSubscriptionsPage({
  searchParams,
}: {
  searchParams: Promise<Record<string, string | string[] | undefined>>;
}) {
  const context = await getCurrentContext();
  requirePagePermission(context, "subscriptions.view");
  const { filters, problems } = parseSubscriptionFilters(await searchParams);
  const t = await getTranslations("subscriptions.list");
  const ta = await getTranslations("actions");
  const allowed = SUBSCRIPTION_ACTIONS.filter((action) => hasPermission(context, ACTION_PERMISSION[action]));
  const reasons = allowed.length ? await activeReasons(context.account.id, await getLocale()) : [];
  return (
    <div className="space-y-6">
      <div>
        <h1 className="text-2xl font-semibold">{t("title")}</h1>
        <p className="mt-1 max-w-3xl text-slate-700">{t("intro", { account: context.account.name })}</p>
      </div>
      <SubscriptionListView
        context={context}
        filters={filters}
        problems={problems}
        notice={<ActingProfileNote context={context} />}
        toolbar={
          <div className="flex flex-wrap items-center gap-2">
            {hasPermission(context, "customers.create") && hasPermission(context, "subscriptions.create") && (
              <NewCustomerDialog products={await productsInScope(scopeForAccount(context.account))} />
            )}
            {hasPermission(context, "subscriptions.import") && (
              <Link
                href="/fabricante/assinaturas/importar"
                className="rounded-md border border-slate-300 bg-white px-4 py-2 text-sm font-medium hover:bg-slate-50"
              >
                {t("importButton")}
              </Link>
            )}
            {hasPermission(context, "subscriptions.export") && <ExportButton href={exportHref("manufacturer", filters)} />}
          </div>
        }
        bulk={
          allowed.length
            ? (page) => (
                <FoldOnPhone label={ta("bulk.heading")}>
                  <BulkActionsBar
                    allowed={allowed}
                    reasons={reasons}
                    matching={page.serialCount}
                    filtersQuery={filtersToQuery({ ...filters, pagina: 1 }).slice(1)}
                  />
                </FoldOnPhone>
              )
            : undefined
        }
      />
    </div>
  );
}
