// The webhook workers of one server process (started by server.ts). Each lane loops: claim a batch
// of due deliveries, POST them in parallel, record every attempt in one statement. Lanes sleep
// until a NOTIFY from the outbox (or the poll, for retries) wakes them.
import type { SqlClient } from "@/lib/db/sql-client";
import {
  claimDeliveries,
  recordAttempts,
  responsibleEmails,
  updateEndpointHealth,
  type AttemptRecord,
  type ClaimedDelivery,
  type DisabledEndpoint,
} from "@/lib/data/webhook-outbox";
import { nextAttemptAt } from "@/lib/domain/webhook-retry";
import { sendMail } from "@/lib/mail/mailer";
import type { WebhookWorkerConfig } from "./config";
import { postWebhook } from "./sender";
import { EVENT_ID_HEADER, SIGNATURE_HEADER, signatureHeader, TIMESTAMP_HEADER } from "./signature";

export type WebhookWorker = {
  /** Look for due deliveries now (e.g. after a NOTIFY). */
  wake(): void;
  /** Stops claiming and waits for the batches in flight to be recorded. */
  stop(): Promise<void>;
};

type Log = { info(line: string): void; error(line: string): void };
const consoleLog: Log = { info: (line) => console.log(line), error: (line) => console.error(line) };

/** The exact body and headers of one attempt (signed at send time, so the timestamp is fresh). */
export function buildRequest(delivery: Pick<ClaimedDelivery, "payload" | "eventId" | "secrets">, now = Date.now()) {
  const { id, type, createdAt, account, data } = delivery.payload;
  const body = JSON.stringify({ id, type, createdAt, account, data });
  const timestamp = Math.floor(now / 1000);
  return {
    body,
    headers: {
      "user-agent": "PortalAssinaturas-Webhooks/1",
      [EVENT_ID_HEADER]: delivery.eventId,
      [TIMESTAMP_HEADER]: String(timestamp),
      [SIGNATURE_HEADER]: signatureHeader(delivery.secrets, timestamp, body),
    },
  };
}

/** One claim-send-record round; returns how many deliveries it claimed. */
export async function deliverBatch(sql: SqlClient, config: WebhookWorkerConfig, log: Log = consoleLog): Promise<number> {
  const claimed = await claimDeliveries(sql, config.batchSize, config.leaseMs);
  if (claimed.length === 0) return 0;
  const records = await Promise.all(
    claimed.map(async (delivery): Promise<AttemptRecord> => {
      const attemptedAt = new Date();
      const { body, headers } = buildRequest(delivery, attemptedAt.getTime());
      const outcome = await postWebhook({ url: delivery.url, body, headers, timeoutMs: config.timeoutMs, policy: config.policy });
      return {
        deliveryId: delivery.id,
        lease: delivery.lease,
        endpointId: delivery.endpointId,
        attemptedAt,
        ...outcome,
        nextAttemptAt: outcome.ok
          ? null
          : nextAttemptAt(delivery.attempts, delivery.retryFrom, new Date(), config.retry, Math.random()),
      };
    }),
  );
  await recordAttempts(sql, records);
  const succeeded = [...new Set(records.filter((r) => r.ok).map((r) => r.endpointId))];
  const failed = [...new Set(records.filter((r) => !r.ok).map((r) => r.endpointId))];
  const disabled = await updateEndpointHealth(sql, succeeded, failed, config.disableAfterMs);
  for (const endpoint of disabled) await tellResponsibles(sql, endpoint, log);
  return claimed.length;
}

async function tellResponsibles(sql: SqlClient, endpoint: DisabledEndpoint, log: Log) {
  log.info(`[webhooks] endpoint ${endpoint.id} desativado após falhas seguidas`);
  try {
    for (const to of await responsibleEmails(sql, endpoint.accountId)) {
      await sendMail({
        to,
        subject: "Webhook desativado / Webhook disabled",
        text:
          `O endpoint de webhook ${endpoint.url} falhou em todas as entregas por 3 dias e foi desativado. ` +
          `Corrija o receptor e reative-o em Configurações → Integrações; as entregas pendentes serão enviadas.\n\n` +
          `The webhook endpoint ${endpoint.url} failed every delivery for 3 days and was disabled. ` +
          `Fix the receiver and enable it again in Settings → Integrations; pending deliveries will be sent.`,
      });
    }
  } catch (error) {
    log.error(`[webhooks] e-mail about endpoint ${endpoint.id} not sent: ${error instanceof Error ? error.message : error}`);
  }
}

export function startWebhookWorker(sql: SqlClient, config: WebhookWorkerConfig, log: Log = consoleLog): WebhookWorker {
  let stopping = false;
  // A wake that finds every lane busy is kept, so the next lane to finish looks again at once.
  let signaled = false;
  const sleepers = new Set<() => void>();
  const wake = () => {
    signaled = true;
    for (const resume of sleepers) resume();
  };
  const sleep = (ms: number) =>
    new Promise<void>((resolve) => {
      if (signaled) {
        signaled = false;
        return resolve();
      }
      const timer = setTimeout(done, ms);
      function done() {
        clearTimeout(timer);
        sleepers.delete(done);
        signaled = false;
        resolve();
      }
      sleepers.add(done);
    });

  const lane = async () => {
    while (!stopping) {
      let claimed = 0;
      try {
        claimed = await deliverBatch(sql, config, log);
      } catch (error) {
        // The database away (restart) or a bad row: nothing is lost, the claim's lease runs out.
        log.error(`[webhooks] batch failed: ${error instanceof Error ? error.message : error}`);
      }
      // While there is work, loop at once (a serial's next event becomes due as soon as the previous
      // one is recorded); idle, wait for a NOTIFY or the poll.
      if (!stopping && claimed === 0) await sleep(config.pollMs);
    }
  };
  const lanes = Array.from({ length: config.lanes }, () => lane());
  return {
    wake,
    async stop() {
      stopping = true;
      wake();
      await Promise.all(lanes);
    },
  };
}
