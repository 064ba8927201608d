// The prose of the OpenAPI document: how the desktop talks to the portal, and one line per code.
// Typed by the code lists, so a new code can't ship undocumented.
import { API_ERROR_CODES, LICENSE_CODES, type ApiErrorCode, type LicenseCode } from "./codes";
import { OFFLINE_HOURS } from "./license-state";

const MEANING: Record<LicenseCode | ApiErrorCode, string> = {
  OK: "Pode usar: assinatura em dia.",
  GRACE_PERIOD: "Pode usar, com aviso: vencida, dentro do Período de Tolerância (veja toleranceDaysLeft).",
  RELEASED: "Computador liberado (resposta ao deactivate).",
  SUSPENDED: "Bloqueado: suspensa pelo Fabricante (reason traz o motivo).",
  CANCELLED: "Bloqueado: cancelada; é preciso uma nova assinatura.",
  EXPIRED: "Bloqueado: vencida e fora do Período de Tolerância.",
  PENDING: "Bloqueado: pagamento ainda não confirmado.",
  TRANSFER_LIMIT: "Bloqueado neste computador: limite de trocas em 30 dias atingido (retryAt diz quando).",
  NOT_ACTIVATED: "Bloqueado neste computador: o serial está ativo em outro, ou foi liberado pelo Fabricante. Ative de novo.",
  VALIDATION: "Campos ausentes, longos demais ou em formato errado (fieldErrors).",
  INVALID_JSON: "O corpo não é JSON.",
  UNKNOWN_SERIAL: "Número de série inexistente.",
  NOT_FOUND: "Endereço inexistente.",
  METHOD_NOT_ALLOWED: "Método HTTP errado para o endereço.",
  CONFLICT: "Operação concorrente no mesmo serial; tente de novo.",
  PAYLOAD_TOO_LARGE: "Corpo acima de 16 KB.",
  UNSUPPORTED_MEDIA_TYPE: "Content-Type diferente de application/json.",
  SIGNATURE_INVALID: "verify: token alterado ou não emitido por este portal.",
  TOKEN_EXPIRED: "verify: token passou de validUntil.",
  TOKEN_REPLAYED: "verify: token de outra requisição (nonce, serial ou computador diferentes).",
  RATE_LIMITED: "Muitas requisições do mesmo serial ou IP; respeite Retry-After.",
  INTERNAL: "Erro do servidor (requestId para o suporte).",
  UNAVAILABLE: "Banco de dados fora do ar por instantes; tente de novo após Retry-After.",
};

export function openApiIntro(): string {
  const rows = [...Object.entries(LICENSE_CODES), ...Object.entries(API_ERROR_CODES)].map(
    ([code, status]) => `| \`${code}\` | ${status} | ${MEANING[code as LicenseCode | ApiErrorCode]} |`,
  );
  return [
    "API que o aplicativo desktop chama com o número de série e a identidade do computador.",
    "",
    "**Fluxo.** Ao iniciar: `activate`. Enquanto roda, a cada poucos minutos: `check-in`. Ao desinstalar: `deactivate`.",
    "Toda resposta com estado de licença traz `license` (o conteúdo) e `token` (o mesmo conteúdo assinado).",
    "O aplicativo decide por `license.allowed` e `license.code` e mostra `license.message` (pt-BR).",
    "",
    "**Assinatura.** `token` é um JWS compacto EdDSA (Ed25519). Verifique-o com a chave de `GET /api/v1/licenses/public-key`",
    "(`kid` no cabeçalho) e só então confie no conteúdo; guarde o token para uso sem internet até `validUntil`",
    `(no máximo ${OFFLINE_HOURS} h e nunca além do fim do Período de Tolerância).`,
    "",
    "**Reaproveitamento.** Cada requisição leva um `nonce` novo, que volta dentro do conteúdo assinado: aceite só a resposta",
    "com o seu nonce, o seu serial e o seu `machineId`. Uma resposta antiga ou de outro computador é recusada",
    "(`POST /api/v1/licenses/verify` faz a mesma conferência no servidor).",
    "",
    "**Limites.** Por número de série e por IP, em janela deslizante compartilhada por todos os servidores;",
    "acima deles, HTTP 429 com `Retry-After`. Corpo: JSON de até 16 KB.",
    "",
    "| código | HTTP | significado |",
    "|---|---|---|",
    ...rows,
  ].join("\n");
}
