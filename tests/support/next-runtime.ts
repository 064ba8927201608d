// Runs server actions, route handlers and data functions outside Next.js in integration tests:
// the framework's request APIs (cookies, headers, session, translations, cache) are replaced by a
// per-test request that the test controls. Our own code runs unmocked.
import { afterEach, vi } from "vitest";
import { createTranslator } from "use-intl/core";
import { TIME_ZONE, type Locale } from "@/i18n/config";
import { MESSAGES } from "@/i18n/messages";
import { ACCOUNT_COOKIE } from "@/lib/auth/account-cookie";

/** What a browser on the portal's own page sends with an action (same-origin.ts checks it). */
const pageHeaders = () => new Headers({ host: "localhost:3000", origin: "http://localhost:3000" });

const request = vi.hoisted(() => ({
  userId: null as string | null,
  /** The server-side session of the signed-in user; started on first use, as a login would. */
  sessionId: null as string | null,
  cookies: new Map<string, string>(),
  headers: new Headers({ host: "localhost:3000", origin: "http://localhost:3000" }),
  locale: "pt-BR" as "pt-BR" | "en",
  revalidated: [] as string[],
}));

vi.mock("next/headers", () => ({
  cookies: async () => ({
    get: (name: string) => (request.cookies.has(name) ? { name, value: request.cookies.get(name)! } : undefined),
    getAll: () => [...request.cookies].map(([name, value]) => ({ name, value })),
    has: (name: string) => request.cookies.has(name),
    set: (name: string, value: string) => {
      request.cookies.set(name, value);
    },
    delete: (name: string) => {
      request.cookies.delete(name);
    },
  }),
  headers: async () => request.headers,
}));

vi.mock("next/cache", () => ({
  revalidatePath: (path: string) => {
    request.revalidated.push(path);
  },
  revalidateTag: () => undefined,
}));

vi.mock("next-auth", () => ({
  default: () => () => new Response(null, { status: 404 }),
  getServerSession: async () => {
    if (!request.userId) return null;
    if (!request.sessionId) {
      const { getSql } = await import("@/lib/db/connection");
      const { startUserSession } = await import("@/lib/data/user-sessions");
      // A user id that names nobody gets a session id that names nothing, as a stale cookie would.
      request.sessionId = await startUserSession(await getSql(), request.userId).catch(
        () => "00000000-0000-4000-8000-000000000000",
      );
    }
    return { user: { id: request.userId }, sessionId: request.sessionId };
  },
}));

vi.mock("next-intl/server", () => ({
  getLocale: async () => request.locale,
  getTranslations: async (namespace?: string) =>
    createTranslator({
      locale: request.locale,
      messages: MESSAGES[request.locale],
      namespace: namespace as never,
      timeZone: TIME_ZONE,
    }),
}));

afterEach(() => {
  request.userId = null;
  request.sessionId = null;
  request.cookies.clear();
  request.headers = pageHeaders();
  request.locale = "pt-BR";
  request.revalidated = [];
});

/** Makes the following calls run as this signed-in user (null: nobody signed in). */
export function signInAs(
  userId: string | null,
  options: { accountId?: string; locale?: Locale; ip?: string; sessionId?: string } = {},
) {
  request.userId = userId;
  request.sessionId = options.sessionId ?? null;
  if (options.accountId) request.cookies.set(ACCOUNT_COOKIE, options.accountId);
  if (options.locale) request.locale = options.locale;
  if (options.ip) request.headers.set("x-forwarded-for", options.ip);
}

/** The request's headers, e.g. to replay a forged Origin. */
export function requestHeaders(): Headers {
  return request.headers;
}

/** The server-side session the signed-in test user's requests carry (null until first used). */
export function currentSessionId(): string | null {
  return request.sessionId;
}

export function requestCookies(): Map<string, string> {
  return request.cookies;
}

export function revalidatedPaths(): string[] {
  return request.revalidated;
}
