// Every server action goes through here: same origin → session → current account → zod →
// requirePermission → data function, and one result shape back to the form. A new action cannot skip a step.
import { headers } from "next/headers";
import { unstable_rethrow } from "next/navigation";
import { getTranslations } from "next-intl/server";
import type { z } from "zod";
import { getCurrentContext } from "@/lib/auth/context";
import { requirePermission, type AuthorizedContext } from "@/lib/auth/require-permission";
import type { UserContext } from "@/lib/data/accounts";
import type { Action } from "@/lib/domain/permissions";
import { AppError, type ErrorCode, type FieldErrors } from "@/lib/errors";
import { localizeAppError } from "@/lib/errors-localized";
import { isSameOrigin } from "@/lib/http/same-origin";
import { isDatabaseUnavailable, noteDatabaseError } from "@/lib/db/availability";
import { newRequestId } from "@/lib/request-id";
import { localizedFieldErrors } from "@/lib/validation/field-errors";
import { formDataToObject } from "@/lib/validation/form-data";

export type ActionResult<T = undefined> =
  { ok: true; data: T } | { ok: false; code: ErrorCode | "INTERNAL" | "UNAVAILABLE"; error: string; fieldErrors?: FieldErrors };

type Permission = Action | "signed-in" | "public" | ((input: never) => Action);
type ContextFor<P> = P extends "public" ? UserContext | null : P extends "signed-in" ? UserContext : AuthorizedContext;

export function defineAction<
  S extends z.ZodType,
  T,
  P extends Action | "signed-in" | "public" | ((input: z.output<S>) => Action),
>(config: {
  name: string;
  input: S;
  /**
   * Fixed, or chosen from the parsed input (e.g. the action a bulk form asks for); "public" for the
   * few forms used without a session (accepting an invitation, resetting a password).
   */
  permission: P;
  handler: (input: z.output<S>, context: ContextFor<P>) => Promise<T>;
}) {
  return async function action(_previous: unknown, formData: FormData): Promise<ActionResult<T>> {
    const t = await getTranslations("errors");
    try {
      // Next's own check compares only the host: an https:// page would pass for an http:// portal.
      if (!isSameOrigin(await headers())) throw new AppError("CROSS_ORIGIN");
      const permission = config.permission as Permission;
      const context = await getCurrentContext();
      if (!context && permission !== "public") throw new AppError("UNAUTHENTICATED");
      // A hand-made request can make Next pass anything here.
      if (!(formData instanceof FormData)) throw new AppError("VALIDATION");
      const parsed = config.input.safeParse(formDataToObject(formData));
      if (!parsed.success) {
        return { ok: false, code: "VALIDATION", error: t("VALIDATION"), fieldErrors: await localizedFieldErrors(parsed.error) };
      }
      if (permission !== "signed-in" && permission !== "public") {
        requirePermission(
          context,
          typeof permission === "function" ? (permission as (input: z.output<S>) => Action)(parsed.data) : permission,
        );
      }
      const data = await config.handler(parsed.data, context as ContextFor<P>);
      return { ok: true, data };
    } catch (error) {
      unstable_rethrow(error);
      if (error instanceof AppError) {
        const { message, fieldErrors } = await localizeAppError(error);
        return { ok: false, code: error.code, error: message, fieldErrors };
      }
      if (isDatabaseUnavailable(error)) {
        noteDatabaseError(error);
        return { ok: false, code: "UNAVAILABLE", error: t("UNAVAILABLE") };
      }
      const requestId = newRequestId();
      console.error(`[action ${config.name}] request ${requestId} failed:`, error);
      return { ok: false, code: "INTERNAL", error: t("INTERNAL", { requestId }) };
    }
  };
}
