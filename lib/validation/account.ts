import { z } from "zod";
import { LOCALES } from "@/i18n/config";

export const switchAccountSchema = z.object({
  accountId: z.string({ error: "required" }).trim().min(1, { error: "required" }).max(100),
});

export const setLocaleSchema = z.object({ locale: z.enum(LOCALES, { error: "invalid" }) });
