// The integration API's endpoints: each one a method, a path pattern, its body schema (writes) or
// accepted query names (reads), and a handler over the same lib/data functions the portal uses.
import type { z } from "zod";
import { apiGetCustomer, apiGetSubscription, apiListCustomers, apiListEvents, apiListSubscriptions } from "@/lib/data/api-reads";
import { createCustomer, updateCustomer } from "@/lib/data/customers";
import { subscriptionReasons } from "@/lib/data/api-reasons";
import { createSubscription } from "@/lib/data/subscription-sales";
import { renewSubscription } from "@/lib/data/subscription-renewal";
import { transitionSubscription } from "@/lib/data/subscription-transitions";
import type { SubscriptionAction } from "@/lib/domain/subscription-transitions";
import { AppError } from "@/lib/errors";
import { customerInputSchema } from "@/lib/validation/customer";
import {
  cancelBodySchema,
  customerCreateBodySchema,
  customerUpdateBodySchema,
  pageQuerySchema,
  releaseBodySchema,
  renewBodySchema,
  SUBSCRIPTION_LIST_PARAMS,
  subscriptionCreateBodySchema,
  suspendBodySchema,
} from "@/lib/validation/manufacturer-api";
import { parseSerialNumber } from "@/lib/validation/serial-number";
import { parseSubscriptionFilters } from "@/lib/validation/subscription-filters";
import { decodeCursor, encodeCursor, type CursorKind } from "./cursor";
import type { RouteContext, RouteResult } from "./types";

export type Route = {
  method: "GET" | "POST" | "PATCH";
  /** Segments after /api/v1/manufacturer/; ":name" captures one. */
  pattern: string[];
  /** Writes: the body's schema. */
  body?: z.ZodType;
  /** Reads: the query names accepted (others are refused). */
  queryNames?: readonly string[];
  run: (ctx: RouteContext, input: never) => Promise<RouteResult>;
};

const PAGE_PARAMS = ["limit", "cursor"] as const;

/** limit and cursor of a list; a bad cursor is a 400 of its own. */
function page(ctx: RouteContext, kind: CursorKind) {
  const parsed = pageQuerySchema.safeParse({
    limit: ctx.query.get("limit") ?? undefined,
    cursor: ctx.query.get("cursor") ?? undefined,
  });
  if (!parsed.success) throw parsed.error;
  const cursor = parsed.data.cursor;
  const after = cursor === undefined || cursor === "" ? null : decodeCursor(kind, cursor);
  if (cursor && after === null) throw new AppError("VALIDATION", "INVALID_CURSOR", { cursor: ["apiCursorInvalid"] });
  return { limit: parsed.data.limit, after };
}

function list<T>(kind: CursorKind, items: T[], last: string | null): RouteResult {
  return { status: 200, body: { data: items, nextCursor: last === null ? null : encodeCursor(kind, last) } };
}

function serialParam(ctx: RouteContext): string {
  const serial = parseSerialNumber(ctx.params.serial ?? "");
  // A malformed serial can't belong to this account: not found, like any other unknown serial.
  if (!serial) throw new AppError("NOT_FOUND");
  return serial;
}

async function subscriptionAfterWrite(ctx: RouteContext, serial: string) {
  const subscription = await apiGetSubscription(ctx.sql, ctx.scope, serial, ctx.now);
  if (!subscription) throw new AppError("NOT_FOUND");
  return subscription;
}

function transition(action: SubscriptionAction) {
  return async (ctx: RouteContext, input: { reasonId?: string; description?: string; suspendedUntil?: string }) => {
    const result = await transitionSubscription(ctx.scope.accountId, serialParam(ctx), action, input, ctx.actor, ctx.now, {
      tx: ctx.sql,
    });
    return { status: 200, body: await subscriptionAfterWrite(ctx, result.serialNumber) };
  };
}

