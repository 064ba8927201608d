// The OpenAPI 3.1 reference of the license API, generated from the same zod schemas that validate
// requests and type answers — never written by hand. Served at GET /api/v1/openapi.json.
import {
  activateRequestSchema,
  checkInRequestSchema,
  deactivateRequestSchema,
  verifyRequestSchema,
} from "@/lib/validation/license";
import {
  errorResponseSchema,
  licenseRefusalSchema,
  licenseResponseSchema,
  publicKeyResponseSchema,
  verifyResponseSchema,
} from "@/lib/validation/license-responses";
import { manufacturerOpenApi } from "@/lib/manufacturer-api/openapi";
import { webhooksOpenApi } from "@/lib/webhooks/openapi-webhooks";
import { API_ERROR_CODES, LICENSE_CODES } from "./codes";
import { openApiIntro } from "./openapi-text";
import { schemaRef, jsonContent, toOpenApiSchema } from "@/lib/validation/openapi-schema";

const toSchema = toOpenApiSchema;
const ref = schemaRef;
const content = jsonContent;

type Code = keyof typeof LICENSE_CODES | keyof typeof API_ERROR_CODES;
const STATUS: Record<Code, number> = { ...LICENSE_CODES, ...API_ERROR_CODES };
const LICENSE_REFUSALS = new Set<string>(Object.keys(LICENSE_CODES));

const RETRY_AFTER = { "Retry-After": { description: "Segundos até poder tentar de novo.", schema: { type: "integer" } } };
const ALLOW = { Allow: { description: "O método aceito neste caminho.", schema: { type: "string" } } };

/** One response per HTTP status, listing the operation's codes that travel with it. */
function errorResponses(codes: Code[]) {
  const byStatus = new Map<number, Code[]>();
  for (const code of codes) byStatus.set(STATUS[code], [...(byStatus.get(STATUS[code]) ?? []), code]);
  const responses: Record<string, unknown> = {};
  for (const [status, list] of [...byStatus].sort(([a], [b]) => a - b)) {
    const refusals = list.filter((code) => LICENSE_REFUSALS.has(code));
    const schema =
      refusals.length === list.length
        ? ref("LicenseRefusal")
        : refusals.length
          ? { oneOf: [ref("LicenseRefusal"), ref("Error")] }
          : ref("Error");
    responses[status] = {
      description:
        `Códigos: ${list.map((code) => `\`${code}\``).join(", ")}.` +
        (refusals.length ? ` ${refusals.join(", ")} trazem a licença assinada (allowed = false).` : ""),
      content: { "application/json": { schema } },
      ...(status === 429 && { headers: RETRY_AFTER }),
      ...(status === 405 && { headers: ALLOW }),
    };
  }
  return responses;
}

function licenseOperation(summary: string, description: string, request: string, codes: Code[]) {
  return {
    post: {
      summary,
      description,
      requestBody: { required: true, content: content(request) },
      responses: { 200: { description: "Licença assinada.", content: content("LicenseResponse") }, ...errorResponses(codes) },
    },
  };
}

/** Every path answers these: an unknown path under /api/v1/licenses/ (404), another method (405). */
const ROUTING_ERRORS: Code[] = ["NOT_FOUND", "METHOD_NOT_ALLOWED"];
const INPUT_ERRORS: Code[] = [
  ...ROUTING_ERRORS,
  "VALIDATION",
  "INVALID_JSON",
  "PAYLOAD_TOO_LARGE",
  "UNSUPPORTED_MEDIA_TYPE",
  "RATE_LIMITED",
  "INTERNAL",
  "UNAVAILABLE",
];
const SERIAL_REFUSALS: Code[] = ["UNKNOWN_SERIAL", "SUSPENDED", "CANCELLED", "EXPIRED", "PENDING"];

export function licenseOpenApiDocument() {
  const webhooks = webhooksOpenApi();
  // The integration API (/api/v1/manufacturer/) shares the document: one reference for the portal's APIs.
  const manufacturer = manufacturerOpenApi();
  return {
    openapi: "3.1.0",
    info: {
      title: "Portal de Assinaturas — API de licenças do aplicativo desktop e API de integração do fabricante",
      version: "1.0.0",
      description: openApiIntro(),
    },
    servers: [{ url: "/" }],
    paths: {
      "/api/v1/licenses/activate": licenseOperation(
        "Ativar o número de série neste computador",
        "Em outro computador que não o ativo, é uma troca: o anterior é encerrado (SWAP). Repetir a mesma ativação não muda nada. " +
          "Acima do limite de trocas em 30 dias do Fabricante: TRANSFER_LIMIT.",
        "ActivateRequest",
        [...INPUT_ERRORS, ...SERIAL_REFUSALS, "TRANSFER_LIMIT", "CONFLICT"],
      ),
      "/api/v1/licenses/check-in": licenseOperation(
        "Sinal de vida do computador ativado",
        "Registra o último acesso e devolve o estado da licença. NOT_ACTIVATED: o serial foi ativado em outro computador ou liberado pelo Fabricante.",
        "CheckInRequest",
        [...INPUT_ERRORS, ...SERIAL_REFUSALS, "NOT_ACTIVATED"],
      ),
      "/api/v1/licenses/deactivate": licenseOperation(
        "Liberar este computador",
        "200 com code RELEASED: liberado (em qualquer situação do serial). NOT_ACTIVATED: este computador já não estava ativo (trate como liberado).",
        "DeactivateRequest",
        [...INPUT_ERRORS, "UNKNOWN_SERIAL", "NOT_ACTIVATED"],
      ),
      "/api/v1/licenses/verify": {
        post: {
          summary: "Conferir uma licença assinada",
          description:
            "Para testes e diagnóstico: o aplicativo deve verificar o token localmente com a chave pública. " +
            "SIGNATURE_INVALID: alterado ou não emitido por este portal. TOKEN_EXPIRED: passou de validUntil. " +
            "TOKEN_REPLAYED: nonce, serial ou computador diferentes do informado (resposta reaproveitada).",
          requestBody: { required: true, content: content("VerifyRequest") },
          responses: {
            200: { description: "Licença autêntica.", content: content("VerifyResponse") },
            ...errorResponses([...INPUT_ERRORS, "SIGNATURE_INVALID", "TOKEN_EXPIRED", "TOKEN_REPLAYED"]),
          },
        },
      },
      "/api/v1/licenses/public-key": {
        get: {
          summary: "Chave pública das licenças",
          responses: {
            200: { description: "Chave Ed25519 em PEM e JWK.", content: content("PublicKey") },
            ...errorResponses([...ROUTING_ERRORS, "INTERNAL"]),
          },
        },
      },
      ...manufacturer.paths,
    },
    webhooks: webhooks.webhooks,
    components: {
      securitySchemes: manufacturer.securitySchemes,
      schemas: {
        ...webhooks.schemas,
        ...manufacturer.schemas,
        ActivateRequest: toSchema(activateRequestSchema, "input"),
        CheckInRequest: toSchema(checkInRequestSchema, "input"),
        DeactivateRequest: toSchema(deactivateRequestSchema, "input"),
        VerifyRequest: toSchema(verifyRequestSchema, "input"),
        LicenseResponse: toSchema(licenseResponseSchema, "output"),
        LicenseRefusal: toSchema(licenseRefusalSchema, "output"),
        Error: toSchema(errorResponseSchema, "output"),
        VerifyResponse: toSchema(verifyResponseSchema, "output"),
        PublicKey: toSchema(publicKeyResponseSchema, "output"),
      },
    },
  };
}
