// The license API behind Next's route handlers, for deployments that don't run server.ts (and for
// the public key, which must answer the same on both paths). Same code, same answers.
import { clientIp } from "@/lib/http/client-ip";
import { createLicenseApi, MAX_BODY_BYTES, type LicenseApi } from "./api";
import { readLimitedBody } from "@/lib/http/read-limited-body";

let api: LicenseApi | undefined;

export async function licenseRouteResponse(request: Request): Promise<Response> {
  api ??= createLicenseApi();
  const { body, tooLarge } = await readLimitedBody(request, MAX_BODY_BYTES);
  const response = await api({
    method: request.method,
    path: new URL(request.url).pathname,
    contentType: request.headers.get("content-type") ?? undefined,
    body,
    bodyTooLarge: tooLarge,
    ip: clientIp(request.headers),
  });
  return new Response(response.body, { status: response.status, headers: response.headers });
}
