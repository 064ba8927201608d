import Link from "next/link";
import { notFound } from "next/navigation";
import { getLocale, getTranslations } from "next-intl/server";
import type { ReactNode } from "react";
import {
  findSubscription,
  subscriptionActivations,
  subscriptionHistory,
  type SubscriptionDetail,
} from "@/lib/data/subscription-detail";
import type { SubscriptionScope } from "@/lib/data/subscription-scope";
import { reasonLabel } from "@/lib/domain/reason-label";
import { searchParamsToObject } from "@/lib/http/define-route";
import { safeDecode } from "@/lib/http/safe-decode";
import { filtersToQuery, parseSubscriptionFilters } from "@/lib/validation/subscription-filters";
import { ActivationsTab } from "./activations-tab";
import { DetailsTab } from "./details-tab";
import { HistoryTab } from "./history-tab";
import { SERIAL_TABS, SerialTabs, type SerialTab } from "./serial-tabs";
import { SubscriptionStatus } from "./subscription-status";

type RawParams = Record<string, string | string[] | undefined>;

/** The list's query the user came from, re-parsed so only valid filters travel back. */
function backQuery(raw: string | string[] | undefined): string {
  const value = Array.isArray(raw) ? raw[0] : raw;
  if (!value) return "";
  return filtersToQuery(parseSubscriptionFilters(searchParamsToObject(new URLSearchParams(value))).filters);
}

/** The serial number page (article step 6): Detalhes, Ativações, Histórico, and room for Ações. */
export async function SerialPageView({
  scope,
  serialNumber,
  searchParams,
  basePath,
  actions,
  activationActions,
}: {
  scope: SubscriptionScope;
  serialNumber: string;
  searchParams: RawParams;
  basePath: string;
  actions?: (subscription: SubscriptionDetail) => ReactNode;
  activationActions?: (subscription: SubscriptionDetail) => ReactNode;
}) {
  const now = new Date();
  const subscription = await findSubscription(scope, safeDecode(serialNumber), now);
  if (!subscription) notFound();
  const t = await getTranslations("subscriptions.serial");
  const aba = Array.isArray(searchParams.aba) ? searchParams.aba[0] : searchParams.aba;
  const tab: SerialTab = (SERIAL_TABS as readonly string[]).includes(aba ?? "") ? (aba as SerialTab) : "detalhes";
  const back = backQuery(searchParams.de);
  const selfPath = `${basePath}/${encodeURIComponent(subscription.serialNumber)}`;
  const hrefFor = (target: SerialTab) => {
    const query = new URLSearchParams();
    if (target !== "detalhes") query.set("aba", target);
    if (back) query.set("de", back);
    const text = query.toString();
    return text ? `${selfPath}?${text}` : selfPath;
  };

  return (
    <div className="space-y-6">
      <Link href={`${basePath}${back}`} className="text-sm font-medium text-brand-700 underline-offset-2 hover:underline">
        ← {t("back")}
      </Link>
      <div className="flex flex-wrap items-start justify-between gap-4">
        <div>
          <h1 className="font-mono text-2xl font-semibold">{t("title", { serial: subscription.serialNumber })}</h1>
          <p className="mt-1 text-slate-700">
            {subscription.customer.name} · {subscription.product}
          </p>
          <div className="mt-2">
            <SubscriptionStatus
              status={subscription.status}
              expiresAt={subscription.expiresAt}
              graceDays={subscription.manufacturer.graceDays}
              blockReason={reasonLabel(subscription.blockReason, await getLocale())}
              now={now}
            />
          </div>
        </div>
        {actions?.(subscription)}
      </div>
      <SerialTabs current={tab} hrefFor={hrefFor} />
      {tab === "detalhes" && <DetailsTab subscription={subscription} now={now} showManufacturer={scope.kind === "customer"} />}
      {tab === "ativacoes" && (
        <ActivationsTab
          showPeople={scope.kind === "manufacturer"}
          activations={await subscriptionActivations(scope, subscription.id)}
          currentActions={activationActions?.(subscription)}
        />
      )}
      {tab === "historico" && (
        <HistoryTab events={await subscriptionHistory(scope, subscription.id)} showPeople={scope.kind === "manufacturer"} />
      )}
    </div>
  );
}
