// The session carries the user's id; everything else is read fresh from the database per request.
import type { DefaultSession } from "next-auth";

declare module "next-auth" {
  interface Session {
    user?: DefaultSession["user"] & { id?: string };
    /** The server-side session (user_sessions.id) this cookie belongs to. */
    sessionId?: string;
  }
}

declare module "next-auth/jwt" {
  interface JWT {
    sid?: string;
  }
}
