// The server's configuration, checked once at startup so a typo fails loudly instead of later.
import { z } from "zod";

const envSchema = z.object({
  DATABASE_URL: z.url({ error: "DATABASE_URL deve ser uma URL postgresql://…" }).optional(),
  PGLITE_DATA_DIR: z.string().optional(),
  NEXTAUTH_SECRET: z.string().min(32, { error: "NEXTAUTH_SECRET deve ter pelo menos 32 caracteres" }),
  NEXTAUTH_URL: z.url({ error: "NEXTAUTH_URL deve ser a URL pública do portal, ex. http://localhost:3000" }),
  PORT: z.coerce.number().int().min(1).max(65535).default(3000),
  HOST: z.string().default("0.0.0.0"),
  /** How many reverse proxies in front of the server append to X-Forwarded-For (0: none). */
  TRUST_PROXY: z.coerce
    .number({ error: "TRUST_PROXY deve ser o número de proxies confiáveis (0, 1, …)" })
    .int()
    .min(0)
    .max(10)
    .default(0),
  DATABASE_POOL_SIZE: z.coerce.number({ error: "DATABASE_POOL_SIZE deve ser um número" }).int().min(1).max(200).default(10),
  SESSION_IDLE_MINUTES: z.coerce
    .number({ error: "SESSION_IDLE_MINUTES deve ser um número de minutos" })
    .int()
    .min(1)
    .max(7 * 24 * 60)
    .optional(),
  LICENSE_DB_POOL_SIZE: z.coerce.number({ error: "LICENSE_DB_POOL_SIZE deve ser um número" }).int().min(1).max(200).optional(),
});

export type ServerEnv = z.infer<typeof envSchema>;

export function parseServerEnv(env: NodeJS.ProcessEnv = process.env): ServerEnv {
  const parsed = envSchema.safeParse({ ...env, DATABASE_URL: env.DATABASE_URL?.trim() || undefined });
  if (!parsed.success) {
    const lines = parsed.error.issues.map((issue) => `  - ${issue.path.join(".")}: ${issue.message}`);
    throw new Error(`Configuração inválida:\n${lines.join("\n")}`);
  }
  return parsed.data;
}
