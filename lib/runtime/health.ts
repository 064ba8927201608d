// The health answers for load balancers and process managers (README, "Operations"):
// - liveness: the process answers (never touches the database: a database outage must not make
//   an orchestrator restart healthy servers);
// - readiness: this server should get traffic — not draining (SIGTERM received), the database
//   answers within READY_TIMEOUT_MS, every migration applied.
import { isDatabaseDown } from "@/lib/db/availability";
import { getSql } from "@/lib/db/connection";
import { migrationStatus } from "@/lib/db/migrator";
import { isDraining } from "./graceful-shutdown";

export const READY_TIMEOUT_MS = 2_000;

export type HealthAnswer = { status: number; body: Record<string, unknown> };

function withTimeout<T>(promise: Promise<T>, ms: number): Promise<T> {
  let timer: NodeJS.Timeout | undefined;
  const timeout = new Promise<never>((_, reject) => {
    timer = setTimeout(() => reject(new Error(`no answer within ${ms} ms`)), ms);
  });
  return Promise.race([promise, timeout]).finally(() => clearTimeout(timer));
}

/** The database and its migrations (what GET /api/health has always answered). */
export async function databaseHealth(): Promise<HealthAnswer> {
  if (isDatabaseDown()) return { status: 503, body: { status: "database-down", database: "down" } };
  try {
    const status = await withTimeout(
      (async () => {
        const sql = await getSql();
        await sql.query("SELECT 1");
        return migrationStatus(sql);
      })(),
      READY_TIMEOUT_MS,
    );
    const current = status.error === null && status.pending.length === 0;
    return {
      status: current ? 200 : 503,
      body: {
        status: current ? "ok" : "migrations-pending",
        database: "up",
        pendingMigrations: status.pending,
        migrationError: status.error,
      },
    };
  } catch (error) {
    console.error("[health] database unreachable:", error instanceof Error ? error.message : error);
    return { status: 503, body: { status: "database-down", database: "down" } };
  }
}

export async function readiness(): Promise<HealthAnswer> {
  if (isDraining()) return { status: 503, body: { status: "draining", ready: false } };
  const database = await databaseHealth();
  return { status: database.status, body: { ...database.body, ready: database.status === 200 } };
}

export function liveness(): HealthAnswer {
  return { status: 200, body: { status: "live", draining: isDraining(), uptimeSeconds: Math.round(process.uptime()) } };
}
