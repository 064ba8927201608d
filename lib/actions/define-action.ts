// Every server action goes through here: session → current account → zod → requirePermission →
// data function, and one result shape back to the form. A new action cannot skip a step.
import { unstable_rethrow } from "next/navigation";
import { getTranslations } from "next-intl/server";
import type { z } from "zod";
import { getCurrentContext } from "@/lib/auth/context";
import { requirePermission, type AuthorizedContext } from "@/lib/auth/require-permission";
import type { UserContext } from "@/lib/data/accounts";
import type { Action } from "@/lib/domain/permissions";
import { AppError, type ErrorCode, type FieldErrors } from "@/lib/errors";
import { newRequestId } from "@/lib/request-id";
import { localizedFieldErrors } from "@/lib/validation/field-errors";
import { formDataToObject } from "@/lib/validation/form-data";

export type ActionResult<T = undefined> =
  { ok: true; data: T } | { ok: false; code: ErrorCode | "INTERNAL"; error: string; fieldErrors?: FieldErrors };

type Permission = Action | "signed-in";
type ContextFor<P extends Permission> = P extends Action ? AuthorizedContext : UserContext;

export function defineAction<S extends z.ZodType, T, P extends Permission>(config: {
  name: string;
  input: S;
  permission: P;
  handler: (input: z.output<S>, context: ContextFor<P>) => Promise<T>;
}) {
  return async function action(_previous: unknown, formData: FormData): Promise<ActionResult<T>> {
    const t = await getTranslations("errors");
    try {
      const context = await getCurrentContext();
      if (!context) throw new AppError("UNAUTHENTICATED");
      const parsed = config.input.safeParse(formDataToObject(formData));
      if (!parsed.success) {
        return { ok: false, code: "VALIDATION", error: t("VALIDATION"), fieldErrors: await localizedFieldErrors(parsed.error) };
      }
      if (config.permission !== "signed-in") requirePermission(context, config.permission as Action);
      const data = await config.handler(parsed.data, context as ContextFor<P>);
      return { ok: true, data };
    } catch (error) {
      unstable_rethrow(error);
      if (error instanceof AppError) {
        return { ok: false, code: error.code, error: error.userMessage ?? t(error.code), fieldErrors: error.fieldErrors };
      }
      const requestId = newRequestId();
      console.error(`[action ${config.name}] request ${requestId} failed:`, error);
      return { ok: false, code: "INTERNAL", error: t("INTERNAL", { requestId }) };
    }
  };
}
