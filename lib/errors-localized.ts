// Turns an AppError into what the user reads, in the request's language: its catalog message (or
// the generic text for its code) and its field errors, whose message keys are translated.
import { getTranslations } from "next-intl/server";
import type { AppError, FieldErrors } from "./errors";

export async function localizeAppError(error: AppError): Promise<{ message: string; fieldErrors?: FieldErrors }> {
  const t = await getTranslations();
  const tErrors = await getTranslations("errors");
  const tValidation = await getTranslations("validation");
  const ref = error.messageRef;
  const message =
    error.userMessage ?? (ref && t.has(ref.key as never) ? t(ref.key as never, ref.values as never) : tErrors(error.code));
  if (!error.fieldErrors) return { message };
  const fieldErrors: FieldErrors = {};
  for (const [field, texts] of Object.entries(error.fieldErrors)) {
    fieldErrors[field] = texts.map((text) => (tValidation.has(text as never) ? tValidation(text as never) : text));
  }
  return { message, fieldErrors };
}
