// What next-auth must never see: its config check answers a callbackUrl or callback-url cookie it
// can't parse (`\\evil.example`, `http://[::1`) with a 500 and a stack trace, and its client-log
// endpoint fails on a made-up level. Such a callbackUrl is replaced by a safe address of this site,
// such a cookie dropped (by proxy.ts), and bad log posts refused, before next-auth runs.
import { NextRequest } from "next/server";
import { safeRedirectUrl } from "@/lib/http/safe-callback";

const CALLBACK_COOKIE = /^(?:__Secure-)?next-auth\.callback-url$/;

/** next-auth's own test (assert.js); what passes it goes on to our redirect callback. */
function nextAuthAccepts(value: string, base: string): boolean {
  try {
    return /^https?:/.test(new URL(value, value.startsWith("/") ? base : undefined).protocol);
  } catch {
    return false;
  }
}

/** The request as next-auth may see it: the same, or a copy with safe callback values. */
export function sanitizeAuthRequest(request: NextRequest): NextRequest {
  const url = new URL(request.url);
  const callback = url.searchParams.get("callbackUrl");
  if (callback === null || nextAuthAccepts(callback, url.origin)) return request;
  url.searchParams.set("callbackUrl", safeRedirectUrl(callback, url.origin));
  const hasBody = request.method !== "GET" && request.method !== "HEAD";
  return new NextRequest(url, {
    method: request.method,
    headers: request.headers,
    ...(hasBody ? { body: request.body, duplex: "half" } : {}),
  } as ConstructorParameters<typeof NextRequest>[1]);
}

/**
 * The Cookie header without a callback-url cookie next-auth can't parse, or null when nothing
 * changes. next-auth reads cookies through next/headers, so proxy.ts applies this to the request.
 */
export function safeAuthCookieHeader(request: NextRequest): string | null {
  const cookies = request.cookies.getAll();
  const kept = cookies.filter(
    (cookie) => !CALLBACK_COOKIE.test(cookie.name) || nextAuthAccepts(cookie.value, request.nextUrl.origin),
  );
  if (kept.length === cookies.length) return null;
  return kept.map((cookie) => `${cookie.name}=${encodeURIComponent(cookie.value)}`).join("; ");
}

/** next-auth's client-log endpoint takes only its own levels and plain codes. */
export async function isAcceptableClientLog(request: NextRequest): Promise<boolean> {
  const form = await request
    .clone()
    .formData()
    .catch(() => null);
  const level = form?.get("level");
  const code = form?.get("code");
  return (
    typeof level === "string" &&
    ["error", "warn", "debug"].includes(level) &&
    typeof code === "string" &&
    /^[A-Z_]{1,64}$/.test(code)
  );
}
