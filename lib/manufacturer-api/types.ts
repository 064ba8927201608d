// The integration API as a plain function from request to response (as the license API), so the
// custom server's lean node:http path and Next's route handler serve the same code.
import type { SqlClient } from "@/lib/db/sql-client";
import type { ApiKeyPrincipal } from "@/lib/data/api-keys";
import type { ManufacturerScope } from "@/lib/data/manufacturer-scope";
import type { Actor } from "@/lib/domain/actor";

export const MANUFACTURER_API_PREFIX = "/api/v1/manufacturer/";
/** The largest legitimate body (a customer) is well under 2 KB. */
export const MAX_BODY_BYTES = 16 * 1024;

export type ManufacturerApiRequest = {
  method: string;
  /** Path without the query string. */
  path: string;
  /** The raw query string, without "?". */
  query: string;
  authorization: string | undefined;
  contentType: string | undefined;
  idempotencyKey: string | undefined;
  acceptLanguage: string | undefined;
  body: string;
  bodyTooLarge: boolean;
};

export type ManufacturerApiResponse = { status: number; headers: Record<string, string>; body: string };

/** What a route's handler gets: who is calling, on which connection (the write's transaction for POSTs). */
export type RouteContext = {
  sql: SqlClient;
  principal: ApiKeyPrincipal;
  scope: ManufacturerScope;
  actor: Actor;
  now: Date;
  params: Record<string, string>;
  query: URLSearchParams;
};

export type RouteResult = { status: number; body: unknown };
