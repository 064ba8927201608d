// The integration API through Next's route handlers. server.ts answers /api/v1/manufacturer/* itself
// before Next sees it; this serves the same code when the app runs without that server.
import { manufacturerRouteResponse } from "@/lib/manufacturer-api/next-route";

export const dynamic = "force-dynamic";

export const GET = manufacturerRouteResponse;
export const POST = manufacturerRouteResponse;
export const PUT = manufacturerRouteResponse;
export const DELETE = manufacturerRouteResponse;
export const PATCH = manufacturerRouteResponse;
