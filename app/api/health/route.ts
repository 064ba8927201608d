// For load balancers and tests: 200 when the database answers and every migration is applied.
import { getSql } from "@/lib/db/connection";
import { migrationStatus } from "@/lib/db/migrator";

export const dynamic = "force-dynamic";

export async function GET() {
  try {
    const sql = await getSql();
    await sql.query("SELECT 1");
    const status = await migrationStatus(sql);
    const current = status.error === null && status.pending.length === 0;
    return Response.json(
      {
        status: current ? "ok" : "migrations-pending",
        database: "up",
        pendingMigrations: status.pending,
        migrationError: status.error,
      },
      { status: current ? 200 : 503 },
    );
  } catch (error) {
    console.error("[health] database unreachable:", error instanceof Error ? error.message : error);
    return Response.json({ status: "database-down", database: "down" }, { status: 503 });
  }
}
