// The integration API's part of the OpenAPI document (GET /api/v1/openapi.json): paths generated
// from the route table and the zod schemas that validate bodies and describe answers.
import { z } from "zod";
import {
  apiErrorResponseSchema,
  customerResponseSchema,
  eventResponseSchema,
  listOf,
  reasonResponseSchema,
  subscriptionResponseSchema,
} from "@/lib/validation/manufacturer-api-responses";
import {
  cancelBodySchema,
  customerCreateBodySchema,
  customerUpdateBodySchema,
  pageQuerySchema,
  releaseBodySchema,
  renewBodySchema,
  subscriptionCreateBodySchema,
  subscriptionListQuerySchema,
  suspendBodySchema,
} from "@/lib/validation/manufacturer-api";
import { MANUFACTURER_API_ERRORS, MANUFACTURER_API_MESSAGES, type ManufacturerApiErrorCode } from "./codes";
import { MANUFACTURER_API_PREFIX } from "./types";
import { jsonContent, toOpenApiSchema, type JsonSchema } from "@/lib/validation/openapi-schema";

type Schema = JsonSchema;
const toSchema = toOpenApiSchema;
const json = jsonContent;

const HEADERS = {
  "Retry-After": { description: "Segundos até poder tentar de novo.", schema: { type: "integer" } },
};

const ALLOW = { Allow: { description: "Os métodos aceitos neste caminho.", schema: { type: "string" } } };

function errors(codes: ManufacturerApiErrorCode[]) {
  const byStatus = new Map<number, ManufacturerApiErrorCode[]>();
  for (const code of codes)
    byStatus.set(MANUFACTURER_API_ERRORS[code], [...(byStatus.get(MANUFACTURER_API_ERRORS[code]) ?? []), code]);
  return Object.fromEntries(
    [...byStatus].map(([status, list]) => [
      status,
      {
        description: list.map((code) => `\`${code}\`: ${MANUFACTURER_API_MESSAGES["pt-BR"][code]}`).join(" "),
        content: json("ApiError"),
        ...((status === 429 || list.includes("IDEMPOTENCY_IN_PROGRESS")) && {
          headers: { "Retry-After": HEADERS["Retry-After"] },
        }),
        ...(status === 405 && { headers: ALLOW }),
      },
    ]),
  );
}

const COMMON: ManufacturerApiErrorCode[] = [
  "NOT_FOUND",
  "METHOD_NOT_ALLOWED",
  "UNAUTHENTICATED",
  "FORBIDDEN",
  "RATE_LIMITED",
  "INTERNAL",
];
const WRITE: ManufacturerApiErrorCode[] = [
  ...COMMON,
  "VALIDATION",
  "INVALID_JSON",
  "PAYLOAD_TOO_LARGE",
  "UNSUPPORTED_MEDIA_TYPE",
  "IDEMPOTENCY_IN_PROGRESS",
  "IDEMPOTENCY_MISMATCH",
];
const IDEMPOTENCY_PARAM = {
  name: "Idempotency-Key",
  in: "header",
  required: false,
  description:
    "Até 255 caracteres ASCII. Repetir a requisição com a mesma chave (por 24 h) devolve a primeira resposta, sem gravar de novo " +
    "(cabeçalho Idempotent-Replayed: true). Uma cópia que chega enquanto a primeira ainda roda recebe 409 IDEMPOTENCY_IN_PROGRESS " +
    "com Retry-After: 1. A mesma chave com outro corpo ou endereço: 422 IDEMPOTENCY_MISMATCH.",
  schema: { type: "string", maxLength: 255 },
};

function queryParams(schema: z.ZodObject) {
  const json = toSchema(schema, "input") as { properties: Record<string, Schema> };
  return Object.entries(json.properties).map(([name, property]) => ({
    name,
    in: "query",
    required: false,
    ...(property.description ? { description: property.description } : {}),
    schema: property,
    ...(property.type === "array" && { style: "form", explode: true }),
  }));
}

const serialParam = {
  name: "serial",
  in: "path",
  required: true,
  schema: { type: "string" },
  description: "XXXX-XXXX-XXXX-XXXX.",
};
const idParam = { name: "id", in: "path", required: true, schema: { type: "string", format: "uuid" } };

function read(summary: string, answer: string, codes: ManufacturerApiErrorCode[], parameters: unknown[] = []) {
  return {
    summary,
    security: [{ apiKey: [] }],
    parameters,
    responses: { 200: { description: "OK.", content: json(answer) }, ...errors([...COMMON, ...codes]) },
  };
}

function write(
  summary: string,
  description: string,
  body: string,
  status: number,
  answer: string,
  codes: ManufacturerApiErrorCode[],
  parameters: unknown[] = [],
) {
  return {
    summary,
    description,
    security: [{ apiKey: [] }],
    parameters: [...parameters, IDEMPOTENCY_PARAM],
    requestBody: { required: body !== "ReleaseBody", content: json(body) },
    responses: { [status]: { description: "OK.", content: json(answer) }, ...errors([...WRITE, ...codes]) },
  };
}

