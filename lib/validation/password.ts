// The one password rule of the portal (Alterar senha, Esqueci minha senha, accepting an invitation):
// 8 to 200 characters with at least one letter and one digit. Messages are "validation" keys.
import { z } from "zod";

export const PASSWORD_MIN = 8;
export const PASSWORD_MAX = 200;

export const newPasswordSchema = z
  .string({ error: "passwordRequired" })
  .min(1, { error: "passwordRequired", abort: true })
  .min(PASSWORD_MIN, { error: "passwordTooShort", abort: true })
  .max(PASSWORD_MAX, { error: "tooLong", abort: true })
  .refine((value) => /\p{L}/u.test(value) && /\d/.test(value), { error: "passwordWeak" });

/** A new password typed twice; a mismatch is reported on the confirmation field. */
export function withConfirmation<T extends z.ZodRawShape>(shape: T) {
  return z
    .object({ ...shape, password: newPasswordSchema, confirmPassword: z.string({ error: "passwordMismatch" }) })
    .refine((value) => (value as { password: string }).password === (value as { confirmPassword: string }).confirmPassword, {
      error: "passwordMismatch",
      path: ["confirmPassword"],
    });
}

export const changePasswordSchema = withConfirmation({
  currentPassword: z
    .string({ error: "passwordRequired" })
    .min(1, { error: "passwordRequired" })
    .max(PASSWORD_MAX, { error: "tooLong" }),
});

/** The token of a link (invitation or password reset) as it travels in a form: base64url, 43 characters. */
export const linkTokenSchema = z.string({ error: "tokenInvalid" }).regex(/^[A-Za-z0-9_-]{43}$/, { error: "tokenInvalid" });

export const resetPasswordSchema = withConfirmation({ token: linkTokenSchema });
