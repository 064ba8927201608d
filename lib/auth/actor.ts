// Who an audit event is attributed to when a signed-in user acts in the current account.
import type { Actor } from "@/lib/domain/actor";
import type { AuthorizedContext } from "./require-permission";

export function actorOf(context: AuthorizedContext): Actor {
  return { kind: "USER", userId: context.user.id, accountId: context.account.id };
}
