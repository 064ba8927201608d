// The desktop license API through Next's route handlers. server.ts answers /api/v1/licenses/*
// itself before Next sees it (README, "Decisions"); these handlers serve the same code when the
// app runs without that server.
import { licenseRouteResponse } from "@/lib/license/next-route";

export const dynamic = "force-dynamic";

export const GET = licenseRouteResponse;
export const POST = licenseRouteResponse;
export const PUT = licenseRouteResponse;
export const DELETE = licenseRouteResponse;
export const PATCH = licenseRouteResponse;
