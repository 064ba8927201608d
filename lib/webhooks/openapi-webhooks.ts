// The "webhooks" section of the OpenAPI document: one entry per event type, generated from the
// payload schemas, with the signature headers every delivery carries.
import { z } from "zod";
import { SERIAL_WEBHOOK_EVENTS } from "@/lib/domain/webhook-events";
import { accountChangedSchema, pingEventSchema, serialEventSchema } from "@/lib/validation/webhook-payloads";

const HEADERS = {
  "Portal-Event-Id": { description: "Id do evento (igual ao campo id do corpo).", schema: { type: "string", format: "uuid" } },
  "Portal-Timestamp": { description: "Segundos Unix do envio desta tentativa.", schema: { type: "integer" } },
  "Portal-Signature": {
    description:
      "t=<timestamp>,v1=<HMAC-SHA256 hex de `<timestamp>.<corpo>` com o segredo do endpoint>. Depois de girar o segredo, " +
      "por 24 h vêm dois v1 (novo e anterior): aceite se algum conferir. Recuse timestamps com mais de 5 minutos.",
    schema: { type: "string" },
  },
};

const RESPONSES = {
  "2XX": {
    description: "Recebido. Qualquer outra resposta, ou nenhuma em 10 s, é tentada de novo (redirecionamentos não são seguidos).",
  },
};

function toSchema(schema: z.ZodType) {
  const { $schema: _ignored, ...json } = z.toJSONSchema(schema, { io: "output", unrepresentable: "any" }) as Record<
    string,
    unknown
  >;
  return json;
}

function webhook(summary: string, schema: string) {
  return {
    post: {
      summary,
      parameters: Object.entries(HEADERS).map(([name, header]) => ({ name, in: "header", required: true, ...header })),
      requestBody: { required: true, content: { "application/json": { schema: { $ref: `#/components/schemas/${schema}` } } } },
      responses: RESPONSES,
    },
  };
}

export function webhooksOpenApi() {
  return {
    webhooks: {
      ...Object.fromEntries(
        SERIAL_WEBHOOK_EVENTS.map((type) => [
          type,
          webhook(`Evento de serial ${type} (mesmo corpo para todos os serial.*)`, "SerialWebhookEvent"),
        ]),
      ),
      "account.changed": webhook(
        "Alteração na administração da conta (equipe, chaves de API, webhooks)",
        "AccountChangedWebhookEvent",
      ),
      ping: webhook('"Enviar teste" em Integrações', "PingWebhookEvent"),
    },
    schemas: {
      SerialWebhookEvent: toSchema(serialEventSchema),
      AccountChangedWebhookEvent: toSchema(accountChangedSchema),
      PingWebhookEvent: toSchema(pingEventSchema),
    },
  };
}
