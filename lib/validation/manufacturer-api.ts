// Bodies and queries of the integration API (/api/v1/manufacturer/…), built from the schemas the
// portal's forms use, so the API accepts exactly what the UI does. Objects are strict: an unknown
// field is an error, not silently dropped. The OpenAPI document is generated from these.
import { z } from "zod";
import { customerInputSchema } from "./customer";
import { renewalPeriodsSchema, subscriptionInputSchema } from "./subscription";
import { cancelInputSchema, suspendInputSchema } from "./subscription-actions";

export const API_MAX_PAGE_SIZE = 100;
export const API_DEFAULT_PAGE_SIZE = 25;

export const customerCreateBodySchema = customerInputSchema.strict();
/** PATCH: any of the fields; the others keep their values. */
export const customerUpdateBodySchema = customerInputSchema
  .partial()
  .strict()
  .refine((body) => Object.keys(body).length > 0, { error: "apiBodyEmpty" });

export const subscriptionCreateBodySchema = subscriptionInputSchema.strict();
export const renewBodySchema = z.object({ periods: renewalPeriodsSchema.default(1) }).strict();
export const suspendBodySchema = suspendInputSchema.omit({ serialNumber: true }).strict();
export const cancelBodySchema = cancelInputSchema.omit({ serialNumber: true }).strict();
export const releaseBodySchema = z.object({}).strict();

/** limit and cursor, common to every list. */
export const pageQuerySchema = z.object({
  limit: z.coerce
    .number({ error: "apiLimitInvalid" })
    .int({ error: "apiLimitInvalid" })
    .min(1, { error: "apiLimitInvalid" })
    .max(API_MAX_PAGE_SIZE, { error: "apiLimitInvalid" })
    .default(API_DEFAULT_PAGE_SIZE),
  cursor: z.string().max(200, { error: "apiCursorInvalid" }).optional(),
});

/** The list page's filters (parsed by parseSubscriptionFilters); documented here for OpenAPI. */
export const subscriptionListQuerySchema = pageQuerySchema.extend({
  cliente: z.string().optional().describe("Cliente: nome ou CNPJ/CPF (3 caracteres ou mais)."),
  serie: z.string().optional().describe("Parte do número de série."),
  maquina: z.string().optional().describe("Parte do nome da máquina ativa."),
  status: z
    .array(z.enum(["ATIVA", "TOLERANCIA", "EXPIRADA"]))
    .optional()
    .describe("Status (repetível)."),
  situacao: z
    .array(z.enum(["ATIVA", "TOLERANCIA", "EXPIRADA", "PENDENTE", "SUSPENSA", "CANCELADA"]))
    .optional()
    .describe("Situação precisa (repetível)."),
  produto: z.string().optional(),
  expiraDe: z.iso.date().optional().describe("Vencimento a partir deste dia (aaaa-mm-dd, horário de Brasília)."),
  expiraAte: z.iso.date().optional().describe("Vencimento até este dia, inclusive."),
  trocas: z.enum(["0", "1"]).optional().describe("1: só seriais com troca de computador nos últimos 30 dias."),
});

/** Query names the subscription list accepts; anything else is refused. */
export const SUBSCRIPTION_LIST_PARAMS = Object.keys(subscriptionListQuerySchema.shape);
