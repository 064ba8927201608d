// The license API's reference for the desktop team, generated from the zod schemas.
import { licenseOpenApiDocument } from "@/lib/license/openapi";

export const dynamic = "force-static";

export function GET() {
  return Response.json(licenseOpenApiDocument(), { headers: { "cache-control": "public, max-age=300" } });
}
