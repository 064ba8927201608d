// The integration API's dispatcher: route → API key (401) → scope (403) → per-key rate limit (429) →
// query or JSON body through zod (400) → Idempotency-Key (POST, PATCH) → handler, whose write and
// kept answer commit together. Every failure is { error: { code, message, fields } } with a precise
// 4xx; only a bug is a 500, logged with a request id.
import { createHash } from "node:crypto";
import { createTranslator } from "next-intl";
import { z } from "zod";
import { DURABLE_COMMIT, getApiSql } from "@/lib/data/api-db";
import { authenticateApiKey, type ApiKeyPrincipal } from "@/lib/data/api-keys";
import { claimIdempotencyKey, completeIdempotencyKey, releaseIdempotencyKey } from "@/lib/data/idempotency-keys";
import { countInWindow, recordHit } from "@/lib/data/rate-limit-counters";
import type { SqlClient } from "@/lib/db/sql-client";
import { scopeForMethod } from "@/lib/domain/api-keys";
import { AppError, type FieldErrors } from "@/lib/errors";
import { newRequestId } from "@/lib/request-id";
import { MESSAGES } from "@/i18n/messages";
import { MANUFACTURER_API_ERRORS, MANUFACTURER_API_MESSAGES, type ManufacturerApiErrorCode } from "./codes";
import { apiKeyRateKey, manufacturerApiLimits, type ManufacturerApiLimits } from "./rate-limit";
import { matchRoute, type Route } from "./routes";
import {
  MANUFACTURER_API_PREFIX,
  type ManufacturerApiRequest,
  type ManufacturerApiResponse,
  type RouteContext,
  type RouteResult,
} from "./types";

type Locale = "pt-BR" | "en";

const JSON_HEADERS = { "content-type": "application/json; charset=utf-8", "cache-control": "no-store" };
const IDEMPOTENCY_KEY = /^[\x21-\x7e]{1,255}$/;

const translators = {
  "pt-BR": createTranslator({ locale: "pt-BR", messages: MESSAGES["pt-BR"] }),
  en: createTranslator({ locale: "en", messages: MESSAGES.en }),
};

/** An answer decided before any handler ran. */
class Refusal extends Error {
  constructor(
    readonly code: ManufacturerApiErrorCode,
    readonly fields?: FieldErrors,
    readonly headers: Record<string, string> = {},
  ) {
    super(code);
  }
}

function localeOf(acceptLanguage: string | undefined): Locale {
  return acceptLanguage?.trim().toLowerCase().startsWith("en") ? "en" : "pt-BR";
}

/** A message key of the "validation" namespace (or any catalog key) in the locale; other text as is. */
function translateField(locale: Locale, text: string, limits = { max: 100, min: 3 }): string {
  const t = translators[locale];
  const key = `validation.${text}`;
  if (t.has(key as never)) return t(key as never, limits as never);
  if (t.has(text as never)) return t(text as never, limits as never);
  return text;
}

function localizeFields(locale: Locale, fields: FieldErrors | undefined): FieldErrors | undefined {
  if (!fields) return undefined;
  return Object.fromEntries(
    Object.entries(fields).map(([field, texts]) => [field, texts.map((text) => translateField(locale, text))]),
  );
}

/** zod issues → translated fields; an unknown field is reported under its own name. */
function zodFields(locale: Locale, error: z.ZodError): FieldErrors {
  const fields: FieldErrors = {};
  for (const issue of error.issues) {
    if (issue.code === "unrecognized_keys") {
      for (const key of issue.keys) {
        (fields[[...issue.path, key].map(String).join(".")] ??= []).push(translateField(locale, "apiUnknownField"));
      }
      continue;
    }
    const field = issue.path.length ? issue.path.map(String).join(".") : "_body";
    // A length limit reaches the text as {max} / {min}: the schema states it once.
    const limits = {
      max: issue.code === "too_big" ? Number(issue.maximum) : 0,
      min: issue.code === "too_small" ? Number(issue.minimum) : 0,
    };
    const text = translateField(locale, issue.message, limits);
    (fields[field] ??= []).push(text === issue.message ? translateField(locale, "invalid") : text);
  }
  return fields;
}

function respond(status: number, body: unknown, headers: Record<string, string> = {}): ManufacturerApiResponse {
  return { status, headers: { ...JSON_HEADERS, ...headers }, body: JSON.stringify(body) };
}

