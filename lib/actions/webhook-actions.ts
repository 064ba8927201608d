"use server";

// Configurações → Integrações → Webhooks. Each action: session → account → zod → "integrations.manage"
// → data function, which writes the account event in the same transaction.
import { revalidatePath } from "next/cache";
import { defineAction } from "@/lib/actions/define-action";
import { redeliverFailedWebhooks, redeliverWebhook } from "@/lib/data/webhook-deliveries";
import {
  createWebhookEndpoint,
  deleteWebhookEndpoint,
  rotateWebhookSecret,
  sendWebhookPing,
  updateWebhookEndpoint,
} from "@/lib/data/webhook-endpoints";
import { AppError } from "@/lib/errors";
import { checkWebhookUrl, webhookAddressPolicy } from "@/lib/webhooks/address-policy";
import {
  webhookEndpointIdSchema,
  webhookEndpointSchema,
  webhookEndpointUpdateSchema,
  webhookRedeliverRangeSchema,
  webhookRedeliverSchema,
} from "@/lib/validation/webhooks";

const PAGE = "/fabricante/configuracoes/integracoes";
const DAY = 24 * 60 * 60 * 1000;

async function assertDeliverableUrl(url: string) {
  const problem = await checkWebhookUrl(url, webhookAddressPolicy());
  if (problem) throw new AppError("VALIDATION", undefined, { url: [`webhookUrl.${problem}`] });
}

export const createWebhook = defineAction({
  name: "createWebhook",
  input: webhookEndpointSchema,
  permission: "integrations.manage",
  async handler(input, context) {
    await assertDeliverableUrl(input.url);
    const created = await createWebhookEndpoint(context.account.id, { userId: context.user.id }, input);
    revalidatePath(PAGE);
    return created;
  },
});

export const updateWebhook = defineAction({
  name: "updateWebhook",
  input: webhookEndpointUpdateSchema,
  permission: "integrations.manage",
  async handler({ id, ...input }, context) {
    await assertDeliverableUrl(input.url);
    await updateWebhookEndpoint(context.account.id, { userId: context.user.id }, id, input);
    revalidatePath(PAGE);
    return { id };
  },
});

export const rotateWebhook = defineAction({
  name: "rotateWebhook",
  input: webhookEndpointIdSchema,
  permission: "integrations.manage",
  async handler({ id }, context) {
    const rotated = await rotateWebhookSecret(context.account.id, { userId: context.user.id }, id);
    revalidatePath(PAGE);
    return rotated;
  },
});

export const deleteWebhook = defineAction({
  name: "deleteWebhook",
  input: webhookEndpointIdSchema,
  permission: "integrations.manage",
  async handler({ id }, context) {
    await deleteWebhookEndpoint(context.account.id, { userId: context.user.id }, id);
    revalidatePath(PAGE);
    return { id };
  },
});

export const sendWebhookTest = defineAction({
  name: "sendWebhookTest",
  input: webhookEndpointIdSchema,
  permission: "integrations.manage",
  async handler({ id }, context) {
    const deliveryId = await sendWebhookPing(context.account.id, id);
    revalidatePath(`${PAGE}/webhooks/${id}`);
    return { deliveryId };
  },
});

export const redeliverWebhookDelivery = defineAction({
  name: "redeliverWebhookDelivery",
  input: webhookRedeliverSchema,
  permission: "integrations.manage",
  async handler({ endpointId, deliveryId }, context) {
    await redeliverWebhook(context.account.id, endpointId, deliveryId);
    revalidatePath(`${PAGE}/webhooks/${endpointId}`);
    return { deliveryId };
  },
});

export const redeliverFailedWebhookRange = defineAction({
  name: "redeliverFailedWebhookRange",
  input: webhookRedeliverRangeSchema,
  permission: "integrations.manage",
  async handler({ endpointId, from, to }, context) {
    // Whole days in São Paulo (UTC−3), as the dates are shown.
    const start = new Date(`${from}T00:00:00-03:00`);
    const end = new Date(new Date(`${to}T00:00:00-03:00`).getTime() + DAY);
    const count = await redeliverFailedWebhooks(context.account.id, endpointId, start, end);
    revalidatePath(`${PAGE}/webhooks/${endpointId}`);
    return { count };
  },
});
