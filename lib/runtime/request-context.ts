// Per-request facts the request log line needs but only the app knows (the signed-in account),
// carried from server.ts through Next's handlers by AsyncLocalStorage. Kept on globalThis so that
// server.ts and Next's server bundle share one storage. Next's page rendering runs outside that
// storage, so server.ts also sets the request id as a header (REQUEST_ID_HEADER, replacing any the
// client sent) and keeps the requests in flight by id: a page render finds its request through it.
import { AsyncLocalStorage } from "node:async_hooks";

export type RequestContext = { id: string; accountId?: string; userId?: string };

const KEY = Symbol.for("portal-assinaturas.request-context");
const registry = globalThis as unknown as { [KEY]?: AsyncLocalStorage<RequestContext> };
const storage = (registry[KEY] ??= new AsyncLocalStorage<RequestContext>());
const IN_FLIGHT = Symbol.for("portal-assinaturas.requests-in-flight");
const flights = globalThis as unknown as { [IN_FLIGHT]?: Map<string, RequestContext> };
const inFlight = (flights[IN_FLIGHT] ??= new Map<string, RequestContext>());

export const REQUEST_ID_HEADER = "x-portal-request-id";

/** Registers a request until its response ends; returns what to call then. */
export function trackRequest(context: RequestContext): () => void {
  inFlight.set(context.id, context);
  return () => inFlight.delete(context.id);
}

export function runWithRequestContext<T>(context: RequestContext, fn: () => T): T {
  return storage.run(context, fn);
}

export function currentRequestContext(): RequestContext | undefined {
  return storage.getStore();
}

/**
 * Called once the request's user and account are known (lib/auth/context.ts), with the request id
 * header's value for the renders that run outside the storage.
 */
export function noteRequestIdentity(userId: string, accountId: string | undefined, requestId?: string | null): void {
  const context = storage.getStore() ?? (requestId ? inFlight.get(requestId) : undefined);
  if (!context) return;
  context.userId = userId;
  context.accountId = accountId;
}
