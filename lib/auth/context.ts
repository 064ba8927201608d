// The request's user, current account and profiles — resolved once per request.
import { cookies, headers } from "next/headers";
import { getServerSession } from "next-auth";
import { cache } from "react";
import { loadUserContext, type UserContext } from "@/lib/data/accounts";
import { touchUserSession } from "@/lib/data/user-sessions";
import { getSql } from "@/lib/db/connection";
import { noteRequestIdentity, REQUEST_ID_HEADER } from "@/lib/runtime/request-context";
import { ACCOUNT_COOKIE } from "./account-cookie";
import { authOptions } from "./options";

export type { UserContext };

const UUID = /^[0-9a-f]{8}-[0-9a-f]{4}-[0-9a-f]{4}-[0-9a-f]{4}-[0-9a-f]{12}$/i;

/** The signed-in user's id and server-side session, when the session is still open. */
export const getCurrentSession = cache(async (): Promise<{ userId: string; sessionId: string } | null> => {
  const session = await getServerSession(authOptions);
  const userId = session?.user?.id;
  const sessionId = session?.sessionId;
  if (!userId || !sessionId || !UUID.test(userId) || !UUID.test(sessionId)) return null;
  return (await touchUserSession(await getSql(), sessionId, userId)) ? { userId, sessionId } : null;
});

/** Null when nobody is signed in (or the session ended, or refers to a deleted user). */
export const getCurrentContext = cache(async (): Promise<UserContext | null> => {
  const session = await getCurrentSession();
  if (!session) return null;
  const userId = session.userId;
  const requested = (await cookies()).get(ACCOUNT_COOKIE)?.value;
  const context = await loadUserContext(userId, requested);
  if (context) noteRequestIdentity(context.user.id, context.account?.id, (await headers()).get(REQUEST_ID_HEADER));
  return context;
});
