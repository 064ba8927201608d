// The request's user, current account and profiles — resolved once per request.
import { cookies } from "next/headers";
import { getServerSession } from "next-auth";
import { cache } from "react";
import { loadUserContext, type UserContext } from "@/lib/data/accounts";
import { ACCOUNT_COOKIE } from "./account-cookie";
import { authOptions } from "./options";

export type { UserContext };

/** Null when nobody is signed in (or the session is invalid or refers to a deleted user). */
export const getCurrentContext = cache(async (): Promise<UserContext | null> => {
  const session = await getServerSession(authOptions);
  const userId = session?.user?.id;
  if (!userId) return null;
  const requested = (await cookies()).get(ACCOUNT_COOKIE)?.value;
  return loadUserContext(userId, requested);
});
