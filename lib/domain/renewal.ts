// Registrar renovação and the first period of a new subscription (DESIGN.md §6, "Renovação"): a paid
// period counts from the old expiresAt, so a late renewal is retroactive, as the article's ATENÇÃO says.
import type { BillingState } from "./subscription-transitions";
import type { StoredStatus } from "./subscription-status";

export const PLANS = ["MENSAL", "ANUAL"] as const;
export type Plan = (typeof PLANS)[number];

export const PLAN_MONTHS: Record<Plan, number> = { MENSAL: 1, ANUAL: 12 };

/** At most three years of periods in one renewal. */
export const MAX_RENEWAL_PERIODS = 36;

/** São Paulo has been UTC−3 all year since 2019: calendar months are counted on its wall clock. */
const SAO_PAULO_OFFSET_MS = -3 * 60 * 60 * 1000;

/**
 * `periods` periods of the plan after `from`, on São Paulo's calendar. A day the target month lacks
 * becomes its last day (31/01 + 1 month = 28/02), never a day of the month after.
 */
export function addPlanPeriods(from: Date, plan: Plan, periods: number): Date {
  const local = new Date(from.getTime() + SAO_PAULO_OFFSET_MS);
  const day = local.getUTCDate();
  const months = local.getUTCMonth() + PLAN_MONTHS[plan] * periods;
  local.setUTCDate(1);
  local.setUTCMonth(months);
  const lastDay = new Date(Date.UTC(local.getUTCFullYear(), local.getUTCMonth() + 1, 0)).getUTCDate();
  local.setUTCDate(Math.min(day, lastDay));
  return new Date(local.getTime() - SAO_PAULO_OFFSET_MS);
}

/** The end of a new subscription's first paid period: the end of the day, one period after its start. */
export function firstExpiry(startedAt: Date, plan: Plan): Date {
  return addPlanPeriods(endOfSaoPauloDay(startedAt), plan, 1);
}

/** 23:59:59.999 of `at`'s day in São Paulo. */
export function endOfSaoPauloDay(at: Date): Date {
  const local = new Date(at.getTime() + SAO_PAULO_OFFSET_MS);
  local.setUTCHours(23, 59, 59, 999);
  return new Date(local.getTime() - SAO_PAULO_OFFSET_MS);
}

/** A start date typed as dd/mm/aaaa or aaaa-mm-dd means the beginning of that day in São Paulo. */
export function startOfSaoPauloDay(isoDate: string): Date {
  return new Date(`${isoDate}T00:00:00-03:00`);
}

export type RenewalOutcome =
  | { allowed: true; to: StoredStatus; billing: BillingState | null }
  | { allowed: false };

/**
 * What a renewal does to each stored status:
 * - ATIVA stays ATIVA: its badge follows the new expiresAt, so a serial released after expiring
 *   (stored ATIVA, shown Expirada) is Ativa again once the paid periods reach past today;
 * - PENDENTE (never paid) becomes ATIVA, with renewal billing on;
 * - SUSPENSA stays suspended and its billing paused: paying does not undo the manufacturer's block,
 *   Liberar does (then the serial shows Ativa at once);
 * - CANCELADA is terminal: a new subscription is needed.
 */
export function renewalOutcome(status: StoredStatus): RenewalOutcome {
  switch (status) {
    case "ATIVA":
      return { allowed: true, to: "ATIVA", billing: null };
    case "PENDENTE":
      return { allowed: true, to: "ATIVA", billing: "ATIVA" };
    case "SUSPENSA":
      return { allowed: true, to: "SUSPENSA", billing: null };
    case "CANCELADA":
      return { allowed: false };
  }
}

export function canRenew(status: StoredStatus): boolean {
  return renewalOutcome(status).allowed;
}
