import Link from "next/link";
import { getLocale, getTranslations } from "next-intl/server";
import type { ReactNode } from "react";
import { DataTable, type DataTableColumn } from "@/components/ui/data-table";
import type { SerialRow } from "@/lib/data/subscription-list";
import { formatDate, formatDateTime } from "@/lib/format";
import { SubscriptionStatus } from "./subscription-status";

/** The serial numbers of one customer, as the expanded "aba" shows them (cards on a phone). */
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
  const locale = await getLocale();
  const columns: (DataTableColumn<SerialRow> | false)[] = [
    selectable && {
      key: "select",
      header: ta("bulk.heading"),
      srOnlyHeader: true,
      card: "select",
      cell: (serial) => (
        <input
          type="checkbox"
          name="serials"
          value={serial.serialNumber}
          form="bulk-form"
          aria-label={ta("bulk.selectSerial", { serial: serial.serialNumber })}
          className="h-5 w-5 lg:h-4 lg:w-4"
        />
      ),
    },
    {
      key: "serial",
      header: t("columns.serie"),
      card: "title",
      className: "whitespace-nowrap font-mono",
      cell: (serial) => (
        <Link
          href={serialHref(serial.serialNumber)}
          data-focus-id={`serial-${serial.serialNumber}`}
          className="font-semibold text-brand-700 underline-offset-2 hover:underline"
        >
          {serial.serialNumber}
        </Link>
      ),
    },
    showManufacturer && { key: "manufacturer", header: t("columns.fabricante"), cell: (serial) => serial.manufacturerName },
    {
      key: "product",
      header: t("columns.produto"),
      cell: (serial) => (
        <>
          {serial.product}
          <span className="text-xs text-slate-600 lg:block"> · {t(`plan.${serial.plan}`)}</span>
        </>
      ),
    },
    {
      key: "status",
      header: t("columns.status"),
      cell: (serial) => (
        <SubscriptionStatus
          status={serial.status}
          expiresAt={serial.expiresAt}
          graceDays={serial.graceDays}
          blockReason={serial.blockReason}
          now={now}
        />
      ),
    },
    {
      key: "machine",
      header: t("columns.maquina"),
      cell: (serial) => serial.machineName ?? <span className="text-slate-600">{t("noMachine")}</span>,
    },
    {
      key: "lastSeen",
      header: t("columns.ultimoAcesso"),
      className: "lg:whitespace-nowrap",
      cell: (serial) => (serial.lastSeenAt ? formatDateTime(serial.lastSeenAt, locale) : t("never")),
    },
    {
      key: "expires",
      header: t("columns.expiraEm"),
      className: "lg:whitespace-nowrap",
      cell: (serial) => formatDate(serial.expiresAt, locale),
    },
    {
      key: "swaps",
      header: t("columns.trocas"),
      align: "right",
      cell: (serial) => (
        <span className={`tabular-nums ${serial.swaps30d > 0 ? "font-semibold text-amber-800" : ""}`}>{serial.swaps30d}</span>
      ),
    },
    !!rowActions && { key: "actions", header: ta("menu"), card: "actions", align: "right", cell: (serial) => rowActions(serial) },
  ];
  return (
    <DataTable
      caption={caption}
      rows={serials}
      rowKey={(serial) => serial.id}
      columns={columns.filter((column): column is DataTableColumn<SerialRow> => Boolean(column))}
    />
  );
}