const TRANSITION_DESCRIPTION =
  "As mesmas regras do portal (Suspender: Ativa ou Pendente; Cancelar: Ativa, Pendente ou Suspensa; Liberar: Suspensa). Fora delas: 409 CONFLICT, nada gravado.";

export function manufacturerOpenApi() {
  const p = MANUFACTURER_API_PREFIX;
  return {
    paths: {
      [`${p}customers`]: {
        get: read("Listar clientes", "CustomerList", ["VALIDATION", "INVALID_CURSOR"], queryParams(pageQuerySchema)),
        post: write(
          "Cadastrar cliente",
          "CNPJ/CPF validado e único no fabricante (duplicado: 409 com fields.document).",
          "CustomerCreate",
          201,
          "Customer",
          ["CONFLICT"],
        ),
      },
      [`${p}customers/{id}`]: {
        get: read("Consultar cliente", "Customer", ["NOT_FOUND"], [idParam]),
        patch: write(
          "Alterar cliente",
          "Envie só os campos que mudam.",
          "CustomerUpdate",
          200,
          "Customer",
          ["NOT_FOUND", "CONFLICT"],
          [idParam],
        ),
      },
      [`${p}subscriptions`]: {
        get: read(
          "Listar assinaturas",
          "SubscriptionList",
          ["VALIDATION", "INVALID_CURSOR"],
          queryParams(subscriptionListQuerySchema),
        ),
        post: write(
          "Nova assinatura",
          "Gera o número de série; o primeiro período fica pago.",
          "SubscriptionCreate",
          201,
          "Subscription",
          [],
        ),
      },
      [`${p}subscriptions/{serial}`]: { get: read("Consultar assinatura", "Subscription", ["NOT_FOUND"], [serialParam]) },
      [`${p}subscriptions/{serial}/renew`]: {
        post: write(
          "Registrar renovação",
          "O novo vencimento conta do vencimento anterior (retroativo quando atrasada). Cancelada: 409.",
          "RenewBody",
          200,
          "Subscription",
          ["NOT_FOUND", "CONFLICT"],
          [serialParam],
        ),
      },
      [`${p}subscriptions/{serial}/suspend`]: {
        post: write(
          "Suspender",
          TRANSITION_DESCRIPTION,
          "SuspendBody",
          200,
          "Subscription",
          ["NOT_FOUND", "CONFLICT"],
          [serialParam],
        ),
      },
      [`${p}subscriptions/{serial}/cancel`]: {
        post: write(
          "Cancelar",
          TRANSITION_DESCRIPTION,
          "CancelBody",
          200,
          "Subscription",
          ["NOT_FOUND", "CONFLICT"],
          [serialParam],
        ),
      },
      [`${p}subscriptions/{serial}/release`]: {
        post: write(
          "Liberar",
          TRANSITION_DESCRIPTION,
          "ReleaseBody",
          200,
          "Subscription",
          ["NOT_FOUND", "CONFLICT"],
          [serialParam],
        ),
      },
      [`${p}reasons`]: { get: read("Motivos de suspensão e cancelamento", "ReasonList", []) },
      [`${p}events`]: {
        get: {
          ...read(
            "Eventos dos seriais, do mais antigo",
            "EventList",
            ["VALIDATION", "INVALID_CURSOR"],
            queryParams(pageQuerySchema),
          ),
          description:
            "Sem cursor: desde o primeiro evento. nextCursor nunca é null: guarde-o e consulte de novo mais tarde para receber só o que é novo. " +
            "Um evento ainda sendo gravado nunca é pulado (a ordem é a de confirmação).",
        },
      },
    },
    schemas: {
      CustomerCreate: toSchema(customerCreateBodySchema, "input"),
      CustomerUpdate: toSchema(customerUpdateBodySchema, "input"),
      SubscriptionCreate: toSchema(subscriptionCreateBodySchema, "input"),
      RenewBody: toSchema(renewBodySchema, "input"),
      SuspendBody: toSchema(suspendBodySchema, "input"),
      CancelBody: toSchema(cancelBodySchema, "input"),
      ReleaseBody: toSchema(releaseBodySchema, "input"),
      Customer: toSchema(customerResponseSchema, "output"),
      CustomerList: toSchema(listOf(customerResponseSchema), "output"),
      Subscription: toSchema(subscriptionResponseSchema, "output"),
      SubscriptionList: toSchema(listOf(subscriptionResponseSchema), "output"),
      EventList: toSchema(listOf(eventResponseSchema), "output"),
      ReasonList: toSchema(z.object({ data: z.array(reasonResponseSchema) }), "output"),
      ApiError: toSchema(apiErrorResponseSchema, "output"),
    },
    securitySchemes: {
      apiKey: {
        type: "http",
        scheme: "bearer",
        description: "Chave de API da conta (Configurações → Integrações), escopo read para consultar e write para alterar.",
      },
    },
  };
}
