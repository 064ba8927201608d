// next-auth v4 configuration: e-mail + password (Credentials), JWT sessions. Throttling of failed
// logins is checked before authorize() by the route (429) and enforced again here.
import type { NextAuthOptions } from "next-auth";
import CredentialsProvider from "next-auth/providers/credentials";
import { findUserForLogin } from "@/lib/data/accounts";
import { beginLoginAttempt, forgiveLoginAttempt } from "@/lib/data/login-throttle";
import { revokeUserSession, SESSION_MAX_AGE_SECONDS, startUserSession } from "@/lib/data/user-sessions";
import { getSql } from "@/lib/db/connection";
import { sendFailedLoginAlert } from "@/lib/mail/failed-login-alert";
import { newRequestId } from "@/lib/request-id";
import { clientIp } from "@/lib/http/client-ip";
import { safeRedirectUrl } from "@/lib/http/safe-callback";
import { loginSchema } from "@/lib/validation/login";
import { verifyPassword } from "./password";

/** Error codes authorize() reports to the login form (next-auth passes them as ?error=). */
export const LOGIN_ERRORS = { invalidInput: "INVALID_INPUT", throttled: "THROTTLED", internal: "INTERNAL" } as const;

/** next-auth errors caused by what the client sent, not by the portal. */
const CLIENT_INPUT_ERRORS = new Set(["INVALID_CALLBACK_URL_ERROR", "CSRF_TOKEN_MISMATCH", "MISSING_CSRF", "LOGGER_ERROR"]);

// A fixed bcrypt hash compared when the e-mail is unknown, so timing doesn't reveal which e-mails exist.
const DUMMY_HASH = "$2b$10$D2ZWBTyED6ar8ay01tPeR.L2qtlvSefgviHg1iAz7YcsXc2msb4ZC";

type Outcome =
  { kind: "ok"; user: { id: string; email: string; name: string } } | { kind: "wrong" } | { kind: "throttled"; minutes: number };

/** Sent in the background: the answer to the login never waits for (or fails with) the mail. */
function alertUser(user: { email: string; name: string }, failures: number) {
  sendFailedLoginAlert(user, failures).catch((error: unknown) => {
    console.warn(
      `[auth] failed-login notice to ${user.email} not sent: ${error instanceof Error ? error.message : String(error)}`,
    );
  });
}

/**
 * The throttle and the password check. next-auth sends an exception's message to the browser, so
 * an unexpected failure is logged here and only "INTERNAL" leaves.
 */
async function checkCredentials(email: string, password: string, ip: string): Promise<Outcome> {
  try {
    const sql = await getSql();
    const now = new Date();
    const attempt = await beginLoginAttempt(sql, email, ip, now);
    const user = await findUserForLogin(email);
    if (attempt.alertUser && user) alertUser(user, attempt.emailFailures);
    if (attempt.kind === "locked") return { kind: "throttled", minutes: Math.ceil(attempt.seconds / 60) };
    if (attempt.delayMs > 0) await new Promise((resolve) => setTimeout(resolve, attempt.delayMs));
    const valid = await verifyPassword(password, user?.passwordHash ?? DUMMY_HASH);
    if (!user || !valid) return { kind: "wrong" };
    await forgiveLoginAttempt(sql, email, ip, now);
    return { kind: "ok", user: { id: user.id, email: user.email, name: user.name } };
  } catch (error) {
    const requestId = newRequestId();
    console.error(`[auth] login ${requestId} failed:`, error);
    throw new Error(LOGIN_ERRORS.internal);
  }
}

export const authOptions: NextAuthOptions = {
  session: { strategy: "jwt", maxAge: SESSION_MAX_AGE_SECONDS },
  pages: { signIn: "/login", error: "/login" },
  providers: [
    CredentialsProvider({
      name: "E-mail e senha",
      credentials: { email: { type: "email" }, password: { type: "password" } },
      async authorize(credentials, req) {
        const parsed = loginSchema.safeParse(credentials ?? {});
        if (!parsed.success) throw new Error(LOGIN_ERRORS.invalidInput);
        const { email, password } = parsed.data;
        const ip = clientIp(req?.headers);
        const outcome = await checkCredentials(email, password, ip);
        if (outcome.kind === "throttled") throw new Error(`${LOGIN_ERRORS.throttled}:${outcome.minutes}`);
        return outcome.kind === "ok" ? outcome.user : null;
      },
    }),
  ],
  logger: {
    error(code, metadata) {
      // A tampered or expired cookie is a normal event: the user is simply sent to the login page.
      if (code === "JWT_SESSION_ERROR") console.warn("[auth] invalid session cookie ignored");
      // Bad input from the client (a crafted callbackUrl or cookie): one line, no stack trace.
      else if (CLIENT_INPUT_ERRORS.has(code)) console.warn(`[auth] ${code} refused`);
      else console.error(`[auth] ${code}`, metadata);
    },
    warn(code) {
      console.warn(`[auth] ${code}`);
    },
    debug() {},
  },
  callbacks: {
    redirect({ url, baseUrl }) {
      return safeRedirectUrl(url, baseUrl);
    },
    // Signing in starts a server-side session (lib/data/user-sessions.ts); the cookie carries its id.
    async jwt({ token, user }) {
      if (user) {
        token.sub = user.id;
        token.sid = await startUserSession(await getSql(), user.id);
      }
      return token;
    },
    session({ session, token }) {
      if (session.user && token.sub) session.user.id = token.sub;
      if (typeof token.sid === "string") session.sessionId = token.sid;
      return session;
    },
  },
  events: {
    // "Sair" ends the session on the server too: the old cookie no longer opens any page.
    async signOut({ token }) {
      if (typeof token?.sid === "string") await revokeUserSession(await getSql(), token.sid);
    },
  },
};
