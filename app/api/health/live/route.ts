// Liveness: 200 while the process answers requests, database or not (lib/runtime/health.ts).
import { liveness } from "@/lib/runtime/health";

export const dynamic = "force-dynamic";

export function GET() {
  const { status, body } = liveness();
  return Response.json(body, { status, headers: { "cache-control": "no-store" } });
}
