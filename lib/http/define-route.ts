// Every route handler for signed-in users goes through here: same origin (for writes) → session →
// current account → zod on the query string → requirePermission → handler. Failures become JSON 4xx with a localized
// message; a bug becomes a 500 carrying only a request id.
import type { NextRequest } from "next/server";
import { getTranslations } from "next-intl/server";
import type { z } from "zod";
import { getCurrentContext } from "@/lib/auth/context";
import { requirePermission, type AuthorizedContext } from "@/lib/auth/require-permission";
import type { Action } from "@/lib/domain/permissions";
import { isDatabaseUnavailable, noteDatabaseError, RETRY_AFTER_SECONDS } from "@/lib/db/availability";
import { AppError } from "@/lib/errors";
import { localizeAppError } from "@/lib/errors-localized";
import { newRequestId } from "@/lib/request-id";
import { localizedFieldErrors } from "@/lib/validation/field-errors";
import { isSafeMethod, isSameOrigin } from "./same-origin";

export function jsonError(
  status: number,
  code: string,
  message: string,
  extra: Record<string, unknown> = {},
  headers?: HeadersInit,
) {
  return Response.json({ error: { code, message, ...extra } }, { status, headers });
}

/** Search params as zod sees them: a repeated key becomes an array. */
export function searchParamsToObject(params: URLSearchParams): Record<string, string | string[]> {
  const result: Record<string, string | string[]> = {};
  for (const key of new Set(params.keys())) {
    const values = params.getAll(key);
    result[key] = values.length > 1 ? values : values[0]!;
  }
  return result;
}

/** The JSON answer for an expected failure: its HTTP status, stable code and localized message. */
export async function appErrorResponse(error: AppError): Promise<Response> {
  const headers = error.retryAfterSeconds ? { "Retry-After": String(error.retryAfterSeconds) } : undefined;
  const { message, fieldErrors } = await localizeAppError(error);
  return jsonError(error.status, error.code, message, fieldErrors ? { fieldErrors } : {}, headers);
}

/** Any failure of a route handler as a response: expected ones mapped, bugs logged with an id. */
export async function routeFailure(name: string, error: unknown): Promise<Response> {
  if (error instanceof AppError) return appErrorResponse(error);
  const t = await getTranslations("errors");
  if (isDatabaseUnavailable(error)) {
    noteDatabaseError(error);
    return jsonError(503, "UNAVAILABLE", t("UNAVAILABLE"), {}, { "Retry-After": String(RETRY_AFTER_SECONDS) });
  }
  const requestId = newRequestId();
  console.error(`[route ${name}] request ${requestId} failed:`, error);
  return jsonError(500, "INTERNAL", t("INTERNAL", { requestId }), { requestId });
}

export function defineRoute<Q extends z.ZodType>(config: {
  name: string;
  permission: Action;
  query: Q;
  handler: (args: { request: NextRequest; context: AuthorizedContext; query: z.output<Q> }) => Promise<Response>;
}) {
  return async function route(request: NextRequest): Promise<Response> {
    const t = await getTranslations("errors");
    try {
      if (!isSafeMethod(request.method) && !isSameOrigin(request.headers, request.url)) throw new AppError("CROSS_ORIGIN");
      const context = await getCurrentContext();
      if (!context) throw new AppError("UNAUTHENTICATED");
      const parsed = config.query.safeParse(searchParamsToObject(request.nextUrl.searchParams));
      if (!parsed.success) {
        return jsonError(400, "VALIDATION", t("VALIDATION"), { fieldErrors: await localizedFieldErrors(parsed.error) });
      }
      requirePermission(context, config.permission);
      return await config.handler({ request, context, query: parsed.data });
    } catch (error) {
      return routeFailure(config.name, error);
    }
  };
}
