// The one permission check used by pages, server actions and route handlers.
import { can, type Action } from "@/lib/domain/permissions";
import { AppError } from "@/lib/errors";
import type { CurrentAccount, UserContext } from "@/lib/data/accounts";

export type AuthorizedContext = UserContext & { account: CurrentAccount };

export function hasPermission(context: UserContext | null, action: Action): context is AuthorizedContext {
  return !!context?.account && can(context.account.kind, context.profiles, action);
}

export function requirePermission(context: UserContext | null, action: Action): asserts context is AuthorizedContext {
  if (!context) throw new AppError("UNAUTHENTICATED");
  if (!hasPermission(context, action)) throw new AppError("FORBIDDEN");
}
