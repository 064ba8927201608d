import { getLocale } from "next-intl/server";
import type { AuthorizedContext } from "@/lib/auth/require-permission";
import { hasPermission } from "@/lib/auth/require-permission";
import type { ReasonOption } from "@/lib/data/reasons";
import { ACTION_PERMISSION } from "@/lib/domain/permissions";
import type { StoredStatus } from "@/lib/domain/subscription-status";
import { availableActions, releaseNeedsRenewalWarning, SUBSCRIPTION_ACTIONS } from "@/lib/domain/subscription-transitions";
import { formatDate } from "@/lib/format";
import { SubscriptionActionsMenu } from "./subscription-actions-menu";

/** The Ações menu for one serial: the state machine's actions that this user's profile allows. */
export async function ActionsFor({
  context,
  subscription,
  reasons,
  now,
  compact,
}: {
  context: AuthorizedContext;
  subscription: { serialNumber: string; status: StoredStatus; expiresAt: Date };
  reasons: ReasonOption[];
  now: Date;
  compact?: boolean;
}) {
  const locale = await getLocale();
  const permitted = SUBSCRIPTION_ACTIONS.filter((action) => hasPermission(context, ACTION_PERMISSION[action]));
  const allowed = availableActions(subscription.status).filter((action) => permitted.includes(action));
  // Mounted whenever the profile may act, even with nothing left to do: after Cancelar its
  // confirmation must outlive the refresh that takes the menu away.
  if (!permitted.length) return null;
  return (
    <SubscriptionActionsMenu
      serialNumber={subscription.serialNumber}
      allowed={allowed}
      permitted={permitted}
      reasons={reasons}
      expiredOn={releaseNeedsRenewalWarning(subscription.expiresAt, now) ? formatDate(subscription.expiresAt, locale) : null}
      compact={compact}
    />
  );
}
