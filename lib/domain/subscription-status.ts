// What a serial's status is at time t (DESIGN.md §1, "Status"). The one place the rule lives;
// lib/data/status-sql.ts is its SQL twin for filters and counts, and a test keeps them equal.

export const STORED_STATUSES = ["PENDENTE", "ATIVA", "SUSPENSA", "CANCELADA"] as const;
export type StoredStatus = (typeof STORED_STATUSES)[number];

/** The article's three colored statuses. */
export const BADGES = ["ATIVA", "TOLERANCIA", "EXPIRADA"] as const;
export type Badge = (typeof BADGES)[number];

/** The precise situation shown beside the badge. */
export const SITUATIONS = ["ATIVA", "TOLERANCIA", "EXPIRADA", "PENDENTE", "SUSPENSA", "CANCELADA"] as const;
export type Situation = (typeof SITUATIONS)[number];

/** The situations each colored status stands for (the rows of DESIGN.md's table). */
export const SITUATIONS_OF_BADGE: Record<Badge, readonly Situation[]> = {
  ATIVA: ["ATIVA"],
  TOLERANCIA: ["TOLERANCIA"],
  EXPIRADA: ["PENDENTE", "SUSPENSA", "CANCELADA", "EXPIRADA"],
};

export function badgeOf(situation: Situation): Badge {
  return BADGES.find((badge) => SITUATIONS_OF_BADGE[badge].includes(situation))!;
}

export type DisplayStatus = {
  badge: Badge;
  situation: Situation;
  /** End of the Período de Tolerância (expiresAt + graceDays). */
  toleranceEndsAt: Date;
  /** Whole days until the tolerance ends, only while in Período de Tolerância (≥ 1). */
  toleranceDaysLeft: number | null;
};

const DAY_MS = 24 * 60 * 60 * 1000;

export function toleranceEnd(expiresAt: Date, graceDays: number): Date {
  return new Date(expiresAt.getTime() + graceDays * DAY_MS);
}

export function deriveDisplayStatus(
  subscription: { status: StoredStatus; expiresAt: Date },
  graceDays: number,
  now: Date,
): DisplayStatus {
  const toleranceEndsAt = toleranceEnd(subscription.expiresAt, graceDays);
  if (subscription.status !== "ATIVA") return displayStatus("EXPIRADA", subscription.status, toleranceEndsAt);
  const t = now.getTime();
  if (t <= subscription.expiresAt.getTime()) return displayStatus("ATIVA", "ATIVA", toleranceEndsAt);
  if (t <= toleranceEndsAt.getTime()) {
    const daysLeft = Math.max(1, Math.ceil((toleranceEndsAt.getTime() - t) / DAY_MS));
    return displayStatus("TOLERANCIA", "TOLERANCIA", toleranceEndsAt, daysLeft);
  }
  return displayStatus("EXPIRADA", "EXPIRADA", toleranceEndsAt);
}

// Every result built by this one literal, in one shape: an export derives a million of them, and
// results spread from a shared base were all promoted to V8's old space (+60 MB of heap per
// million rows, measured with --trace-gc-nvp).
function displayStatus(
  badge: Badge,
  situation: Situation,
  toleranceEndsAt: Date,
  toleranceDaysLeft: number | null = null,
): DisplayStatus {
  return { badge, situation, toleranceEndsAt, toleranceDaysLeft };
}
