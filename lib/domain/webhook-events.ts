// The event types a webhook endpoint can receive. Serial events mirror EventType (the history of a
// serial); "account.changed" carries the account's administration log; "ping" is "Enviar teste".

export const SERIAL_WEBHOOK_EVENTS = [
  "serial.created",
  "serial.activated",
  "serial.swapped",
  "serial.deactivated",
  "serial.suspended",
  "serial.released",
  "serial.cancelled",
  "serial.renewed",
] as const;

export const WEBHOOK_EVENT_TYPES = [...SERIAL_WEBHOOK_EVENTS, "account.changed"] as const;
export type WebhookEventType = (typeof WEBHOOK_EVENT_TYPES)[number];

export const PING_EVENT_TYPE = "ping";

export function isWebhookEventType(value: string): value is WebhookEventType {
  return (WEBHOOK_EVENT_TYPES as readonly string[]).includes(value);
}
