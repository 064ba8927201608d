// The lifecycle state machine of a subscription (DESIGN.md §1, "Actions"): which action is allowed
// from which stored status, where it leads, what happens to renewal billing, and the event it writes.
import type { StoredStatus } from "./subscription-status";

export const SUBSCRIPTION_ACTIONS = ["SUSPEND", "CANCEL", "RELEASE"] as const;
export type SubscriptionAction = (typeof SUBSCRIPTION_ACTIONS)[number];

export type BillingState = "ATIVA" | "PAUSADA" | "ENCERRADA";

type Transition = {
  from: readonly StoredStatus[];
  to: StoredStatus;
  billing: BillingState;
  event: "SUSPENDED" | "CANCELLED" | "RELEASED";
  /** Suspension and cancellation need a reason of this kind. */
  reasonKind: "SUSPENSAO" | "CANCELAMENTO" | null;
};

export const TRANSITIONS: Record<SubscriptionAction, Transition> = {
  // Renewal billing is paused while suspended; suspension never moves expiresAt.
  SUSPEND: { from: ["ATIVA", "PENDENTE"], to: "SUSPENSA", billing: "PAUSADA", event: "SUSPENDED", reasonKind: "SUSPENSAO" },
  // Cancelling is terminal: a new subscription is needed to use the product again.
  CANCEL: {
    from: ["ATIVA", "PENDENTE", "SUSPENSA"],
    to: "CANCELADA",
    billing: "ENCERRADA",
    event: "CANCELLED",
    reasonKind: "CANCELAMENTO",
  },
  RELEASE: { from: ["SUSPENSA"], to: "ATIVA", billing: "ATIVA", event: "RELEASED", reasonKind: null },
};

export function canTransition(action: SubscriptionAction, status: StoredStatus): boolean {
  return TRANSITIONS[action].from.includes(status);
}

/** The actions a serial in this status offers (before any permission check). */
export function availableActions(status: StoredStatus): SubscriptionAction[] {
  return SUBSCRIPTION_ACTIONS.filter((action) => canTransition(action, status));
}

/**
 * The article's ATENÇÃO: releasing a serial whose paid period has ended makes it usable again only
 * after the lojista renews with retroactive payment.
 */
export function releaseNeedsRenewalWarning(expiresAt: Date, now: Date): boolean {
  return expiresAt.getTime() < now.getTime();
}
