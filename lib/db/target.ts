// Which database this process talks to: PostgreSQL when DATABASE_URL is set, otherwise the
// embedded PGlite database under .data/ (or PGLITE_DATA_DIR).
import path from "node:path";

export type DatabaseTarget = { kind: "postgres"; url: string } | { kind: "pglite"; dataDir: string };

export function databaseTarget(env: NodeJS.ProcessEnv = process.env): DatabaseTarget {
  const url = env.DATABASE_URL?.trim();
  if (url) return { kind: "postgres", url };
  const dataDir = env.PGLITE_DATA_DIR?.trim() || path.join(process.cwd(), ".data", "pglite");
  return { kind: "pglite", dataDir };
}

export function describeTarget(target: DatabaseTarget): string {
  if (target.kind === "pglite") return `PGlite embarcado em ${target.dataDir}`;
  const url = new URL(target.url);
  return `PostgreSQL em ${url.hostname}:${url.port || "5432"}${url.pathname}`;
}
