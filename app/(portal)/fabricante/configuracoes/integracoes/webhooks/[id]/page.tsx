import type { Metadata } from "next";
import { notFound } from "next/navigation";
import { getTranslations } from "next-intl/server";
import { WebhookDeliveryLog } from "@/components/integrations/webhook-delivery-log";
import { getCurrentContext } from "@/lib/auth/context";
import { requirePagePermission } from "@/lib/auth/require-page-permission";
import { listWebhookDeliveries, type DeliveryState } from "@/lib/data/webhook-deliveries";
import { getWebhookEndpoint } from "@/lib/data/webhook-endpoints";

type Props = { params: Promise<{ id: string }>; searchParams: Promise<Record<string, string | string[] | undefined>> };

const UUID = /^[0-9a-f]{8}-[0-9a-f]{4}-[0-9a-f]{4}-[0-9a-f]{4}-[0-9a-f]{12}$/i;
const STATES: readonly DeliveryState[] = ["PENDING", "DELIVERED", "FAILED"];

export async function generateMetadata(): Promise<Metadata> {
  const t = await getTranslations("webhooks.log");
  return { title: t("title") };
}

/** Integrações → Ver entregas: one endpoint's deliveries, their attempts, and "Reenviar". */
export default async function WebhookDeliveriesPage({ params, searchParams }: Props) {
  const context = await getCurrentContext();
  requirePagePermission(context, "integrations.manage");
  const { id } = await params;
  if (!UUID.test(id)) notFound();
  const endpoint = await getWebhookEndpoint(context.account.id, id);
  if (!endpoint) notFound();
  const query = await searchParams;
  const state = STATES.find((value) => value === query.state);
  const before = typeof query.before === "string" ? query.before : undefined;
  const page = await listWebhookDeliveries(context.account.id, id, { state, before });
  return <WebhookDeliveryLog endpoint={endpoint} page={page} state={state} paged={Boolean(before)} />;
}
