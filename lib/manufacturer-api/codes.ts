// The stable error codes of the integration API and their HTTP status. Client systems branch on
// these strings, so they are only ever added to, never renamed.
export const MANUFACTURER_API_ERRORS = {
  VALIDATION: 400,
  INVALID_JSON: 400,
  INVALID_CURSOR: 400,
  UNAUTHENTICATED: 401,
  FORBIDDEN: 403,
  NOT_FOUND: 404,
  METHOD_NOT_ALLOWED: 405,
  CONFLICT: 409,
  IDEMPOTENCY_IN_PROGRESS: 409,
  PAYLOAD_TOO_LARGE: 413,
  UNSUPPORTED_MEDIA_TYPE: 415,
  IDEMPOTENCY_MISMATCH: 422,
  RATE_LIMITED: 429,
  INTERNAL: 500,
} as const;
export type ManufacturerApiErrorCode = keyof typeof MANUFACTURER_API_ERRORS;

type Messages = Record<ManufacturerApiErrorCode, string>;

export const MANUFACTURER_API_MESSAGES: Record<"pt-BR" | "en", Messages> = {
  "pt-BR": {
    VALIDATION: "Verifique os campos indicados em fields.",
    INVALID_JSON: "O corpo da requisição não é um JSON válido.",
    INVALID_CURSOR: "Cursor inválido: use o nextCursor de uma resposta anterior.",
    UNAUTHENTICATED: "Chave de API ausente, desconhecida ou revogada (Authorization: Bearer <chave>).",
    FORBIDDEN: "Esta chave de API não tem o escopo necessário (read para consultar, write para alterar).",
    NOT_FOUND: "Registro não encontrado nesta conta.",
    METHOD_NOT_ALLOWED: "Método HTTP não aceito neste endereço.",
    CONFLICT: "A operação não pode ser feita no estado atual do registro.",
    IDEMPOTENCY_IN_PROGRESS: "Outra requisição com esta Idempotency-Key ainda está em andamento; tente de novo em instantes.",
    PAYLOAD_TOO_LARGE: "O corpo da requisição passa de 16 KB.",
    UNSUPPORTED_MEDIA_TYPE: "Envie o corpo como JSON (Content-Type: application/json).",
    IDEMPOTENCY_MISMATCH: "Esta Idempotency-Key já foi usada com outra requisição.",
    RATE_LIMITED: "Limite de requisições desta chave atingido; respeite Retry-After.",
    INTERNAL: "Erro inesperado; informe o requestId ao suporte.",
  },
  en: {
    VALIDATION: "Check the fields listed in fields.",
    INVALID_JSON: "The request body is not valid JSON.",
    INVALID_CURSOR: "Invalid cursor: use the nextCursor of an earlier answer.",
    UNAUTHENTICATED: "API key missing, unknown or revoked (Authorization: Bearer <key>).",
    FORBIDDEN: "This API key lacks the scope needed (read to query, write to change).",
    NOT_FOUND: "Record not found in this account.",
    METHOD_NOT_ALLOWED: "HTTP method not accepted at this address.",
    CONFLICT: "The operation can't be done in the record's current state.",
    IDEMPOTENCY_IN_PROGRESS: "Another request with this Idempotency-Key is still running; try again shortly.",
    PAYLOAD_TOO_LARGE: "The request body is over 16 KB.",
    UNSUPPORTED_MEDIA_TYPE: "Send the body as JSON (Content-Type: application/json).",
    IDEMPOTENCY_MISMATCH: "This Idempotency-Key was already used with a different request.",
    RATE_LIMITED: "This key's request limit was reached; honour Retry-After.",
    INTERNAL: "Unexpected error; give the requestId to support.",
  },
};
