// What the Integrações forms send for webhooks. Messages are keys of the "validation" namespace.
import { z } from "zod";
import { isWebhookEventType, WEBHOOK_EVENT_TYPES } from "@/lib/domain/webhook-events";

export const WEBHOOK_URL_MAX = 2048;

const uuid = z.uuid({ error: "invalidUuid" });

// A checkbox group arrives as a string (one box) or an array (several), absent when none is ticked.
const eventTypes = z
  .union([z.string(), z.array(z.string())], { error: "webhookEventsRequired" })
  .transform((value) => (Array.isArray(value) ? value : [value]))
  // One message on the field itself (not on "eventTypes.0"), where the form shows it.
  .refine((types) => types.length > 0 && types.every(isWebhookEventType), { error: "webhookEventsRequired" })
  .transform((types) => WEBHOOK_EVENT_TYPES.filter((type) => types.includes(type)));

export const webhookEndpointSchema = z.object({
  url: z
    .string({ error: "required" })
    .trim()
    .min(1, { error: "required", abort: true })
    .max(WEBHOOK_URL_MAX, { error: "tooLong" }),
  eventTypes,
  enabled: z
    .literal("on")
    .optional()
    .transform((value) => value === "on"),
});

export const webhookEndpointUpdateSchema = webhookEndpointSchema.extend({ id: uuid });

export const webhookEndpointIdSchema = z.object({ id: uuid });

export const webhookRedeliverSchema = z.object({ endpointId: uuid, deliveryId: uuid });

const isoDate = z
  .string({ error: "required" })
  .regex(/^\d{4}-\d{2}-\d{2}$/, { error: "dateInvalid" })
  .refine((value) => !Number.isNaN(Date.parse(`${value}T00:00:00Z`)), { error: "dateInvalid" });

/** "Reenviar falhas" of a period: whole days in São Paulo time, both ends included. */
export const webhookRedeliverRangeSchema = z
  .object({ endpointId: uuid, from: isoDate, to: isoDate })
  .refine((value) => value.from <= value.to, { error: "dateRangeInvalid", path: ["to"] });
