// zod issues → field errors in the user's language. Schemas use keys of the "validation"
// namespace as their messages; anything else falls back to the generic "invalid" text.
import { getTranslations } from "next-intl/server";
import type { z } from "zod";
import type { FieldErrors } from "@/lib/errors";

export async function localizedFieldErrors(error: z.ZodError): Promise<FieldErrors> {
  const t = await getTranslations("validation");
  const result: FieldErrors = {};
  for (const issue of error.issues) {
    const field = issue.path.length ? issue.path.map(String).join(".") : "_form";
    const key = issue.message as Parameters<typeof t>[0];
    // A length or count limit reaches the text as {max} / {min}: the schema states it once.
    const limits = {
      max: issue.code === "too_big" ? Number(issue.maximum) : 0,
      min: issue.code === "too_small" ? Number(issue.minimum) : 0,
    };
    const text = t.has(key) ? t(key, limits) : t("invalid");
    (result[field] ??= []).push(text);
  }
  return result;
}
