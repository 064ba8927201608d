import type { Metadata } from "next";
import { getTranslations } from "next-intl/server";
import { ExportButton } from "@/components/export/export-button";
import { SubscriptionListView } from "@/components/subscriptions/subscription-list-view";
import { getCurrentContext } from "@/lib/auth/context";
import { requirePagePermission } from "@/lib/auth/require-page-permission";
import { hasPermission } from "@/lib/auth/require-permission";
import { exportHref } from "@/lib/export/export-href";
import { parseSubscriptionFilters } from "@/lib/validation/subscription-filters";

export async function generateMetadata(): Promise<Metadata> {
  const t = await getTranslations("subscriptions.list");
  return { title: t("ownTitle"), description: t("ownDescription") };
}

export default async function OwnSubscriptionsPage({
  searchParams,
}: {
  searchParams: Promise<Record<string, string | string[] | undefined>>;
}) {
  const context = await getCurrentContext();
  requirePagePermission(context, "own-subscriptions.view");
  const { filters, problems } = parseSubscriptionFilters(await searchParams);
  const t = await getTranslations("subscriptions.list");
  return (
    <div className="space-y-6">
      <div>
        <h1 className="text-2xl font-semibold">{t("ownTitle")}</h1>
        <p className="mt-1 max-w-3xl text-slate-700">{t("ownIntro", { account: context.account.name })}</p>
      </div>
      <SubscriptionListView
        context={context}
        filters={filters}
        problems={problems}
        toolbar={
          hasPermission(context, "own-subscriptions.export") ? <ExportButton href={exportHref("customer", filters)} /> : undefined
        }
      />
    </div>
  );
}
