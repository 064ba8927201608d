// Fills in what a newcomer shouldn't have to configure: a session secret kept under .data/ and the
// public URL on localhost. Explicit environment variables always win.
import { randomBytes } from "node:crypto";
import { existsSync, mkdirSync, readFileSync, writeFileSync } from "node:fs";
import path from "node:path";

/**
 * A production start on PostgreSQL (possibly several servers on one database) must be given the
 * shared secrets: each server generating its own would break every session and license signature
 * that crosses from one server to another.
 */
export function requireSharedSecrets(env: NodeJS.ProcessEnv = process.env): void {
  if (env.NODE_ENV !== "production" || !env.DATABASE_URL?.trim()) return;
  const missing = ["NEXTAUTH_SECRET", "LICENSE_SIGNING_KEY"].filter((name) => !env[name]?.trim());
  if (missing.length === 0) return;
  throw new Error(
    `Configuração inválida: em produção com DATABASE_URL, defina ${missing.join(" e ")} ` +
      "(o mesmo valor em todos os servidores; sem isso cada servidor geraria o seu e sessões e licenças deixariam de valer entre eles).",
  );
}

export function bootstrapEnv(env: NodeJS.ProcessEnv = process.env): void {
  requireSharedSecrets(env);
  const dataDir = path.join(process.cwd(), ".data");
  if (!env.NEXTAUTH_SECRET) {
    const file = path.join(dataDir, "nextauth-secret");
    if (!existsSync(file)) {
      mkdirSync(dataDir, { recursive: true });
      writeFileSync(file, randomBytes(32).toString("base64url"), { mode: 0o600 });
    }
    env.NEXTAUTH_SECRET = readFileSync(file, "utf8").trim();
  }
  env.PORT ||= "3000";
  env.NEXTAUTH_URL ||= `http://localhost:${env.PORT}`;
}
