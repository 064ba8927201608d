// What Configurações → Integrações → Chaves de API sends. Messages are keys of the "validation" namespace.
import { z } from "zod";
import { API_KEY_SCOPES } from "@/lib/domain/api-keys";
import { singleLineText } from "./text";

export const API_KEY_NAME_MAX = 100;

// A checkbox group arrives as a string (one box) or an array (several), absent when none is ticked.
const scopes = z
  .union([z.string(), z.array(z.string())], { error: "apiKeyScopesRequired" })
  .transform((value) => (Array.isArray(value) ? value : [value]))
  .refine((values) => values.length > 0 && values.every((value) => (API_KEY_SCOPES as readonly string[]).includes(value)), {
    error: "apiKeyScopesRequired",
  })
  .transform((values) => API_KEY_SCOPES.filter((scope) => values.includes(scope)));

export const apiKeyCreateSchema = z.object({ name: singleLineText(API_KEY_NAME_MAX), scopes });

export const apiKeyIdSchema = z.object({ id: z.uuid({ error: "invalidUuid" }) });
