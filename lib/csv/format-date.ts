// Dates in CSV cells: dd/mm/aaaa in America/Sao_Paulo, as lib/format.ts shows them on screen.
// Intl formatting costs microseconds and an export formats millions of dates, so results are
// cached per UTC hour: São Paulo's offset has been a whole number of hours since 1914, so every
// instant of one UTC hour falls on the same local date.
import { formatDate } from "@/lib/format";

const HOUR_MS = 60 * 60 * 1000;
const MAX_CACHED = 200_000;

const cache = new Map<number, string>();

/** "26/11/2026" for a Date or epoch milliseconds; an empty cell for a missing date. */
export function formatCsvDate(date: Date | number | null | undefined): string {
  if (date === null || date === undefined) return "";
  const time = typeof date === "number" ? date : date.getTime();
  if (!Number.isFinite(time)) return "";
  // An int32 (hours since 1970 fit until the year 245,000) makes a fast Map key.
  const hour = Math.floor(time / HOUR_MS) | 0;
  let text = cache.get(hour);
  if (text === undefined) {
    text = formatDate(new Date(hour * HOUR_MS));
    if (cache.size >= MAX_CACHED) cache.clear();
    cache.set(hour, text);
  }
  return text;
}
