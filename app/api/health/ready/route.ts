// Readiness: 200 when this server should get traffic; 503 while draining or the database is away.
import { readiness } from "@/lib/runtime/health";

export const dynamic = "force-dynamic";

export async function GET() {
  const { status, body } = await readiness();
  return Response.json(body, { status, headers: { "cache-control": "no-store" } });
}
