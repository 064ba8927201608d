// The webhook workers' settings, from the environment (README, "Webhooks").
import { z } from "zod";
import { DEFAULT_RETRY_POLICY, type RetryPolicy } from "@/lib/domain/webhook-retry";
import { webhookAddressPolicy, type AddressPolicy } from "./address-policy";

export type WebhookWorkerConfig = {
  /** Concurrent claim-send-record loops in this process; 0 turns the workers off. */
  lanes: number;
  /** Deliveries claimed (and sent in parallel) per loop. */
  batchSize: number;
  /** How often an idle loop looks for due retries (new events wake it at once). */
  pollMs: number;
  timeoutMs: number;
  /** How long a claim lasts: past the timeout, so a live worker never loses it mid-send. */
  leaseMs: number;
  retry: RetryPolicy;
  /** A failing streak this long turns the endpoint off. */
  disableAfterMs: number;
  policy: AddressPolicy;
};

const DAY = 24 * 60 * 60 * 1000;
const ms = (fallback: number) => z.coerce.number().int().min(1).default(fallback);

export function webhookWorkerConfig(
  dialect: "postgres" | "pglite",
  env: Record<string, string | undefined> = process.env,
): WebhookWorkerConfig {
  const parsed = z
    .object({
      WEBHOOK_WORKERS: z.coerce.number().int().min(0).max(64).optional(),
      WEBHOOK_TIMEOUT_MS: ms(10_000),
      WEBHOOK_RETRY_BASE_MS: ms(DEFAULT_RETRY_POLICY.baseMs),
      WEBHOOK_RETRY_MAX_MS: ms(DEFAULT_RETRY_POLICY.maxMs),
      WEBHOOK_RETRY_WINDOW_MS: ms(DEFAULT_RETRY_POLICY.windowMs),
      WEBHOOK_DISABLE_AFTER_MS: ms(3 * DAY),
    })
    .safeParse(env);
  if (!parsed.success) {
    throw new Error(
      `Configuração inválida dos webhooks: ${parsed.error.issues.map((i) => `${i.path.join(".")}: ${i.message}`).join("; ")}`,
    );
  }
  const values = parsed.data;
  // The embedded database is one connection shared with the pages: one small loop is enough.
  const embedded = dialect === "pglite";
  return {
    lanes: values.WEBHOOK_WORKERS ?? (embedded ? 1 : 4),
    batchSize: embedded ? 10 : 100,
    pollMs: 1000,
    timeoutMs: values.WEBHOOK_TIMEOUT_MS,
    leaseMs: values.WEBHOOK_TIMEOUT_MS * 2 + 10_000,
    retry: { baseMs: values.WEBHOOK_RETRY_BASE_MS, maxMs: values.WEBHOOK_RETRY_MAX_MS, windowMs: values.WEBHOOK_RETRY_WINDOW_MS },
    disableAfterMs: values.WEBHOOK_DISABLE_AFTER_MS,
    policy: webhookAddressPolicy(env),
  };
}
