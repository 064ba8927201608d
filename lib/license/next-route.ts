// The license API behind Next's route handlers, for deployments that don't run server.ts (and for
// the public key, which must answer the same on both paths). Same code, same answers.
import { clientIp } from "@/lib/http/client-ip";
import { createLicenseApi, MAX_BODY_BYTES, type LicenseApi } from "./api";

let api: LicenseApi | undefined;

async function readLimited(request: Request): Promise<{ body: string; tooLarge: boolean }> {
  if (!request.body) return { body: "", tooLarge: false };
  const reader = request.body.getReader();
  const chunks: Uint8Array[] = [];
  let size = 0;
  for (;;) {
    const { done, value } = await reader.read();
    if (done) break;
    size += value.byteLength;
    if (size > MAX_BODY_BYTES) {
      await reader.cancel();
      return { body: "", tooLarge: true };
    }
    chunks.push(value);
  }
  return { body: Buffer.concat(chunks).toString("utf8"), tooLarge: false };
}

export async function licenseRouteResponse(request: Request): Promise<Response> {
  api ??= createLicenseApi();
  const { body, tooLarge } = await readLimited(request);
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
