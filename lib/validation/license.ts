// What the desktop application sends to the license API. The same schemas validate requests in
// lib/license/api.ts and generate the OpenAPI document (lib/license/openapi.ts), so the reference
// the desktop team reads can't drift from what the server accepts. Messages are keys of
// FIELD_MESSAGES in lib/license/messages.ts.
import { z } from "zod";
import { serialNumberSchema as sharedSerialNumberSchema } from "./serial-number";
import { hasControlCharacters } from "./text";

/** A missing field is "required"; one of the wrong type is "invalid". */
const missingOrInvalid = (issue: { input?: unknown }) => (issue.input === undefined ? "required" : "invalid");

export const serialNumberSchema = sharedSerialNumberSchema.meta({
  description: "Número de série, formato XXXX-XXXX-XXXX-XXXX (maiúsculas e hífens opcionais).",
  examples: ["ABCD-EFGH-JKLM-NPQR"],
});

export const machineIdSchema = z
  .string({ error: missingOrInvalid })
  .regex(/^[\x21-\x7e]{8,128}$/, { error: "machineIdInvalid" })
  .meta({
    description: "Identificação (impressão digital) do computador calculada pelo aplicativo; estável entre reinícios.",
    examples: ["3f9a1c0e7b2d4e8f9a1c0e7b2d4e8f90"],
  });

export const nonceSchema = z
  .string({ error: missingOrInvalid })
  .regex(/^[A-Za-z0-9_-]{16,128}$/, { error: "nonceInvalid" })
  .meta({
    description:
      "Valor aleatório novo a cada requisição (ex.: 16 bytes em base64url). Volta dentro da licença assinada: " +
      "o aplicativo só aceita a resposta cujo nonce é o que enviou, o que impede reaproveitar respostas antigas.",
    examples: ["q1w2e3r4t5y6u7i8o9p0aa"],
  });

const text = (max: number, description: string, example: string) =>
  z
    .string({ error: missingOrInvalid })
    .trim()
    .min(1, { error: "required" })
    .max(max, { error: "tooLong" })
    .refine((value) => !hasControlCharacters(value), { error: "invalid" })
    .meta({ description, examples: [example] });

export const machineSchema = z
  .object(
    {
      id: machineIdSchema,
      name: text(128, "Nome da Máquina (Ajuda → Suporte → Informações do computador).", "DESKTOP-7K2M9QX"),
      os: text(120, "Sistema operacional.", "Windows 11 Pro 23H2"),
      appVersion: text(40, "Versão do aplicativo desktop.", "5.4.2"),
    },
    { error: missingOrInvalid },
  )
  .meta({ description: "O computador em que o aplicativo está instalado." });

export const activateRequestSchema = z
  .object({ serialNumber: serialNumberSchema, machine: machineSchema, nonce: nonceSchema })
  .meta({ description: "Ativar o número de série neste computador." });

export const checkInRequestSchema = z
  .object({
    serialNumber: serialNumberSchema,
    machineId: machineIdSchema,
    appVersion: text(40, "Versão do aplicativo, se mudou desde a ativação.", "5.4.3").optional(),
    nonce: nonceSchema,
  })
  .meta({ description: "Sinal de vida periódico (a cada poucos minutos) do computador ativado." });

export const deactivateRequestSchema = z
  .object({ serialNumber: serialNumberSchema, machineId: machineIdSchema, nonce: nonceSchema })
  .meta({ description: "Liberar este computador (ex.: ao desinstalar)." });

export const verifyRequestSchema = z
  .object({
    token: z
      .string({ error: missingOrInvalid })
      .max(4096, { error: "tooLong" })
      .regex(/^[A-Za-z0-9_-]+\.[A-Za-z0-9_-]+\.[A-Za-z0-9_-]+$/, { error: "tokenInvalid" })
      .meta({ description: "O `token` de uma resposta de licença (JWS compacto, EdDSA)." }),
    nonce: nonceSchema.optional().meta({ description: "O nonce que o aplicativo enviou; se informado, precisa ser o do token." }),
    serialNumber: serialNumberSchema.optional(),
    machineId: machineIdSchema.optional(),
  })
  .meta({
    description: "Conferir uma licença assinada: assinatura, validade e, se informados, nonce, número de série e computador.",
  });

export type ActivateRequest = z.output<typeof activateRequestSchema>;
export type CheckInRequest = z.output<typeof checkInRequestSchema>;
export type DeactivateRequest = z.output<typeof deactivateRequestSchema>;
export type VerifyRequest = z.output<typeof verifyRequestSchema>;
