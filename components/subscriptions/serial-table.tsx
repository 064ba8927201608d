import Link from "next/link";
import { getTranslations } from "next-intl/server";
import type { ReactNode } from "react";
import type { SerialRow } from "@/lib/data/subscription-list";
import { formatDate, formatDateTime } from "@/lib/format";
import { SubscriptionStatus } from "./subscription-status";

/** The serial numbers of one customer, as the expanded "aba" shows them. */
export async function SerialTable({
  serials,
  serialHref,
  now,
  showManufacturer,
  caption,
  rowActions,
  selectable = false,
}: {
  serials: SerialRow[];
  serialHref: (serialNumber: string) => string;
  now: Date;
  showManufacturer: boolean;
  caption: string;
  rowActions?: (serial: SerialRow) => ReactNode;
  /** Adds a checkbox per row that belongs to the bulk actions form (id "bulk-form"). */
  selectable?: boolean;
}) {
  const t = await getTranslations("subscriptions");
  const ta = await getTranslations("actions");
  const th = "px-3 py-2 text-left text-xs font-semibold uppercase tracking-wide text-slate-600";
  const td = "px-3 py-2 align-top text-sm";
  return (
    <div className="overflow-x-auto">
      <table className="min-w-full divide-y divide-slate-200">
        <caption className="sr-only">{caption}</caption>
        <thead className="bg-slate-50">
          <tr>
            {selectable && (
              <th scope="col" className={`${th} w-8`}>
                <span className="sr-only">{ta("bulk.heading")}</span>
              </th>
            )}
            <th scope="col" className={th}>
              {t("columns.serie")}
            </th>
            {showManufacturer && (
              <th scope="col" className={th}>
                {t("columns.fabricante")}
              </th>
            )}
            <th scope="col" className={th}>
              {t("columns.produto")}
            </th>
            <th scope="col" className={th}>
              {t("columns.status")}
            </th>
            <th scope="col" className={th}>
              {t("columns.maquina")}
            </th>
            <th scope="col" className={th}>
              {t("columns.ultimoAcesso")}
            </th>
            <th scope="col" className={th}>
              {t("columns.expiraEm")}
            </th>
            <th scope="col" className={`${th} text-right`}>
              {t("columns.trocas")}
            </th>
            {rowActions && (
              <th scope="col" className={`${th} text-right`}>
                {ta("menu")}
              </th>
            )}
          </tr>
        </thead>
        <tbody className="divide-y divide-slate-100 bg-white">
          {serials.map((serial) => (
            <tr key={serial.id}>
              {selectable && (
                <td className={td}>
                  <input
                    type="checkbox"
                    name="serials"
                    value={serial.serialNumber}
                    form="bulk-form"
                    aria-label={ta("bulk.selectSerial", { serial: serial.serialNumber })}
                    className="h-4 w-4"
                  />
                </td>
              )}
              <td className={`${td} whitespace-nowrap font-mono`}>
                <Link
                  href={serialHref(serial.serialNumber)}
                  className="font-semibold text-brand-700 underline-offset-2 hover:underline"
                >
                  {serial.serialNumber}
                </Link>
              </td>
              {showManufacturer && <td className={td}>{serial.manufacturerName}</td>}
              <td className={td}>
                {serial.product}
                <span className="block text-xs text-slate-600">{t(`plan.${serial.plan}`)}</span>
              </td>
              <td className={td}>
                <SubscriptionStatus
                  status={serial.status}
                  expiresAt={serial.expiresAt}
                  graceDays={serial.graceDays}
                  blockReason={serial.blockReason}
                  now={now}
                />
              </td>
              <td className={td}>{serial.machineName ?? <span className="text-slate-600">{t("noMachine")}</span>}</td>
              <td className={`${td} whitespace-nowrap`}>{serial.lastSeenAt ? formatDateTime(serial.lastSeenAt) : t("never")}</td>
              <td className={`${td} whitespace-nowrap`}>{formatDate(serial.expiresAt)}</td>
              <td className={`${td} text-right tabular-nums ${serial.swaps30d > 0 ? "font-semibold text-amber-800" : ""}`}>
                {serial.swaps30d}
              </td>
              {rowActions && <td className={`${td} text-right`}>{rowActions(serial)}</td>}
            </tr>
          ))}
        </tbody>
      </table>
    </div>
  );
}
