// Starts this process's webhook workers and their NOTIFY listener; returns how to stop both.
import type { Database } from "@/lib/db/connection";
import { webhookWorkerConfig } from "@/lib/webhooks/config";
import { listenForDeliveries } from "@/lib/webhooks/notifications";
import { startWebhookWorker } from "@/lib/webhooks/worker";

export async function startWebhookWorkers(db: Database): Promise<() => Promise<void>> {
  const config = webhookWorkerConfig(db.sql.dialect);
  if (config.lanes === 0) return async () => undefined;
  const worker = startWebhookWorker(db.sql, config);
  const unlisten = await listenForDeliveries(db.target, worker.wake).catch((error: unknown) => {
    console.error("[webhooks] LISTEN failed, polling only:", error instanceof Error ? error.message : error);
    return async () => undefined;
  });
  return async () => {
    await unlisten();
    await worker.stop();
  };
}
