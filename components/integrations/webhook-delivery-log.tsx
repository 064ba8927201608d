import Link from "next/link";
import { getTranslations } from "next-intl/server";
import type { DeliveryState, WebhookDeliveryRow } from "@/lib/data/webhook-deliveries";
import type { WebhookEndpointRow } from "@/lib/data/webhook-endpoints";
import { formatDateTime } from "@/lib/format";
import { RedeliverButton, RedeliverRangeForm } from "./webhook-redeliver";

const BASE = "/fabricante/configuracoes/integracoes";
const STATE_CLASSES: Record<DeliveryState, string> = {
  DELIVERED: "bg-green-100 text-green-900 ring-green-700/30",
  PENDING: "bg-amber-100 text-amber-900 ring-amber-700/30",
  FAILED: "bg-red-100 text-red-900 ring-red-700/30",
};

type Props = {
  endpoint: WebhookEndpointRow;
  page: { rows: WebhookDeliveryRow[]; nextBefore: string | null };
  state?: DeliveryState;
  paged: boolean;
};

/** The delivery log of one endpoint: newest first, each delivery a card with its recent attempts. */
export async function WebhookDeliveryLog({ endpoint, page, state, paged }: Props) {
  const t = await getTranslations("webhooks.log");
  const tw = await getTranslations("webhooks");
  const href = (next: { state?: DeliveryState; before?: string }) => {
    const params = new URLSearchParams();
    if (next.state) params.set("state", next.state);
    if (next.before) params.set("before", next.before);
    const search = params.toString();
    return `${BASE}/webhooks/${endpoint.id}${search ? `?${search}` : ""}`;
  };
  const filters: { label: string; value?: DeliveryState }[] = [
    { label: t("all") },
    ...(["PENDING", "DELIVERED", "FAILED"] as const).map((value) => ({ label: t(`stateName.${value}`), value })),
  ];
  return (
    <div className="space-y-6">
      <div>
        <Link href={BASE} className="text-sm text-brand-800 underline">
          {t("back")}
        </Link>
        <h1 className="mt-2 text-2xl font-semibold">{t("title")}</h1>
        <p className="mt-1 break-all font-mono text-sm text-slate-700">{endpoint.url}</p>
      </div>
      <RedeliverRangeForm endpointId={endpoint.id} />
      <nav aria-label={t("filter")} className="flex flex-wrap gap-2">
        {filters.map((filter) => (
          <Link
            key={filter.label}
            href={href({ state: filter.value })}
            aria-current={filter.value === state ? "page" : undefined}
            className="rounded-full border border-slate-300 px-3 py-1 text-sm aria-[current=page]:border-brand-700 aria-[current=page]:bg-brand-50 aria-[current=page]:font-semibold"
          >
            {filter.label}
          </Link>
        ))}
      </nav>
      {page.rows.length === 0 ? (
        <p className="text-sm text-slate-600">{t("empty")}</p>
      ) : (
        <ul aria-label={t("title")} className="space-y-3">
          {page.rows.map((delivery) => (
            <li key={delivery.id} className="rounded-md border border-slate-200 bg-white p-4">
              <div className="flex flex-wrap items-center gap-2">
                <span
                  className={`rounded-full px-2.5 py-0.5 text-xs font-semibold ring-1 ring-inset ${STATE_CLASSES[delivery.state]}`}
                >
                  {t(`stateName.${delivery.state}`)}
                </span>
                <span className="text-sm font-medium">{tw(`eventType.${delivery.eventType}` as "eventType.ping")}</span>
                <code className="text-xs text-slate-500">{delivery.eventType}</code>
                {delivery.serialNumber && <span className="font-mono text-sm">{delivery.serialNumber}</span>}
              </div>
              <dl className="mt-2 grid grid-cols-1 gap-x-6 gap-y-1 text-sm sm:grid-cols-2">
                <div>
                  <dt className="inline text-slate-600">{t("created")}: </dt>
                  <dd className="inline">{formatDateTime(delivery.createdAt)}</dd>
                </div>
                <div>
                  <dt className="inline text-slate-600">{t("attempts")}: </dt>
                  <dd className="inline">{delivery.attempts}</dd>
                </div>
                <div>
                  <dt className="inline text-slate-600">{t("lastStatus")}: </dt>
                  <dd className="inline">{delivery.lastStatusCode ?? t("noStatus")}</dd>
                </div>
                {delivery.nextAttemptAt && (
                  <div>
                    <dt className="inline text-slate-600">{t("nextRetry")}: </dt>
                    <dd className="inline">{formatDateTime(delivery.nextAttemptAt)}</dd>
                  </div>
                )}
                {delivery.deliveredAt && <div>{t("deliveredAt", { date: formatDateTime(delivery.deliveredAt) })}</div>}
                <div className="sm:col-span-2">
                  <dt className="inline text-slate-600">{t("eventId")}: </dt>
                  <dd className="inline break-all font-mono text-xs">{delivery.eventId}</dd>
                </div>
              </dl>
              <details className="mt-3">
                <summary className="cursor-pointer text-sm font-medium text-brand-800">{t("attemptsTitle")}</summary>
                {delivery.recentAttempts.length === 0 ? (
                  <p className="mt-2 text-sm text-slate-600">{t("noAttempts")}</p>
                ) : (
                  <ol className="mt-2 space-y-2">
                    {delivery.recentAttempts.map((attempt) => (
                      <li key={attempt.attemptedAt.toISOString()} className="rounded border border-slate-200 p-2 text-sm">
                        <p>
                          {t("attemptAt")} {formatDateTime(attempt.attemptedAt)} · {t("statusCode")}:{" "}
                          {attempt.statusCode ?? t("noStatus")} · {t("latency")}: {t("latencyMs", { ms: attempt.latencyMs })}
                        </p>
                        {attempt.error && (
                          <p className="mt-1 break-words text-red-800">
                            {t("error")}: {attempt.error}
                          </p>
                        )}
                        {attempt.responseBody && (
                          <div className="mt-1">
                            <p className="text-slate-600">{t("response")}</p>
                            <pre className="mt-1 max-h-40 overflow-auto whitespace-pre-wrap break-all rounded bg-slate-50 p-2 text-xs">
                              {attempt.responseBody}
                            </pre>
                          </div>
                        )}
                      </li>
                    ))}
                  </ol>
                )}
              </details>
              <div className="mt-3">
                <RedeliverButton endpointId={endpoint.id} deliveryId={delivery.id} />
              </div>
            </li>
          ))}
        </ul>
      )}
      <div className="flex flex-wrap gap-4">
        {paged && (
          <Link href={href({ state })} className="text-sm text-brand-800 underline">
            {t("newest")}
          </Link>
        )}
        {page.nextBefore && (
          <Link href={href({ state, before: page.nextBefore })} className="text-sm text-brand-800 underline">
            {t("older")}
          </Link>
        )}
      </div>
    </div>
  );
}
