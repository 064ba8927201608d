import { getTranslations } from "next-intl/server";
import type { ApiKeyRow } from "@/lib/data/api-keys";
import { formatDateTime } from "@/lib/format";
import { ApiKeyDialog } from "./api-key-dialog";
import { RevokeApiKeyDialog } from "./api-key-revoke";

/** Configurações → Integrações → Chaves de API: the account's keys, as cards (no sideways scroll at 390 px). */
export async function ApiKeysSection({ keys }: { keys: ApiKeyRow[] }) {
  const t = await getTranslations("webhooks.apiKeys");
  return (
    <section aria-labelledby="api-keys-title" className="space-y-4 rounded-lg border border-slate-200 bg-white p-4 sm:p-6">
      <div className="flex flex-wrap items-start justify-between gap-3">
        <div className="max-w-2xl">
          <h2 id="api-keys-title" className="text-lg font-semibold">
            {t("title")}
          </h2>
          <p className="mt-1 text-sm text-slate-700">{t("intro")}</p>
          <a href="/api/v1/openapi.json" className="mt-1 inline-block text-sm font-medium text-brand-800 underline">
            {t("docs")}
          </a>
        </div>
        <ApiKeyDialog />
      </div>
      {keys.length === 0 ? (
        <p className="text-sm text-slate-600">{t("empty")}</p>
      ) : (
        <ul aria-label={t("list")} className="space-y-3">
          {keys.map((key) => (
            <li key={key.id} aria-label={key.name} className="rounded-md border border-slate-200 p-4">
              <div className="flex flex-wrap items-center gap-2">
                <span className="break-all font-medium">{key.name}</span>
                <code className="rounded bg-slate-100 px-1.5 py-0.5 text-xs text-slate-800">{key.prefix}…</code>
                <span
                  className={`rounded-full px-2.5 py-0.5 text-xs font-semibold ring-1 ring-inset ${
                    key.revokedAt
                      ? "bg-slate-100 text-slate-800 ring-slate-500/30"
                      : "bg-green-100 text-green-900 ring-green-700/30"
                  }`}
                >
                  {key.revokedAt ? t("statusRevoked") : t("statusActive")}
                </span>
              </div>
              <p className="mt-2 text-sm text-slate-700">{key.scopes.map((scope) => t(`scopeShort.${scope}`)).join(", ")}</p>
              <p className="mt-1 text-xs text-slate-600">
                {key.createdByName
                  ? t("createdBy", { date: formatDateTime(key.createdAt), name: key.createdByName })
                  : t("createdAt", { date: formatDateTime(key.createdAt) })}
                {" · "}
                {key.lastUsedAt ? t("lastUsed", { date: formatDateTime(key.lastUsedAt) }) : t("neverUsed")}
                {key.revokedAt && ` · ${t("revokedAt", { date: formatDateTime(key.revokedAt) })}`}
              </p>
              {!key.revokedAt && (
                <div className="mt-3">
                  <RevokeApiKeyDialog id={key.id} name={key.name} prefix={key.prefix} />
                </div>
              )}
            </li>
          ))}
        </ul>
      )}
    </section>
  );
}
