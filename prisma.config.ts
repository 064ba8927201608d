// Prisma CLI configuration. The CLI is only used for `prisma generate` here: migrations are
// applied by lib/db/migrator.ts (see README, Decisions).
import { existsSync } from "node:fs";
import path from "node:path";
import { defineConfig } from "prisma/config";

// Prisma 7's CLI downloads its schema engine on every command unless told where one is. `generate`
// never runs it, so for that command any existing file will do; other commands (e.g. `migrate
// deploy` on a machine that can download the engine) are left alone.
if (!process.env.PRISMA_SCHEMA_ENGINE_BINARY && process.argv.includes("generate")) {
  const placeholder = path.resolve("prisma", "schema.prisma");
  if (existsSync(placeholder)) process.env.PRISMA_SCHEMA_ENGINE_BINARY = placeholder;
}

export default defineConfig({
  schema: "prisma/schema.prisma",
  migrations: { path: "prisma/migrations" },
  datasource: { url: process.env.DATABASE_URL ?? "postgresql://postgres@127.0.0.1:5432/postgres" },
});
