// Fills in what a newcomer shouldn't have to configure: a session secret kept under .data/ and the
// public URL on localhost. Explicit environment variables always win.
import { randomBytes } from "node:crypto";
import { existsSync, mkdirSync, readFileSync, writeFileSync } from "node:fs";
import path from "node:path";

export function bootstrapEnv(env: NodeJS.ProcessEnv = process.env): void {
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
