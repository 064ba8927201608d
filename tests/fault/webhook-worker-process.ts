// A server process's webhook side, alone (no Next build needed): the same startWebhookWorkers that
// server.ts runs. tests/fault/webhooks.ts starts it, SIGKILLs it and starts it again.
import { getDatabase } from "../../lib/db/connection";
import { startWebhookWorkers } from "../../lib/runtime/webhook-workers";

const db = await getDatabase();
const stop = await startWebhookWorkers(db);
process.send?.("ready");
process.on("SIGTERM", () => {
  void stop().finally(() => db.close().finally(() => process.exit(0)));
});
