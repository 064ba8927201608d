import { getTranslations } from "next-intl/server";
import type { ReactNode } from "react";
import type { subscriptionActivations } from "@/lib/data/subscription-detail";
import { formatDateTime } from "@/lib/format";

type Activation = Awaited<ReturnType<typeof subscriptionActivations>>[number];

/** Ativações: every computer the serial was activated on, newest first, swaps marked. */
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
  const t = await getTranslations("subscriptions");
  if (!activations.length)
    return <p className="rounded-lg border border-slate-200 bg-white p-6 text-slate-700">{t("activations.empty")}</p>;
  const th = "px-3 py-2 text-left text-xs font-semibold uppercase tracking-wide text-slate-600";
  const td = "px-3 py-2 align-top text-sm";
  return (
    <div className="overflow-x-auto rounded-lg border border-slate-200 bg-white">
      <table className="min-w-full divide-y divide-slate-200">
        <caption className="sr-only">{t("serial.activations")}</caption>
        <thead className="bg-slate-50">
          <tr>
            <th scope="col" className={th}>
              {t("serial.machineName")}
            </th>
            <th scope="col" className={th}>
              {t("serial.os")}
            </th>
            <th scope="col" className={th}>
              {t("serial.activatedAt")}
            </th>
            <th scope="col" className={th}>
              {t("serial.lastSeenAt")}
            </th>
            <th scope="col" className={th}>
              {t("columns.status")}
            </th>
          </tr>
        </thead>
        <tbody className="divide-y divide-slate-100">
          {activations.map((activation) => (
            <tr key={activation.id} className={activation.deactivatedAt ? "" : "bg-green-50/60"}>
              <td className={td}>
                <span className="font-medium">{activation.machineName}</span>
                <span className="block break-all font-mono text-xs text-slate-600">{activation.machineId}</span>
              </td>
              <td className={td}>
                {activation.os}
                <span className="block text-xs text-slate-600">{activation.appVersion}</span>
              </td>
              <td className={`${td} whitespace-nowrap`}>{formatDateTime(activation.activatedAt)}</td>
              <td className={`${td} whitespace-nowrap`}>{formatDateTime(activation.lastSeenAt)}</td>
              <td className={td}>
                {activation.deactivatedAt ? (
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
                      {t("activations.closed", { date: formatDateTime(activation.deactivatedAt) })}
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
                  <div className="flex flex-wrap items-center gap-2">
                    <span className="inline-flex rounded-full bg-green-100 px-2 py-0.5 text-xs font-semibold text-green-900 ring-1 ring-inset ring-green-700/30">
                      {t("activations.current")}
                    </span>
                    {currentActions}
                  </div>
                )}
              </td>
            </tr>
          ))}
        </tbody>
      </table>
    </div>
  );
}
