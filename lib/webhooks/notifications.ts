// Wakes the workers when the outbox triggers NOTIFY "webhook_deliveries", so a new event leaves
// within milliseconds instead of at the next poll. PostgreSQL: a dedicated LISTEN connection that
// reconnects; PGlite: the embedded instance's own listen.
import pg from "pg";
import { SESSION_OPTIONS } from "@/lib/db/connection";
import { openPglite } from "@/lib/db/pglite";
import type { DatabaseTarget } from "@/lib/db/target";

export const DELIVERY_CHANNEL = "webhook_deliveries";

/** Calls `onNotify` on every notification until the returned function is called. */
export async function listenForDeliveries(target: DatabaseTarget, onNotify: () => void): Promise<() => Promise<void>> {
  if (target.kind === "pglite") {
    const db = await openPglite(target.dataDir);
    const unlisten = await db.listen(DELIVERY_CHANNEL, onNotify);
    return unlisten;
  }
  let stopped = false;
  let client: pg.Client | null = null;
  let retry: NodeJS.Timeout | undefined;
  const connect = async () => {
    if (stopped) return;
    const next = new pg.Client({ connectionString: target.url, options: SESSION_OPTIONS });
    const reconnect = () => {
      if (client !== next || stopped) return;
      client = null;
      next.end().catch(() => undefined);
      // The database went away (restart): the poll covers the gap, LISTEN comes back when it does.
      retry = setTimeout(() => void connect(), 1000);
      retry.unref();
    };
    next.on("error", reconnect);
    next.on("end", reconnect);
    next.on("notification", onNotify);
    client = next;
    try {
      await next.connect();
      await next.query(`LISTEN ${DELIVERY_CHANNEL}`);
      // Anything committed while we were away is due now.
      onNotify();
    } catch {
      reconnect();
    }
  };
  await connect();
  return async () => {
    stopped = true;
    clearTimeout(retry);
    const current = client;
    client = null;
    await current?.end().catch(() => undefined);
  };
}
