// The integration API behind Next's route handler, for `next dev`/deployments without server.ts.
// Same code, same answers as the node:http path.
import { createManufacturerApi, type ManufacturerApi } from "./api";
import { MAX_BODY_BYTES } from "./types";
import { readLimitedBody } from "@/lib/http/read-limited-body";

let api: ManufacturerApi | undefined;

export async function manufacturerRouteResponse(request: Request): Promise<Response> {
  api ??= createManufacturerApi();
  const url = new URL(request.url);
  const { body, tooLarge } = await readLimitedBody(request, MAX_BODY_BYTES);
  const response = await api({
    method: request.method,
    path: url.pathname,
    query: url.search.slice(1),
    authorization: request.headers.get("authorization") ?? undefined,
    contentType: request.headers.get("content-type") ?? undefined,
    idempotencyKey: request.headers.get("idempotency-key") ?? undefined,
    acceptLanguage: request.headers.get("accept-language") ?? undefined,
    body,
    bodyTooLarge: tooLarge,
  });
  return new Response(response.body, { status: response.status, headers: response.headers });
}
