// Login form fields, shared by the form (client-side hints) and authorize() (the real check).
// Error texts are message keys of the "auth.validation" namespace.
import { z } from "zod";
import { hasControlCharacters } from "./text";

/** One spelling per e-mail for lookups and throttle counters: trimmed, Unicode NFC, lower case. */
export function normalizeLoginEmail(email: string): string {
  return email.trim().normalize("NFC").toLowerCase();
}

export const loginSchema = z.object({
  email: z
    .string({ error: "emailRequired" })
    .trim()
    .min(1, { error: "emailRequired" })
    .max(254, { error: "tooLong" })
    .refine((value) => !hasControlCharacters(value), { error: "emailInvalid" })
    .pipe(z.email({ error: "emailInvalid" }))
    .transform(normalizeLoginEmail),
  password: z.string({ error: "passwordRequired" }).min(1, { error: "passwordRequired" }).max(200, { error: "tooLong" }),
});

export type LoginInput = z.infer<typeof loginSchema>;
