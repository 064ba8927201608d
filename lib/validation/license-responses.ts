// What the license API answers, as zod schemas: they type the server's code, generate the
// OpenAPI document and, in the tests, check that real answers match that document.
import { z } from "zod";
import { BADGES, SITUATIONS } from "@/lib/domain/subscription-status";
import { API_ERROR_CODES, LICENSE_CODES } from "@/lib/license/codes";

const licenseCodes = Object.keys(LICENSE_CODES) as [keyof typeof LICENSE_CODES, ...(keyof typeof LICENSE_CODES)[]];
const errorCodes = Object.keys(API_ERROR_CODES) as [keyof typeof API_ERROR_CODES, ...(keyof typeof API_ERROR_CODES)[]];
const isoDate = (description: string) => z.iso.datetime({ offset: true }).meta({ description });

export const licenseSchema = z
  .object({
    iss: z.literal("portal-assinaturas"),
    serialNumber: z.string(),
    machineId: z.string(),
    allowed: z.boolean().meta({ description: "Se o aplicativo pode ser usado neste computador agora." }),
    code: z.enum(licenseCodes).meta({ description: "Situação estável para o aplicativo decidir (ver a tabela de códigos)." }),
    status: z.enum(BADGES).meta({ description: "Status do portal: ATIVA, TOLERANCIA (Período de Tolerância) ou EXPIRADA." }),
    situation: z
      .enum(SITUATIONS)
      .meta({ description: "Situação precisa: ATIVA, TOLERANCIA, EXPIRADA, PENDENTE, SUSPENSA, CANCELADA." }),
    reason: z.string().nullable().meta({ description: "Motivo da suspensão ou do cancelamento, quando houver." }),
    expiresAt: isoDate("Pago até."),
    toleranceEndsAt: isoDate("Fim do Período de Tolerância (expiresAt + dias de tolerância do Fabricante)."),
    toleranceDaysLeft: z.int().nullable().meta({ description: "Dias que faltam para o bloqueio, só no Período de Tolerância." }),
    message: z.string().meta({ description: "Mensagem em português para o usuário do aplicativo." }),
    nonce: z.string().meta({ description: "O nonce da requisição que gerou esta resposta." }),
    issuedAt: isoDate("Quando a resposta foi emitida."),
    validUntil: isoDate(
      "Até quando o aplicativo pode confiar nesta resposta sem se conectar (no máximo 72 h; nunca além do fim da tolerância).",
    ),
    iat: z.int().meta({ description: "issuedAt em segundos (claim JWT padrão)." }),
    exp: z.int().meta({ description: "validUntil em segundos (claim JWT padrão)." }),
  })
  .meta({ description: "Estado da licença neste computador. É exatamente o conteúdo (payload) assinado do `token`." });

const tokenSchema = z.string().meta({
  description:
    "A licença assinada: JWS compacto (RFC 7515) com EdDSA/Ed25519 (RFC 8037), cabeçalho {alg, typ, kid}. " +
    "Verifique com a chave pública de GET /api/v1/licenses/public-key antes de confiar no conteúdo.",
});

export const licenseResponseSchema = z
  .object({ license: licenseSchema, token: tokenSchema })
  .meta({ description: "Resposta com a licença assinada." });

export const apiErrorSchema = z
  .object({
    code: z.enum(errorCodes),
    message: z.string().meta({ description: "Mensagem em português." }),
    fieldErrors: z.record(z.string(), z.array(z.string())).optional().meta({ description: "Problemas por campo (VALIDATION)." }),
    retryAfterSeconds: z.int().optional().meta({ description: "RATE_LIMITED: o mesmo valor do cabeçalho Retry-After." }),
    requestId: z.string().optional().meta({ description: "INTERNAL: código para o suporte." }),
  })
  .meta({ description: "Erro sem estado de licença." });

export const errorResponseSchema = z.object({ error: apiErrorSchema });

export const licenseRefusalSchema = z
  .object({
    error: z.object({
      code: z.enum(licenseCodes),
      message: z.string(),
      retryAt: z.iso
        .datetime({ offset: true })
        .optional()
        .meta({ description: "TRANSFER_LIMIT: quando uma nova troca será aceita." }),
    }),
    license: licenseSchema,
    token: tokenSchema,
  })
  .meta({ description: "Recusa com a licença assinada (allowed = false) que o aplicativo deve respeitar." });

export const publicKeyResponseSchema = z
  .object({
    algorithm: z.literal("Ed25519"),
    kid: z.string().meta({ description: "Identificador da chave; o mesmo do cabeçalho `kid` dos tokens." }),
    publicKeyPem: z.string().meta({ description: "Chave pública em PEM (SPKI)." }),
    jwk: z.object({
      kty: z.literal("OKP"),
      crv: z.literal("Ed25519"),
      x: z.string(),
      kid: z.string(),
      alg: z.literal("EdDSA"),
      use: z.literal("sig"),
    }),
  })
  .meta({ description: "Chave pública que verifica as licenças assinadas." });

export const verifyResponseSchema = z
  .object({ valid: z.literal(true), license: licenseSchema })
  .meta({ description: "A licença é autêntica, está no prazo e corresponde ao que foi informado." });

export type License = z.output<typeof licenseSchema>;
export type LicenseResponse = z.output<typeof licenseResponseSchema>;
export type PublicKeyResponse = z.output<typeof publicKeyResponseSchema>;
