// The integration API's answers, as zod schemas: the handlers' types and the OpenAPI document both
// come from here, so the reference can't drift from what is sent.
import { z } from "zod";

const isoDateTime = z.iso.datetime({ offset: true });

export const customerResponseSchema = z.object({
  id: z.uuid(),
  name: z.string(),
  document: z.string().describe("CNPJ (14 dígitos) ou CPF (11), só dígitos."),
  type: z.enum(["LOJISTA", "PROFISSIONAL"]),
  city: z.string(),
  state: z.string().describe("UF."),
  email: z.string(),
  createdAt: isoDateTime,
});

export const subscriptionResponseSchema = z.object({
  serialNumber: z.string().describe("XXXX-XXXX-XXXX-XXXX."),
  customerId: z.uuid(),
  customerName: z.string(),
  product: z.string(),
  plan: z.enum(["MENSAL", "ANUAL"]),
  status: z.enum(["PENDENTE", "ATIVA", "SUSPENSA", "CANCELADA"]).describe("Status guardado."),
  badge: z.enum(["ATIVA", "TOLERANCIA", "EXPIRADA"]).describe("O status que a lista mostra (derivado agora)."),
  situation: z.enum(["ATIVA", "TOLERANCIA", "EXPIRADA", "PENDENTE", "SUSPENSA", "CANCELADA"]).describe("A situação precisa."),
  billingState: z.enum(["ATIVA", "PAUSADA", "ENCERRADA"]),
  startedAt: isoDateTime,
  expiresAt: isoDateTime.describe("Pago até."),
  suspendedUntil: isoDateTime.nullable(),
  blockReason: z.string().nullable(),
  blockDescription: z.string().nullable(),
  createdAt: isoDateTime,
  updatedAt: isoDateTime,
});

export const eventResponseSchema = z.object({
  id: z.uuid(),
  type: z.enum(["CREATED", "SUSPENDED", "CANCELLED", "RELEASED", "ACTIVATED", "SWAPPED", "DEACTIVATED", "RENEWED"]),
  serialNumber: z.string(),
  actor: z.object({
    kind: z.enum(["USER", "SYSTEM", "DESKTOP", "API_KEY"]),
    name: z.string().nullable().describe("O usuário, ou o nome da chave de API."),
  }),
  fromStatus: z.string().nullable(),
  toStatus: z.string().nullable(),
  reason: z.string().nullable(),
  description: z.string().nullable(),
  expiresFrom: isoDateTime.nullable().describe("Renovação: o vencimento anterior."),
  expiresTo: isoDateTime.nullable().describe("Renovação e nova assinatura: o novo vencimento."),
  createdAt: isoDateTime,
});

export const reasonResponseSchema = z.object({
  id: z.uuid(),
  kind: z.enum(["SUSPENSAO", "CANCELAMENTO"]),
  label: z.string(),
  labelEn: z.string().nullable(),
  requiresDescription: z.boolean(),
});

export const listOf = (item: z.ZodType) =>
  z.object({
    data: z.array(item),
    nextCursor: z.string().nullable().describe("Passe em cursor para a próxima página; null na última."),
  });

export const apiErrorResponseSchema = z.object({
  error: z.object({
    code: z.string(),
    message: z.string(),
    fields: z
      .record(z.string(), z.array(z.string()))
      .describe("Por campo (ou parâmetro), as mensagens; {} quando não se aplica."),
    requestId: z.string().optional(),
  }),
});

export type ApiCustomer = z.output<typeof customerResponseSchema>;
export type ApiSubscription = z.output<typeof subscriptionResponseSchema>;
export type ApiEvent = z.output<typeof eventResponseSchema>;
export type ApiReason = z.output<typeof reasonResponseSchema>;
