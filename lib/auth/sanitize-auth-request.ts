// What next-auth must never see: its config check answers a callbackUrl or callback-url cookie it
// can't parse (`\\evil.example`, `http://[::1`) with a 500 and a stack trace, and its client-log
// endpoint fails on a made-up level. Such values are replaced by a safe address of this site (or
// the cookie dropped) and bad log posts refused, before next-auth runs.
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
  let changed = false;
  const callback = url.searchParams.get("callbackUrl");
  if (callback !== null && !nextAuthAccepts(callback, url.origin)) {
    url.searchParams.set("callbackUrl", safeRedirectUrl(callback, url.origin));
    changed = true;
  }
  const headers = new Headers(request.headers);
  const cookies = request.cookies.getAll();
  const kept = cookies.filter((cookie) => !CALLBACK_COOKIE.test(cookie.name) || nextAuthAccepts(cookie.value, url.origin));
  if (kept.length !== cookies.length) {
    headers.set("cookie", kept.map((cookie) => `${cookie.name}=${encodeURIComponent(cookie.value)}`).join("; "));
    changed = true;
  }
  if (!changed) return request;
  const hasBody = request.method !== "GET" && request.method !== "HEAD";
  return new NextRequest(url, {
    method: request.method,
    headers,
    ...(hasBody ? { body: request.body, duplex: "half" } : {}),
  } as ConstructorParameters<typeof NextRequest>[1]);
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