export const ROUTES: Route[] = [
  {
    method: "GET",
    pattern: ["customers"],
    queryNames: PAGE_PARAMS,
    async run(ctx) {
      const { limit, after } = page(ctx, "customers");
      const result = await apiListCustomers(ctx.sql, ctx.scope, { after, limit });
      return list("customers", result.items, result.last);
    },
  },
  {
    method: "POST",
    pattern: ["customers"],
    body: customerCreateBodySchema,
    async run(ctx, input: z.output<typeof customerCreateBodySchema>) {
      const created = await createCustomer(ctx.scope, input, ctx.actor, { tx: ctx.sql });
      return { status: 201, body: await apiGetCustomer(ctx.sql, ctx.scope, created.id) };
    },
  },
  {
    method: "GET",
    pattern: ["customers", ":id"],
    queryNames: [],
    async run(ctx) {
      const customer = await customerOrNotFound(ctx);
      return { status: 200, body: customer };
    },
  },
  {
    method: "PATCH",
    pattern: ["customers", ":id"],
    body: customerUpdateBodySchema,
    async run(ctx, input: z.output<typeof customerUpdateBodySchema>) {
      const current = await customerOrNotFound(ctx);
      // The merged customer is validated whole, as the portal's form would be.
      const merged = customerInputSchema.safeParse({ ...current, ...input });
      if (!merged.success) throw merged.error;
      await updateCustomer(ctx.scope, current.id, merged.data, ctx.actor, { tx: ctx.sql });
      return { status: 200, body: await apiGetCustomer(ctx.sql, ctx.scope, current.id) };
    },
  },
  {
    method: "GET",
    pattern: ["subscriptions"],
    queryNames: SUBSCRIPTION_LIST_PARAMS,
    async run(ctx) {
      const { limit, after } = page(ctx, "subscriptions");
      const raw: Record<string, string[]> = {};
      for (const [name, value] of ctx.query) if (name !== "limit" && name !== "cursor") (raw[name] ??= []).push(value);
      const { filters, problems } = parseSubscriptionFilters(raw);
      if (problems.length) {
        throw new AppError(
          "VALIDATION",
          undefined,
          Object.fromEntries(
            problems.map((problem) => [
              problem.field,
              [problem.problem === "invalidDate" ? "dateInvalid" : `subscriptions.filters.problems.${problem.problem}`],
            ]),
          ),
        );
      }
      const result = await apiListSubscriptions(ctx.sql, ctx.scope, filters, { after, limit, now: ctx.now });
      return list("subscriptions", result.items, result.last);
    },
  },
  {
    method: "POST",
    pattern: ["subscriptions"],
    body: subscriptionCreateBodySchema,
    async run(ctx, input: z.output<typeof subscriptionCreateBodySchema>) {
      const created = await createSubscription(ctx.scope, input, ctx.actor, { tx: ctx.sql, now: ctx.now });
      return { status: 201, body: await subscriptionAfterWrite(ctx, created.serialNumber) };
    },
  },
  {
    method: "GET",
    pattern: ["subscriptions", ":serial"],
    queryNames: [],
    async run(ctx) {
      return { status: 200, body: await subscriptionAfterWrite(ctx, serialParam(ctx)) };
    },
  },
  {
    method: "POST",
    pattern: ["subscriptions", ":serial", "renew"],
    body: renewBodySchema,
    async run(ctx, input: z.output<typeof renewBodySchema>) {
      const result = await renewSubscription(ctx.scope, serialParam(ctx), input.periods, ctx.actor, { tx: ctx.sql });
      return { status: 200, body: await subscriptionAfterWrite(ctx, result.serialNumber) };
    },
  },
  { method: "POST", pattern: ["subscriptions", ":serial", "suspend"], body: suspendBodySchema, run: transition("SUSPEND") },
  { method: "POST", pattern: ["subscriptions", ":serial", "cancel"], body: cancelBodySchema, run: transition("CANCEL") },
  { method: "POST", pattern: ["subscriptions", ":serial", "release"], body: releaseBodySchema, run: transition("RELEASE") },
  {
    method: "GET",
    pattern: ["reasons"],
    queryNames: [],
    async run(ctx) {
      return { status: 200, body: { data: await subscriptionReasons(ctx.sql, ctx.scope) } };
    },
  },
  {
    method: "GET",
    pattern: ["events"],
    queryNames: PAGE_PARAMS,
    async run(ctx) {
      const { limit, after } = page(ctx, "events");
      const result = await apiListEvents(ctx.sql, ctx.scope, { afterSeq: after ?? "0", limit });
      // Polling: with no new event the cursor given is handed back, so the client keeps its place.
      return { status: 200, body: { data: result.items, nextCursor: encodeCursor("events", result.last ?? after ?? "0") } };
    },
  },
];

async function customerOrNotFound(ctx: RouteContext) {
  const id = ctx.params.id ?? "";
  const customer = /^[0-9a-f]{8}-[0-9a-f]{4}-[0-9a-f]{4}-[0-9a-f]{4}-[0-9a-f]{12}$/i.test(id)
    ? await apiGetCustomer(ctx.sql, ctx.scope, id)
    : null;
  if (!customer) throw new AppError("NOT_FOUND");
  return customer;
}

/** The route for a path and method: `route` null when no path matches, `allowed` the methods the path has. */
export function matchRoute(method: string, segments: string[]) {
  const allowed: string[] = [];
  for (const route of ROUTES) {
    if (route.pattern.length !== segments.length) continue;
    const params: Record<string, string> = {};
    const matches = route.pattern.every((part, i) => {
      if (part.startsWith(":")) {
        params[part.slice(1)] = segments[i]!;
        return segments[i]!.length > 0;
      }
      return part === segments[i];
    });
    if (!matches) continue;
    if (route.method === method) return { route, params, allowed };
    allowed.push(route.method);
  }
  return { route: null, params: {}, allowed };
}
