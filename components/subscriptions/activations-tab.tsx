import { getLocale, getTranslations } from "next-intl/server";
import type { ReactNode } from "react";
import { DataTable } from "@/components/ui/data-table";
import type { subscriptionActivations } from "@/lib/data/subscription-detail";
import { formatDateTime } from "@/lib/format";

type Activation = Awaited<ReturnType<typeof subscriptionActivations>>[number];

/** Ativações: every computer the serial was activated on, newest first, swaps marked (cards on a phone). */
export async function ActivationsTab({
  activations,
  currentActions,
  showPeople,
}: {
  activations: Activation[];
  currentActions?: ReactNode;
  /** The manufacturer's own view: who deactivated a computer and the note they left. */
  showPeople: boolean;
}) {
  const locale = await getLocale();
  const t = await getTranslations("subscriptions");
  if (!activations.length)
    return <p className="rounded-lg border border-slate-200 bg-white p-6 text-slate-700">{t("activations.empty")}</p>;
  return (
    <div className="rounded-lg border border-slate-200 bg-white">
      <DataTable
        caption={t("serial.activations")}
        rows={activations}
        rowKey={(activation) => activation.id}
        rowClassName={(activation) => (activation.deactivatedAt ? "bg-white" : "bg-green-50")}
        columns={[
          {
            key: "machine",
            header: t("serial.machineName"),
            card: "title",
            cell: (activation) => (
              <>
                <span className="font-medium">{activation.machineName}</span>
                <span className="block break-all font-mono text-xs text-slate-600">{activation.machineId}</span>
              </>
            ),
          },
          {
            key: "os",
            header: t("serial.os"),
            cell: (activation) => (
              <>
                {activation.os}
                <span className="text-xs text-slate-600 lg:block"> · {activation.appVersion}</span>
              </>
            ),
          },
          {
            key: "activatedAt",
            header: t("serial.activatedAt"),
            className: "lg:whitespace-nowrap",
            cell: (activation) => formatDateTime(activation.activatedAt, locale),
          },
          {
            key: "lastSeenAt",
            header: t("serial.lastSeenAt"),
            className: "lg:whitespace-nowrap",
            cell: (activation) => formatDateTime(activation.lastSeenAt, locale),
          },
          {
            key: "status",
            header: t("columns.status"),
            cell: (activation) =>
              activation.deactivatedAt ? (
                <>
                  <span
                    className={`inline-flex rounded-full px-2 py-0.5 text-xs font-semibold ring-1 ring-inset ${
                      activation.deactivationCause === "SWAP"
                        ? "bg-amber-100 text-amber-900 ring-amber-700/30"
                        : "bg-slate-100 text-slate-800 ring-slate-400/40"
                    }`}
                  >
                    {t(`activations.cause.${activation.deactivationCause ?? "DESKTOP"}`)}
                  </span>
                  <span className="block text-xs text-slate-700">
                    {t("activations.closed", { date: formatDateTime(activation.deactivatedAt, locale) })}
                    {showPeople && activation.deactivatedBy
                      ? ` ${t("activations.by", { name: activation.deactivatedBy.name })}`
                      : ""}
                  </span>
                  {showPeople && activation.deactivationNote && (
                    <span className="block text-xs text-slate-700">
                      {t("activations.note", { note: activation.deactivationNote })}
                    </span>
                  )}
                </>
              ) : (
                <span className="inline-flex flex-wrap items-center gap-2">
                  <span className="inline-flex rounded-full bg-green-100 px-2 py-0.5 text-xs font-semibold text-green-900 ring-1 ring-inset ring-green-700/30">
                    {t("activations.current")}
                  </span>
                  {currentActions}
                </span>
              ),
          },
        ]}
      />
    </div>
  );
}
