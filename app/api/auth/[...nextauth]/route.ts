// next-auth's endpoints, with failed-login throttling answered as HTTP 429 before authorize() runs
// and crafted callback values made safe first (sanitize-auth-request.ts).
import type { NextRequest } from "next/server";
import NextAuth from "next-auth";
import { LOGIN_ERRORS, authOptions } from "@/lib/auth/options";
import { isAcceptableClientLog, sanitizeAuthRequest } from "@/lib/auth/sanitize-auth-request";
import { loginLockSeconds } from "@/lib/data/login-throttle";
import { getSql } from "@/lib/db/connection";
import { clientIp } from "@/lib/http/client-ip";
import { loginSchema } from "@/lib/validation/login";

const handler = NextAuth(authOptions);

type RouteContext = { params: Promise<{ nextauth: string[] }> };

async function throttled(request: NextRequest): Promise<Response | null> {
  if (!request.nextUrl.pathname.endsWith("/callback/credentials")) return null;
  const form = await request
    .clone()
    .formData()
    .catch(() => null);
  // Malformed e-mails go on to authorize(), which refuses them with a field error.
  const email = loginSchema.shape.email.safeParse(form?.get("email"));
  if (!email.success) return null;
  const seconds = await loginLockSeconds(await getSql(), email.data, clientIp(request.headers));
  if (seconds === null) return null;
  const minutes = Math.ceil(seconds / 60);
  // next-auth's client reads `url` and takes the error from its query string.
  const url = new URL("/login", request.nextUrl.origin);
  url.searchParams.set("error", `${LOGIN_ERRORS.throttled}:${minutes}`);
  return Response.json({ url: url.toString() }, { status: 429, headers: { "Retry-After": String(seconds) } });
}

export async function GET(request: NextRequest, context: RouteContext) {
  return handler(sanitizeAuthRequest(request), context);
}

export async function POST(request: NextRequest, context: RouteContext) {
  if (request.nextUrl.pathname.endsWith("/_log") && !(await isAcceptableClientLog(request))) {
    console.warn("[auth] malformed client log refused");
    return new Response(null, { status: 400 });
  }
  return (await throttled(request)) ?? handler(sanitizeAuthRequest(request), context);
}
