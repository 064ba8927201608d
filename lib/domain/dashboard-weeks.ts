// The dashboard's weeks: Monday to Sunday in São Paulo, the current one last, and the daily
// counts of the rollup summed into them. Pure, so the bucketing is tested on its own.

const DAY_MS = 24 * 60 * 60 * 1000;

/** yyyy-mm-dd plus `days` (calendar arithmetic in UTC, so no time zone can shift it). */
export function addDays(isoDate: string, days: number): string {
  return new Date(Date.parse(`${isoDate}T00:00:00Z`) + days * DAY_MS).toISOString().slice(0, 10);
}

/** The Monday that starts the week of `isoDate`. */
export function weekStart(isoDate: string): string {
  const weekday = new Date(`${isoDate}T00:00:00Z`).getUTCDay(); // 0 = Sunday
  return addDays(isoDate, -((weekday + 6) % 7));
}

/** The first day of each of the last `count` weeks up to the week of `today`, oldest first. */
export function lastWeeks(today: string, count = 12): string[] {
  const current = weekStart(today);
  return Array.from({ length: count }, (_, index) => addDays(current, -7 * (count - 1 - index)));
}

/** Per key (an event type), the counts of each week; days outside the weeks are left out. */
export function sumByWeek<K extends string>(
  rows: readonly { day: string; key: string; count: number }[],
  weeks: readonly string[],
  keys: readonly K[],
): Record<K, number[]> {
  const sums = Object.fromEntries(keys.map((key) => [key, weeks.map(() => 0)])) as Record<K, number[]>;
  if (!weeks.length) return sums;
  const end = addDays(weeks.at(-1)!, 7);
  for (const row of rows) {
    if (row.day < weeks[0]! || row.day >= end || !(row.key in sums)) continue;
    const index = Math.floor((Date.parse(`${row.day}T00:00:00Z`) - Date.parse(`${weeks[0]}T00:00:00Z`)) / (7 * DAY_MS));
    sums[row.key as K][index]! += row.count;
  }
  return sums;
}
