// Per-request facts the request log line needs but only the app knows (the signed-in account),
// carried from server.ts through Next's handlers by AsyncLocalStorage. Kept on globalThis so that
// server.ts and Next's server bundle share one storage.
import { AsyncLocalStorage } from "node:async_hooks";

export type RequestContext = { id: string; accountId?: string; userId?: string };

const KEY = Symbol.for("portal-assinaturas.request-context");
const registry = globalThis as unknown as { [KEY]?: AsyncLocalStorage<RequestContext> };
const storage = (registry[KEY] ??= new AsyncLocalStorage<RequestContext>());

export function runWithRequestContext<T>(context: RequestContext, fn: () => T): T {
  return storage.run(context, fn);
}

export function currentRequestContext(): RequestContext | undefined {
  return storage.getStore();
}

/** Called once the request's user and account are known (lib/auth/context.ts). */
export function noteRequestIdentity(userId: string, accountId: string | undefined): void {
  const context = storage.getStore();
  if (!context) return;
  context.userId = userId;
  context.accountId = accountId;
}
