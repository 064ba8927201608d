// Dates as the product shows them: dd/mm/aaaa (and hh:mm) in America/Sao_Paulo, whatever the
// language of the interface or the server's time zone.
import { TIME_ZONE } from "@/i18n/config";

const DATE = new Intl.DateTimeFormat("pt-BR", { timeZone: TIME_ZONE, day: "2-digit", month: "2-digit", year: "numeric" });
const DATE_TIME = new Intl.DateTimeFormat("pt-BR", {
  timeZone: TIME_ZONE,
  day: "2-digit",
  month: "2-digit",
  year: "numeric",
  hour: "2-digit",
  minute: "2-digit",
});

export function formatDate(date: Date | null | undefined): string {
  return date ? DATE.format(date) : "";
}

export function formatDateTime(date: Date | null | undefined): string {
  return date ? DATE_TIME.format(date).replace(",", "") : "";
}

/** yyyy-mm-dd of a date in São Paulo, e.g. for file names and date inputs. */
export function isoDateInSaoPaulo(date: Date): string {
  const [day, month, year] = DATE.format(date).split("/");
  return `${year}-${month}-${day}`;
}
