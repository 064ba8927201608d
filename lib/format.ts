// Dates as the product shows them, in America/Sao_Paulo whatever the server's time zone: dd/mm/aaaa
// (and hh:mm) in Portuguese; in English day, short month and year ("3 Nov 2026", "3 Nov 2026 14:05"),
// which no reader can take for mm/dd.
import { TIME_ZONE } from "@/i18n/config";

const PT_DATE = new Intl.DateTimeFormat("pt-BR", { timeZone: TIME_ZONE, day: "2-digit", month: "2-digit", year: "numeric" });
const PT_DATE_TIME = new Intl.DateTimeFormat("pt-BR", {
  timeZone: TIME_ZONE,
  day: "2-digit",
  month: "2-digit",
  year: "numeric",
  hour: "2-digit",
  minute: "2-digit",
});
const EN_DATE = new Intl.DateTimeFormat("en-GB", { timeZone: TIME_ZONE, day: "numeric", month: "short", year: "numeric" });
const EN_DATE_TIME = new Intl.DateTimeFormat("en-GB", {
  timeZone: TIME_ZONE,
  day: "numeric",
  month: "short",
  year: "numeric",
  hour: "2-digit",
  minute: "2-digit",
  hourCycle: "h23",
});

/** The interface language: "en" for English, anything else is Portuguese (the default). */
type DateLocale = string | undefined;

const english = (locale: DateLocale) => locale === "en";

export function formatDate(date: Date | null | undefined, locale?: DateLocale): string {
  if (!date) return "";
  // en-GB writes "Sept" for September; the short month everywhere else has three letters.
  return english(locale) ? EN_DATE.format(date).replace("Sept", "Sep") : PT_DATE.format(date);
}

export function formatDateTime(date: Date | null | undefined, locale?: DateLocale): string {
  if (!date) return "";
  return english(locale)
    ? EN_DATE_TIME.format(date).replace("Sept", "Sep").replace(",", "").replace(" at ", " ")
    : PT_DATE_TIME.format(date).replace(",", "");
}

/** yyyy-mm-dd of a date in São Paulo, e.g. for file names and date inputs. */
export function isoDateInSaoPaulo(date: Date): string {
  const [day, month, year] = PT_DATE.format(date).split("/");
  return `${year}-${month}-${day}`;
}
