// The texts the desktop application shows its user. The desktop speaks Brazilian Portuguese only,
// so they live here rather than in the portal's two-locale catalogs; dates are dd/mm/aaaa in
// America/Sao_Paulo like everywhere in the portal.
import { TIME_ZONE } from "@/i18n/config";
import type { ApiErrorCode, LicenseCode } from "./codes";

// Creating an Intl formatter is costly; this one is reused by every answer.
const DATE = new Intl.DateTimeFormat("pt-BR", { timeZone: TIME_ZONE, day: "2-digit", month: "2-digit", year: "numeric" });

export function formatDate(date: Date): string {
  return DATE.format(date);
}

const days = (n: number) => (n === 1 ? "1 dia" : `${n} dias`);

export type LicenseMessageInput = {
  expiresAt: Date;
  toleranceEndsAt: Date;
  toleranceDaysLeft: number | null;
  reason: string | null;
  /** TRANSFER_LIMIT: the manufacturer's limit and when one more change will be allowed. */
  swapLimit?: number;
  transferAvailableAt?: Date | null;
};

export function licenseMessage(code: LicenseCode, input: LicenseMessageInput): string {
  switch (code) {
    case "OK":
      return `Assinatura ativa até ${formatDate(input.expiresAt)}.`;
    case "GRACE_PERIOD":
      return (
        `Assinatura vencida em ${formatDate(input.expiresAt)}. Período de Tolerância: o uso será bloqueado em ` +
        `${days(input.toleranceDaysLeft ?? 1)} (${formatDate(input.toleranceEndsAt)}). Renove a assinatura.`
      );
    case "RELEASED":
      return "Computador desativado. O número de série está livre para ser ativado em outro computador.";
    case "SUSPENDED":
      return `Assinatura suspensa pelo Fabricante${input.reason ? `. Motivo: ${input.reason}` : ""}. Entre em contato com o Fabricante.`;
    case "CANCELLED":
      return (
        `Assinatura cancelada${input.reason ? `. Motivo: ${input.reason}` : ""}. ` +
        "Para voltar a usar o produto é necessária uma nova assinatura."
      );
    case "EXPIRED":
      return `Assinatura expirada em ${formatDate(input.expiresAt)}. Renove a assinatura para voltar a usar o produto.`;
    case "PENDING":
      return "Assinatura pendente: o pagamento ainda não foi confirmado.";
    case "TRANSFER_LIMIT":
      return (
        `Limite de trocas de computador atingido (${input.swapLimit ?? 0} em 30 dias). ` +
        (input.transferAvailableAt ? `Tente novamente a partir de ${formatDate(input.transferAvailableAt)} ou peça` : "Peça") +
        " ao Fabricante para desativar o computador atual."
      );
    case "NOT_ACTIVATED":
      return "Este computador não está ativado para este número de série. Ative-o novamente.";
  }
}

export const API_ERROR_MESSAGES: Record<ApiErrorCode, string> = {
  VALIDATION: "Dados inválidos. Verifique os campos indicados.",
  INVALID_JSON: "O corpo da requisição não é um JSON válido.",
  UNKNOWN_SERIAL: "Número de série não encontrado. Confira o número digitado.",
  NOT_FOUND: "Endereço não encontrado.",
  METHOD_NOT_ALLOWED: "Método não permitido neste endereço.",
  CONFLICT: "Outra operação com este número de série estava em andamento. Tente novamente.",
  PAYLOAD_TOO_LARGE: "Requisição grande demais.",
  UNSUPPORTED_MEDIA_TYPE: "Envie o corpo como JSON (Content-Type: application/json).",
  SIGNATURE_INVALID: "Assinatura da licença inválida: a resposta foi alterada ou não foi emitida por este portal.",
  TOKEN_EXPIRED: "A licença guardada venceu. Conecte-se à internet para renová-la.",
  TOKEN_REPLAYED: "A licença não corresponde a esta solicitação (resposta reaproveitada).",
  RATE_LIMITED: "Muitas solicitações. Tente novamente em instantes.",
  INTERNAL: "Erro inesperado no servidor. Tente novamente; se continuar, informe o código ao suporte.",
  UNAVAILABLE: "Portal temporariamente indisponível. Tente novamente após o tempo indicado em Retry-After.",
};

/** Field problems; the schemas in lib/validation/license.ts use these keys as their messages. */
export const FIELD_MESSAGES: Record<string, string> = {
  required: "Campo obrigatório.",
  tooLong: "Texto longo demais.",
  invalid: "Valor inválido.",
  serialInvalid: "Número de série inválido: use o formato XXXX-XXXX-XXXX-XXXX.",
  machineIdInvalid: "Identificação da máquina inválida: de 8 a 128 caracteres visíveis, sem espaços.",
  nonceInvalid: "nonce inválido: de 16 a 128 caracteres (letras, números, - e _).",
  tokenInvalid: "Licença (token) em formato inválido.",
};
