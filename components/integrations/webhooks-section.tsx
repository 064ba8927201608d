import Link from "next/link";
import { getTranslations } from "next-intl/server";
import type { WebhookEndpointRow } from "@/lib/data/webhook-endpoints";
import { formatDateTime } from "@/lib/format";
import { DeleteEndpointDialog, RotateSecretDialog, SendTestButton } from "./webhook-endpoint-actions";
import { WebhookEndpointDialog } from "./webhook-endpoint-dialog";

/** Configurações → Integrações → Webhooks: the account's endpoints, as cards (no sideways scroll at 390 px). */
export async function WebhooksSection({ endpoints, allowLocal }: { endpoints: WebhookEndpointRow[]; allowLocal: boolean }) {
  const t = await getTranslations("webhooks");
  return (
    <section aria-labelledby="webhooks-title" className="space-y-4 rounded-lg border border-slate-200 bg-white p-4 sm:p-6">
      <div className="flex flex-wrap items-start justify-between gap-3">
        <div className="max-w-2xl">
          <h2 id="webhooks-title" className="text-lg font-semibold">
            {t("title")}
          </h2>
          <p className="mt-1 text-sm text-slate-700">{t("intro")}</p>
        </div>
        <WebhookEndpointDialog allowLocal={allowLocal} />
      </div>
      {endpoints.length === 0 ? (
        <p className="text-sm text-slate-600">{t("empty")}</p>
      ) : (
        <ul className="space-y-3">
          {endpoints.map((endpoint) => (
            <li key={endpoint.id} className="rounded-md border border-slate-200 p-4">
              <div className="flex flex-wrap items-center gap-2">
                <span className="break-all font-mono text-sm font-medium">{endpoint.url}</span>
                <span
                  className={`rounded-full px-2.5 py-0.5 text-xs font-semibold ring-1 ring-inset ${
                    endpoint.enabled
                      ? "bg-green-100 text-green-900 ring-green-700/30"
                      : "bg-slate-100 text-slate-800 ring-slate-500/30"
                  }`}
                >
                  {endpoint.enabled
                    ? t("statusEnabled")
                    : endpoint.disabledReason === "FAILING"
                      ? t("statusDisabledFailing")
                      : t("statusDisabled")}
                </span>
              </div>
              <p className="mt-2 text-sm text-slate-700">
                {endpoint.eventTypes.map((type) => t(`eventType.${type}` as "eventType.ping")).join(", ")}
              </p>
              <p className="mt-1 text-xs text-slate-600">{t("counts", { pending: endpoint.pending, failed: endpoint.failed })}</p>
              {endpoint.failingSince && (
                <p className="mt-1 text-xs text-red-800">{t("failingSince", { date: formatDateTime(endpoint.failingSince) })}</p>
              )}
              {endpoint.previousSecretExpiresAt && (
                <p className="mt-1 text-xs text-slate-600">
                  {t("previousSecret", { date: formatDateTime(endpoint.previousSecretExpiresAt) })}
                </p>
              )}
              <div className="mt-3 flex flex-wrap items-center gap-2">
                <Link
                  href={`/fabricante/configuracoes/integracoes/webhooks/${endpoint.id}`}
                  className="rounded-md border border-slate-300 bg-white px-3 py-1.5 text-sm font-medium text-brand-800 hover:bg-slate-50"
                >
                  {t("deliveries")}
                </Link>
                <WebhookEndpointDialog endpoint={endpoint} allowLocal={allowLocal} />
                <SendTestButton endpointId={endpoint.id} />
                <RotateSecretDialog endpointId={endpoint.id} />
                <DeleteEndpointDialog endpointId={endpoint.id} url={endpoint.url} />
              </div>
            </li>
          ))}
        </ul>
      )}
    </section>
  );
}
