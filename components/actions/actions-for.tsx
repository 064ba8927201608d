import { getLocale } from "next-intl/server";
import type { AuthorizedContext } from "@/lib/auth/require-permission";
import { hasPermission } from "@/lib/auth/require-permission";
import type { ReasonOption } from "@/lib/data/reasons";
import type { Plan } from "@/lib/domain/renewal";
import { menuActionsFor, permittedMenuActions } from "@/lib/domain/serial-menu";
import type { StoredStatus } from "@/lib/domain/subscription-status";
import { releaseNeedsRenewalWarning } from "@/lib/domain/subscription-transitions";
import { formatDate } from "@/lib/format";
import { SubscriptionActionsMenu } from "./subscription-actions-menu";

/** The Ações menu for one serial: the state machine's actions and Registrar renovação that this user's profile allows. */
export async function ActionsFor({
  context,
  subscription,
  reasons,
  now,
  compact,
}: {
  context: AuthorizedContext;
  subscription: { serialNumber: string; status: StoredStatus; expiresAt: Date; plan: Plan };
  reasons: ReasonOption[];
  now: Date;
  compact?: boolean;
}) {
  const locale = await getLocale();
  const permitted = permittedMenuActions((action) => hasPermission(context, action));
  const allowed = menuActionsFor(subscription.status).filter((action) => permitted.includes(action));
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
      renewal={{ plan: subscription.plan, expiresAt: subscription.expiresAt.toISOString(), status: subscription.status, now: now.toISOString() }}
      compact={compact}
    />
  );
}
