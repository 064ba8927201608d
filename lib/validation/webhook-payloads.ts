// What a webhook receiver gets: the JSON body of each event type. The outbox triggers build these
// payloads in SQL; tests parse real deliveries with these schemas, and the OpenAPI document's
// webhooks section is generated from them.
import { z } from "zod";
import { SERIAL_WEBHOOK_EVENTS } from "@/lib/domain/webhook-events";

const isoInstant = z.string().describe("ISO 8601 em UTC, ex. 2026-12-07T21:25:37.123Z");
const status = z.enum(["PENDENTE", "ATIVA", "SUSPENSA", "CANCELADA"]);
const actor = z.object({
  kind: z
    .enum(["USER", "SYSTEM", "DESKTOP", "API_KEY"])
    .describe("Usuário do portal, o sistema (varredura), o aplicativo desktop ou uma chave de API"),
  name: z.string().nullable().describe("Nome do usuário ou da chave de API; null para o sistema e o desktop"),
});
const account = z.object({ id: z.uuid(), name: z.string() }).describe("A conta do Fabricante");

const envelope = <T extends z.ZodType>(type: z.ZodType, data: T) =>
  z.object({
    id: z.uuid().describe("Id do evento: o mesmo em todas as tentativas e reenvios (use-o para descartar duplicatas)"),
    type,
    createdAt: isoInstant,
    account,
    data,
  });

export const serialEventDataSchema = z.object({
  serialNumber: z.string(),
  product: z.string(),
  plan: z.enum(["MENSAL", "ANUAL"]),
  status: status.describe("Situação do serial depois do evento"),
  previousStatus: status.nullable().describe("Antes do evento (suspensão, cancelamento, liberação); null nos demais"),
  expiresAt: isoInstant.describe("Pago até"),
  suspendedUntil: isoInstant.nullable(),
  customer: z.object({
    id: z.uuid(),
    name: z.string(),
    document: z.string().describe("CNPJ ou CPF, só dígitos"),
    type: z.enum(["LOJISTA", "PROFISSIONAL"]),
  }),
  reason: z.object({ id: z.uuid(), label: z.string() }).nullable().describe("Motivo da suspensão ou do cancelamento"),
  description: z.string().nullable(),
  machine: z
    .object({ activationId: z.uuid(), machineId: z.string(), machineName: z.string(), os: z.string(), appVersion: z.string() })
    .nullable()
    .describe("O computador, nos eventos de ativação, troca e desativação"),
  actor,
});

export const serialEventSchema = envelope(z.enum(SERIAL_WEBHOOK_EVENTS), serialEventDataSchema);

export const accountChangedSchema = envelope(
  z.literal("account.changed"),
  z.object({
    change: z.string().describe('O que mudou, ex. "webhook.created", "member.profiles_changed"'),
    target: z.object({ type: z.string(), id: z.string().nullable(), label: z.string().nullable() }),
    before: z.unknown().nullable(),
    after: z.unknown().nullable(),
    actor,
  }),
);

export const pingEventSchema = envelope(z.literal("ping"), z.object({ message: z.string() }));
