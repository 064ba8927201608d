// Runs before every page and API route of Next: refuses server-action requests no portal form can
// send (action-request-guard.ts), gives each response a Content-Security-Policy with a fresh nonce
// (Next marks its own scripts with it), answers a broken %-escape with 400, and sends visitors
// without a valid session to the login page. Only a first gate: every page, action and route
// handler checks the session and permissions again.
import { NextResponse, type NextFetchEvent, type NextRequest } from "next/server";
import { withAuth } from "next-auth/middleware";
import { safeAuthCookieHeader } from "@/lib/auth/sanitize-auth-request";
import { isActionRequest, refuseActionForm, refuseActionRequest, type Refusal } from "@/lib/http/action-request-guard";
import { mayBeServerAction } from "@/lib/http/server-action-ids";
import { contentSecurityPolicy, newNonce, servesHttps } from "@/lib/http/security-headers";

/** Reachable without a session (the license API never gets here: server.ts answers it). */
const PUBLIC_PATH = /^\/(?:login|esqueci-senha|redefinir-senha|convite|api\/auth|api\/health|api\/v1)(?:\/|$)/;

function malformedPath(pathname: string): boolean {
  try {
    decodeURIComponent(pathname);
    return false;
  } catch {
    return true;
  }
}

function withPolicy(request: NextRequest): NextResponse {
  // A broken %-escape would make Next fail while decoding route parameters: answer 400 instead.
  if (malformedPath(request.nextUrl.pathname)) return new NextResponse("Bad Request", { status: 400 });
  const policy = contentSecurityPolicy(newNonce(), {
    dev: process.env.NODE_ENV === "development",
    https: servesHttps(),
  });
  // Next reads the nonce from the request's policy header and puts it on the scripts it renders.
  const headers = new Headers(request.headers);
  headers.set("content-security-policy", policy);
  if (request.nextUrl.pathname.startsWith("/api/auth/")) {
    const cookie = safeAuthCookieHeader(request);
    if (cookie !== null) headers.set("cookie", cookie);
  }
  const response = NextResponse.next({ request: { headers } });
  response.headers.set("content-security-policy", policy);
  return response;
}

const signedInOnly = withAuth(withPolicy, { pages: { signIn: "/login" } });

async function actionRefusal(request: NextRequest): Promise<Refusal | null> {
  const refusal = refuseActionRequest(request);
  if (refusal) return refusal;
  const id = request.headers.get("next-action");
  if (id !== null && !mayBeServerAction(id)) return { status: 404, reason: "unknown server action" };
  const form = await request
    .clone()
    .formData()
    .catch(() => null);
  if (!form) return { status: 400, reason: "server action body is not valid multipart form data" };
  const formIds = [...form.keys()].filter((name) => name.startsWith("$ACTION_ID_")).map((name) => name.slice(11));
  if (formIds.some((formId) => !mayBeServerAction(formId))) return { status: 404, reason: "unknown server action" };
  return refuseActionForm(form, request.headers.has("next-action"));
}

export default async function proxy(request: NextRequest, event: NextFetchEvent) {
  if (isActionRequest(request)) {
    const refusal = await actionRefusal(request);
    if (refusal) {
      console.warn(`[proxy] ${refusal.status} ${request.method} ${request.nextUrl.pathname}: ${refusal.reason}`);
      return new NextResponse(null, { status: refusal.status });
    }
  }
  if (PUBLIC_PATH.test(request.nextUrl.pathname)) return withPolicy(request);
  return signedInOnly(request as Parameters<typeof signedInOnly>[0], event);
}

export const config = {
  // Not the CSV import's upload: with a proxy, Next buffers a request body in memory and cuts it at
  // 10 MB. That route checks origin, session and profile itself (defineRoute) and streams the body to disk.
  matcher: ["/((?!_next/static|_next/image|favicon.ico|robots.txt|api/fabricante/assinaturas/importar$|.*\\.(?:svg|png|ico|css|js)$).*)"],
};
