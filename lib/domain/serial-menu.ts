// The Ações menu of a serial: the state machine's transitions plus Registrar renovação, each with
// the permission it needs. What a status offers is decided here for the page, the list's rows and
// the menu's own update after an action.
import { ACTION_PERMISSION, type Action } from "./permissions";
import { canRenew } from "./renewal";
import type { StoredStatus } from "./subscription-status";
import { availableActions, SUBSCRIPTION_ACTIONS, type SubscriptionAction } from "./subscription-transitions";

export const SERIAL_MENU_ACTIONS = [...SUBSCRIPTION_ACTIONS, "RENEW"] as const;
export type SerialMenuAction = SubscriptionAction | "RENEW";

export const MENU_PERMISSION: Record<SerialMenuAction, Action> = { ...ACTION_PERMISSION, RENEW: "subscriptions.renew" };

/** What a serial in this status offers (before any permission check). */
export function menuActionsFor(status: StoredStatus): SerialMenuAction[] {
  return [...availableActions(status), ...(canRenew(status) ? (["RENEW"] as const) : [])];
}

/** The menu's actions a user may take, given a permission check. */
export function permittedMenuActions(allows: (action: Action) => boolean): SerialMenuAction[] {
  return SERIAL_MENU_ACTIONS.filter((action) => allows(MENU_PERMISSION[action]));
}
