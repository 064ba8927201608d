// For load balancers and tests: 200 when the database answers and every migration is applied.
// Split views: /api/health/live (the process) and /api/health/ready (also false while draining).
import { databaseHealth } from "@/lib/runtime/health";

export const dynamic = "force-dynamic";

export async function GET() {
  const { status, body } = await databaseHealth();
  return Response.json(body, { status, headers: { "cache-control": "no-store" } });
}