function errorBody(locale: Locale, code: ManufacturerApiErrorCode, message?: string, fields?: FieldErrors, extra: object = {}) {
  return {
    error: {
      code,
      message: message ?? MANUFACTURER_API_MESSAGES[locale][code],
      fields: localizeFields(locale, fields) ?? {},
      ...extra,
    },
  };
}

/** An expected failure of a handler (lib/data's AppError, a zod error) as the API's answer. */
function failureResult(locale: Locale, error: unknown): RouteResult | null {
  if (error instanceof z.ZodError) {
    return { status: 400, body: errorBody(locale, "VALIDATION", undefined, zodFields(locale, error)) };
  }
  if (!(error instanceof AppError)) return null;
  if (error.userMessage === "INVALID_CURSOR") {
    return { status: 400, body: errorBody(locale, "INVALID_CURSOR", undefined, error.fieldErrors) };
  }
  const code: ManufacturerApiErrorCode =
    error.code in MANUFACTURER_API_ERRORS
      ? (error.code as ManufacturerApiErrorCode)
      : error.status === 403
        ? "FORBIDDEN"
        : "CONFLICT";
  const t = translators[locale];
  const ref = error.messageRef;
  const message = ref && t.has(ref.key as never) ? t(ref.key as never, ref.values as never) : undefined;
  return { status: MANUFACTURER_API_ERRORS[code], body: errorBody(locale, code, message, error.fieldErrors) };
}

function requestHash(request: ManufacturerApiRequest): string {
  return createHash("sha256").update(`${request.method}\n${request.path}\n${request.body}`).digest("hex");
}

function bearer(authorization: string | undefined): string | null {
  const match = /^Bearer\s+(\S+)\s*$/i.exec(authorization ?? "");
  return match ? match[1]! : null;
}

export type ManufacturerApiOptions = { sql?: SqlClient; now?: () => Date; limits?: ManufacturerApiLimits };

