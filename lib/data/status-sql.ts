// SQL twin of lib/domain/subscription-status.ts, for filters and counts computed by the database.
// `s` is the subscriptions alias and `grace` an SQL expression for the manufacturer's graceDays;
// `now` is a bound parameter placeholder such as "$2".
import { SITUATIONS, SITUATIONS_OF_BADGE, type Badge, type Situation } from "@/lib/domain/subscription-status";

// Grace days are whole 24-hour days, as in deriveDisplayStatus: `secs`, because a `days` interval
// follows the session's calendar and would move an hour across daylight-saving changes.
export function situationCase(now: string, s = "s", grace = "m.grace_days"): string {
  return `CASE
    WHEN ${s}.status <> 'ATIVA' THEN ${s}.status::text
    WHEN ${s}.expires_at >= ${now} THEN 'ATIVA'
    WHEN ${s}.expires_at >= ${now} - make_interval(secs => ${grace} * 86400) THEN 'TOLERANCIA'
    ELSE 'EXPIRADA' END`;
}

/** An index-friendly predicate (status, expires_at) selecting one precise situation. */
export function situationPredicate(situation: Situation, now: string, s = "s", grace = "m.grace_days"): string {
  switch (situation) {
    case "PENDENTE":
    case "SUSPENSA":
    case "CANCELADA":
      return `${s}.status = '${situation}'`;
    case "ATIVA":
      return `(${s}.status = 'ATIVA' AND ${s}.expires_at >= ${now})`;
    case "TOLERANCIA":
      return `(${s}.status = 'ATIVA' AND ${s}.expires_at < ${now} AND ${s}.expires_at >= ${now} - make_interval(secs => ${grace} * 86400))`;
    case "EXPIRADA":
      return `(${s}.status = 'ATIVA' AND ${s}.expires_at < ${now} - make_interval(secs => ${grace} * 86400))`;
  }
}

/** Predicate for one of the article's three colored statuses. */
export function badgePredicate(badge: Badge, now: string, s = "s", grace = "m.grace_days"): string {
  if (badge === "EXPIRADA") {
    return `(${s}.status <> 'ATIVA' OR ${situationPredicate("EXPIRADA", now, s, grace)})`;
  }
  return situationPredicate(badge, now, s, grace);
}

/**
 * The situations that pass the badge and situation filters (values ORed within a level, the two
 * levels ANDed, as in the SQL), so a count per situation also gives the count of what is listed.
 */
export function situationsSelected(badges: readonly Badge[], situations: readonly Situation[]): Situation[] {
  const byBadge = new Set(badges.flatMap((badge) => SITUATIONS_OF_BADGE[badge]));
  return SITUATIONS.filter(
    (situation) => (!badges.length || byBadge.has(situation)) && (!situations.length || situations.includes(situation)),
  );
}
