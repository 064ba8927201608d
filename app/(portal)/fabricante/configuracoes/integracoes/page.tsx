import type { Metadata } from "next";
import { getTranslations } from "next-intl/server";
import { ApiKeysSection } from "@/components/integrations/api-keys-section";
import { WebhooksSection } from "@/components/integrations/webhooks-section";
import { getCurrentContext } from "@/lib/auth/context";
import { requirePagePermission } from "@/lib/auth/require-page-permission";
import { listApiKeys } from "@/lib/data/api-keys";
import { listWebhookEndpoints } from "@/lib/data/webhook-endpoints";
import { webhookAddressPolicy } from "@/lib/webhooks/address-policy";

export async function generateMetadata(): Promise<Metadata> {
  const t = await getTranslations("webhooks.integrations");
  return { title: t("title") };
}

/** Fabricante → Configurações → Integrações: the Responsável and Administrador of a manufacturer. */
export default async function IntegrationsPage() {
  const context = await getCurrentContext();
  requirePagePermission(context, "integrations.manage");
  const t = await getTranslations("webhooks.integrations");
  const [endpoints, apiKeys] = await Promise.all([listWebhookEndpoints(context.account.id), listApiKeys(context.account.id)]);
  return (
    <div className="space-y-6">
      <div>
        <h1 className="text-2xl font-semibold">{t("title")}</h1>
        <p className="mt-1 text-slate-700">{t("intro", { account: context.account.name })}</p>
      </div>
      <ApiKeysSection keys={apiKeys} />
      <WebhooksSection endpoints={endpoints} allowLocal={webhookAddressPolicy().allowLocal} />
    </div>
  );
}
