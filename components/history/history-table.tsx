import Link from "next/link";
import { getTranslations } from "next-intl/server";
import type { HistoryEventRow } from "@/lib/data/account-history";
import { formatDocument } from "@/lib/domain/documents";
import { formatDate, formatDateTime } from "@/lib/format";

/**
 * The events of one page: a table from 768 px up, one card per event below (no sideways
 * scrolling on a phone). Each serial links to its page.
 */
export async function HistoryTable({
  events,
  serialHref,
}: {
  events: HistoryEventRow[];
  serialHref: (serialNumber: string) => string;
}) {
  const t = await getTranslations("history");
  const ts = await getTranslations("subscriptions.history.type");
  const tHistory = await getTranslations("subscriptions.history");
  const tc = await getTranslations("common.situation");
  const th = "px-3 py-2 text-left text-xs font-semibold uppercase tracking-wide text-slate-600";
  const td = "px-3 py-1 align-top text-sm md:py-2";
  const cellLabel = "mr-1 font-medium text-slate-600 md:hidden";
  const status = (value: string | null) => (value ? tc(value as "ATIVA") : "");
  return (
    <table className="w-full max-md:block">
      <caption className="sr-only">{t("caption")}</caption>
      <thead className="bg-slate-50 max-md:sr-only">
        <tr>
          <th scope="col" className={th}>
            {t("columns.when")}
          </th>
          <th scope="col" className={th}>
            {t("columns.action")}
          </th>
          <th scope="col" className={th}>
            {t("columns.who")}
          </th>
          <th scope="col" className={th}>
            {t("columns.serial")}
          </th>
          <th scope="col" className={th}>
            {t("columns.customer")}
          </th>
          <th scope="col" className={th}>
            {t("columns.status")}
          </th>
          <th scope="col" className={th}>
            {t("columns.reason")}
          </th>
        </tr>
      </thead>
      <tbody className="bg-white max-md:block max-md:space-y-2 md:divide-y md:divide-slate-100">
        {events.map((event) => (
          <tr key={event.seq} className="max-md:block max-md:rounded-lg max-md:border max-md:border-slate-200 max-md:py-2">
            <td className={`${td} whitespace-nowrap max-md:block`}>
              <span className={cellLabel}>{t("columns.when")}:</span>
              <time dateTime={event.createdAt.toISOString()}>{formatDateTime(event.createdAt)}</time>
            </td>
            <td className={`${td} font-medium max-md:block`}>
              <span className={cellLabel}>{t("columns.action")}:</span>
              {ts(event.type as "CREATED")}
            </td>
            <td className={`${td} max-md:block`}>
              <span className={cellLabel}>{t("columns.who")}:</span>
              {event.actorKind === "USER" && event.actorName ? (
                event.actorName
              ) : (
                <>
                  {t(`actorKind.${event.actorKind}`)}
                  {event.actorName && <span className="text-slate-600"> · {event.actorName}</span>}
                </>
              )}
            </td>
            <td className={`${td} max-md:block`}>
              <span className={cellLabel}>{t("columns.serial")}:</span>
              <Link
                href={serialHref(event.serialNumber)}
                className="font-mono font-medium text-brand-700 underline-offset-2 hover:underline"
              >
                {event.serialNumber}
              </Link>
            </td>
            <td className={`${td} max-md:block`}>
              <span className={cellLabel}>{t("columns.customer")}:</span>
              {event.customerName}
              <span className="block text-xs text-slate-600 max-md:inline max-md:before:content-['_·_']">
                {formatDocument(event.customerDocument)}
              </span>
            </td>
            <td className={`${td} max-md:block`}>
              {event.fromStatus || event.toStatus ? (
                <>
                  <span className={cellLabel}>{t("columns.status")}:</span>
                  {event.fromStatus && event.toStatus && event.fromStatus !== event.toStatus
                    ? `${status(event.fromStatus)} → ${status(event.toStatus)}`
                    : status(event.toStatus)}
                </>
              ) : (
                <span className="max-md:hidden">—</span>
              )}
            </td>
            <td className={`${td} max-md:block`}>
              {event.reason || event.description || event.machineName || event.expiresTo ? (
                <>
                  <span className={cellLabel}>{t("columns.reason")}:</span>
                  {event.expiresTo && (
                    <span className="block max-md:inline">
                      {event.expiresFrom
                        ? tHistory("expiry", { from: formatDate(event.expiresFrom), to: formatDate(event.expiresTo) })
                        : tHistory("firstExpiry", { to: formatDate(event.expiresTo) })}
                    </span>
                  )}
                  {event.reason && <span className="block max-md:inline">{event.reason}</span>}
                  {event.description && (
                    <span className="block whitespace-pre-line text-slate-700 max-md:inline max-md:before:content-['_·_']">
                      {event.description}
                    </span>
                  )}
                  {!event.reason && !event.description && event.machineName && (
                    <span className="text-slate-700">{event.machineName}</span>
                  )}
                </>
              ) : (
                <span className="max-md:hidden">—</span>
              )}
            </td>
          </tr>
        ))}
      </tbody>
    </table>
  );
}
