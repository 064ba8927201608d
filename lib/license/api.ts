// The license API as a plain function from request to response, so the same code serves the custom
// server's lean node:http path (lib/license/node-handler.ts) and Next's route handlers
// (app/api/v1/licenses/[action]/route.ts). Bad input is always a 4xx with a stable code.
import { isUniqueViolation } from "@/lib/db/sql-errors";
import { isDatabaseUnavailable, noteDatabaseError, RETRY_AFTER_SECONDS } from "@/lib/db/availability";
import type { z } from "zod";
import { getLicenseDb, type LicenseDb } from "@/lib/data/license-db";
import { newRequestId } from "@/lib/request-id";
import {
  activateRequestSchema,
  checkInRequestSchema,
  deactivateRequestSchema,
  verifyRequestSchema,
} from "@/lib/validation/license";
import type { PublicKeyResponse } from "@/lib/validation/license-responses";
import { API_ERROR_CODES, LICENSE_CODES, type ApiErrorCode } from "./codes";
import { activate, checkIn, deactivate, verify, type Outcome, type ServiceContext } from "./license-service";
import { signLicenseJson } from "./license-token";
import { API_ERROR_MESSAGES, FIELD_MESSAGES } from "./messages";
import { licenseRateLimits, type LicenseRateLimits } from "./rate-limit";
import { getSigningKey, type LicenseSigningKey } from "./signing-key";

export const LICENSE_API_PREFIX = "/api/v1/licenses/";
/** The largest legitimate request (verify with a token) is about 4 KB. */
export const MAX_BODY_BYTES = 16 * 1024;

export type ApiRequest = {
  method: string;
  /** Path without the query string, e.g. /api/v1/licenses/check-in. */
  path: string;
  contentType: string | undefined;
  body: string;
  bodyTooLarge: boolean;
  ip: string;
};
export type ApiResponse = { status: number; headers: Record<string, string>; body: string };

type PostRoute = { method: "POST"; schema: z.ZodType; run: (ctx: ServiceContext, input: never) => Promise<Outcome> };
const ROUTES: Record<string, PostRoute | { method: "GET" }> = {
  activate: { method: "POST", schema: activateRequestSchema, run: activate },
  "check-in": { method: "POST", schema: checkInRequestSchema, run: checkIn },
  deactivate: { method: "POST", schema: deactivateRequestSchema, run: deactivate },
  verify: { method: "POST", schema: verifyRequestSchema, run: verify },
  "public-key": { method: "GET" },
};

const JSON_HEADERS = { "content-type": "application/json; charset=utf-8", "cache-control": "no-store" };

function json(status: number, body: unknown, headers: Record<string, string> = {}): ApiResponse {
  return { status, headers: { ...JSON_HEADERS, ...headers }, body: JSON.stringify(body) };
}

export function apiError(code: ApiErrorCode, extra: Record<string, unknown> = {}, headers?: Record<string, string>) {
  return json(API_ERROR_CODES[code], { error: { code, message: API_ERROR_MESSAGES[code], ...extra } }, headers);
}

export function publicKeyBody(key: LicenseSigningKey): PublicKeyResponse {
  return { algorithm: "Ed25519", kid: key.kid, publicKeyPem: key.publicKeyPem, jwk: key.jwk };
}

function fieldErrors(error: z.ZodError): Record<string, string[]> {
  const result: Record<string, string[]> = {};
  for (const issue of error.issues) {
    const field = issue.path.length ? issue.path.map(String).join(".") : "_body";
    (result[field] ??= []).push(FIELD_MESSAGES[issue.message] ?? FIELD_MESSAGES.invalid!);
  }
  return result;
}

function render(outcome: Outcome, key: LicenseSigningKey): ApiResponse {
  if (outcome.kind === "error") {
    const wait = outcome.retryAfterSeconds;
    return wait ? apiError(outcome.code, { retryAfterSeconds: wait }, { "retry-after": String(wait) }) : apiError(outcome.code);
  }
  if (outcome.kind === "verified") return json(200, { valid: true, license: outcome.license });
  const { license } = outcome;
  // The hot path: the license's JSON text is signed and sent as is, serialized once.
  const payload = JSON.stringify(license);
  const signed = `"license":${payload},"token":"${signLicenseJson(payload, key)}"}`;
  if (license.code === "OK" || license.code === "GRACE_PERIOD" || license.code === "RELEASED") {
    return { status: 200, headers: JSON_HEADERS, body: `{${signed}` };
  }
  const error = {
    code: license.code,
    message: license.message,
    ...(outcome.retryAt && { retryAt: outcome.retryAt.toISOString() }),
  };
  return { status: LICENSE_CODES[license.code], headers: JSON_HEADERS, body: `{"error":${JSON.stringify(error)},${signed}` };
}

export type LicenseApiOptions = {
  db?: LicenseDb;
  now?: () => Date;
  limits?: LicenseRateLimits;
  key?: LicenseSigningKey;
};

export function createLicenseApi(options: LicenseApiOptions = {}) {
  const limits = options.limits ?? licenseRateLimits();

  async function dispatch(request: ApiRequest): Promise<ApiResponse> {
    const route = request.path.startsWith(LICENSE_API_PREFIX) ? ROUTES[request.path.slice(LICENSE_API_PREFIX.length)] : undefined;
    if (!route) return apiError("NOT_FOUND");
    if (request.method !== route.method) return apiError("METHOD_NOT_ALLOWED", {}, { allow: route.method });
    const key = options.key ?? getSigningKey();
    if (route.method === "GET") return json(200, publicKeyBody(key), { "cache-control": "public, max-age=300" });

    if (request.bodyTooLarge) return apiError("PAYLOAD_TOO_LARGE", {}, { connection: "close" });
    const mediaType = request.contentType?.split(";")[0]?.trim().toLowerCase();
    if (mediaType !== "application/json") return apiError("UNSUPPORTED_MEDIA_TYPE");
    let body: unknown;
    try {
      body = JSON.parse(request.body);
    } catch {
      return apiError("INVALID_JSON");
    }
    const parsed = route.schema.safeParse(body);
    if (!parsed.success) return apiError("VALIDATION", { fieldErrors: fieldErrors(parsed.error) });

    const db = options.db ?? (await getLicenseDb());
    const ctx: ServiceContext = { db, now: options.now?.() ?? new Date(), ip: request.ip, limits, key };
    return render(await route.run(ctx, parsed.data as never), key);
  }

  return async function handle(request: ApiRequest): Promise<ApiResponse> {
    try {
      return await dispatch(request);
    } catch (error) {
      // Only a race the serial lock should already prevent; the desktop simply tries again.
      if (isUniqueViolation(error)) return apiError("CONFLICT");
      if (isDatabaseUnavailable(error)) {
        noteDatabaseError(error);
        return apiError("UNAVAILABLE", {}, { "retry-after": String(RETRY_AFTER_SECONDS) });
      }
      const requestId = newRequestId();
      console.error(`[license-api ${request.path}] request ${requestId} failed:`, error);
      return apiError("INTERNAL", { requestId });
    }
  };
}

export type LicenseApi = ReturnType<typeof createLicenseApi>;