export function createManufacturerApi(options: ManufacturerApiOptions = {}) {
  const limits = options.limits ?? manufacturerApiLimits();

  async function rateLimit(sql: SqlClient, principal: ApiKeyPrincipal, now: Date) {
    const key = apiKeyRateKey(principal.keyId);
    const position = await recordHit(sql, key, { now, bucketMs: limits.bucketMs, windowMs: limits.windowMs });
    const headers = {
      "ratelimit-limit": String(limits.perKey),
      "ratelimit-remaining": String(Math.max(0, limits.perKey - position)),
    };
    if (position <= limits.perKey) return headers;
    const { buckets } = await countInWindow(sql, key, { now, windowMs: limits.windowMs });
    const oldest = buckets[0]?.start.getTime() ?? now.getTime();
    const wait = Math.max(1, Math.ceil((oldest + limits.windowMs - now.getTime()) / 1000));
    throw new Refusal("RATE_LIMITED", undefined, { ...headers, "retry-after": String(wait) });
  }

  function parseBody(request: ManufacturerApiRequest, route: Route): unknown {
    if (request.bodyTooLarge) throw new Refusal("PAYLOAD_TOO_LARGE", undefined, { connection: "close" });
    const mediaType = request.contentType?.split(";")[0]?.trim().toLowerCase();
    // An empty body stands for {} (e.g. release), so clients needn't send one.
    if (request.body.trim() === "" && !request.contentType) return route.body!.safeParse({});
    if (mediaType !== "application/json") throw new Refusal("UNSUPPORTED_MEDIA_TYPE");
    let json: unknown;
    try {
      json = JSON.parse(request.body);
    } catch {
      throw new Refusal("INVALID_JSON");
    }
    return route.body!.safeParse(json);
  }

  async function dispatch(request: ManufacturerApiRequest, locale: Locale): Promise<ManufacturerApiResponse> {
    const segments = request.path.slice(MANUFACTURER_API_PREFIX.length).replace(/\/$/, "").split("/").map(safeDecode);
    const { route, params, allowed } = matchRoute(request.method, segments);
    if (!route) {
      if (allowed.length) throw new Refusal("METHOD_NOT_ALLOWED", undefined, { allow: allowed.join(", ") });
      throw new Refusal("NOT_FOUND");
    }
    const sql = options.sql ?? (await getApiSql());
    const now = options.now?.() ?? new Date();
    const token = bearer(request.authorization);
    const principal = token ? await authenticateApiKey(sql, token, now) : null;
    if (!principal) throw new Refusal("UNAUTHENTICATED", undefined, { "www-authenticate": 'Bearer realm="manufacturer-api"' });
    if (!principal.scopes.includes(scopeForMethod(route.method))) throw new Refusal("FORBIDDEN");
    const limitHeaders = await rateLimit(sql, principal, now);

    const query = new URLSearchParams(request.query);
    const context: RouteContext = {
      sql,
      principal,
      scope: { kind: "manufacturer", accountId: principal.accountId, graceDays: principal.graceDays },
      actor: { kind: "API_KEY", accountId: principal.accountId, apiKeyId: principal.keyId, label: principal.name },
      now,
      params,
      query,
    };
    const finish = (result: RouteResult, extra: Record<string, string> = {}) =>
      respond(result.status, result.body, { ...limitHeaders, ...extra });

    if (!route.body) {
      const unknown = [...new Set(query.keys())].filter((name) => !route.queryNames?.includes(name));
      if (unknown.length)
        throw new Refusal("VALIDATION", Object.fromEntries(unknown.map((name) => [name, ["apiUnknownParameter"]])));
      try {
        return finish(await route.run(context, undefined as never));
      } catch (error) {
        const failure = failureResult(locale, error);
        if (failure) return finish(failure);
        throw error;
      }
    }

    const parsed = parseBody(request, route) as z.ZodSafeParseResult<unknown>;
    if (!parsed.success) throw new Refusal("VALIDATION", zodFields(locale, parsed.error));
    const idempotencyKey = request.idempotencyKey?.trim();
    if (idempotencyKey !== undefined && !IDEMPOTENCY_KEY.test(idempotencyKey)) {
      throw new Refusal("VALIDATION", { "Idempotency-Key": ["apiIdempotencyKeyInvalid"] });
    }
    if (idempotencyKey) {
      const claim = await claimIdempotencyKey(sql, principal.keyId, idempotencyKey, requestHash(request), now);
      if (claim.kind === "mismatch") throw new Refusal("IDEMPOTENCY_MISMATCH");
      if (claim.kind === "in-progress") throw new Refusal("IDEMPOTENCY_IN_PROGRESS", undefined, { "retry-after": "1" });
      if (claim.kind === "replay") {
        return {
          status: claim.answer.status,
          headers: { ...JSON_HEADERS, ...limitHeaders, "idempotent-replayed": "true" },
          body: claim.answer.body,
        };
      }
    }
    try {
      // The write and its kept answer commit together: a retry sees both or neither.
      const result = await sql.transaction(async (tx) => {
        await tx.query(DURABLE_COMMIT);
        const outcome = await route.run({ ...context, sql: tx }, parsed.data as never);
        if (idempotencyKey) {
          await completeIdempotencyKey(tx, principal.keyId, idempotencyKey, {
            status: outcome.status,
            body: JSON.stringify(outcome.body),
          });
        }
        return outcome;
      });
      return finish(result);
    } catch (error) {
      const failure = failureResult(locale, error);
      if (!failure) {
        if (idempotencyKey) await releaseIdempotencyKey(sql, principal.keyId, idempotencyKey).catch(() => undefined);
        throw error;
      }
      // A refusal wrote nothing; it is kept too, so a retry gets the same answer.
      if (idempotencyKey) {
        await completeIdempotencyKey(sql, principal.keyId, idempotencyKey, {
          status: failure.status,
          body: JSON.stringify(failure.body),
        });
      }
      return finish(failure);
    }
  }

  return async function handle(request: ManufacturerApiRequest): Promise<ManufacturerApiResponse> {
    const locale = localeOf(request.acceptLanguage);
    try {
      return await dispatch(request, locale);
    } catch (error) {
      if (error instanceof Refusal) {
        return respond(
          MANUFACTURER_API_ERRORS[error.code],
          errorBody(locale, error.code, undefined, error.fields),
          error.headers,
        );
      }
      const requestId = newRequestId();
      console.error(`[manufacturer-api ${request.method} ${request.path}] request ${requestId} failed:`, error);
      return respond(500, errorBody(locale, "INTERNAL", undefined, undefined, { requestId }));
    }
  };
}

function safeDecode(segment: string): string {
  try {
    return decodeURIComponent(segment);
  } catch {
    return "\u0000";
  }
}

export type ManufacturerApi = ReturnType<typeof createManufacturerApi>;
