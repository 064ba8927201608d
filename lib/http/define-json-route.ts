// Route handlers that take a JSON body from signed-in users: same origin → session → current
// account → JSON and zod → requirePermission → handler, with the same error mapping as define-route.ts.
import type { NextRequest } from "next/server";
import { getTranslations } from "next-intl/server";
import type { z } from "zod";
import { getCurrentContext } from "@/lib/auth/context";
import { requirePermission, type AuthorizedContext } from "@/lib/auth/require-permission";
import type { Action } from "@/lib/domain/permissions";
import { AppError } from "@/lib/errors";
import { localizedFieldErrors } from "@/lib/validation/field-errors";
import { jsonError, routeFailure } from "./define-route";
import { isSameOrigin } from "./same-origin";

const MAX_BODY_BYTES = 16 * 1024;

export function defineJsonRoute<S extends z.ZodType, P extends Record<string, string>>(config: {
  name: string;
  body: S;
  permission: Action | ((input: z.output<S>) => Action);
  handler: (args: { request: NextRequest; context: AuthorizedContext; body: z.output<S>; params: P }) => Promise<Response>;
}) {
  return async function route(request: NextRequest, routeContext: { params: Promise<P> }): Promise<Response> {
    const t = await getTranslations("errors");
    try {
      if (!isSameOrigin(request.headers, request.url)) throw new AppError("CROSS_ORIGIN");
      const context = await getCurrentContext();
      if (!context) throw new AppError("UNAUTHENTICATED");
      if (!request.headers.get("content-type")?.toLowerCase().startsWith("application/json")) {
        return jsonError(415, "UNSUPPORTED_MEDIA_TYPE", t("UNSUPPORTED_MEDIA_TYPE"));
      }
      const text = await request.text();
      if (Buffer.byteLength(text) > MAX_BODY_BYTES) return jsonError(413, "PAYLOAD_TOO_LARGE", t("PAYLOAD_TOO_LARGE"));
      let json: unknown;
      try {
        json = JSON.parse(text);
      } catch {
        return jsonError(400, "MALFORMED_JSON", t("MALFORMED_JSON"));
      }
      const parsed = config.body.safeParse(json);
      if (!parsed.success) {
        return jsonError(400, "VALIDATION", t("VALIDATION"), { fieldErrors: await localizedFieldErrors(parsed.error) });
      }
      requirePermission(context, typeof config.permission === "function" ? config.permission(parsed.data) : config.permission);
      return await config.handler({ request, context, body: parsed.data, params: await routeContext.params });
    } catch (error) {
      return routeFailure(config.name, error);
    }
  };
}
