import { getLocale, getTranslations } from "next-intl/server";
import type { ReactNode } from "react";
import type { SubscriptionDetail } from "@/lib/data/subscription-detail";
import { formatDocument } from "@/lib/domain/documents";
import { reasonLabel } from "@/lib/domain/reason-label";
import { deriveDisplayStatus } from "@/lib/domain/subscription-status";
import { formatDate, formatDateTime } from "@/lib/format";
import { SubscriptionStatus } from "./subscription-status";

function Field({ label, children }: { label: string; children: ReactNode }) {
  return (
    <div className="py-2 sm:grid sm:grid-cols-3 sm:gap-4">
      <dt className="text-sm font-medium text-slate-600">{label}</dt>
      <dd className="mt-1 text-sm text-slate-900 sm:col-span-2 sm:mt-0">{children}</dd>
    </div>
  );
}

function Section({ title, children, tone, note }: { title: string; children: ReactNode; tone?: "alert"; note?: ReactNode }) {
  return (
    <section
      className={`rounded-lg border p-5 ${tone === "alert" ? "border-red-200 bg-red-50/60" : "border-slate-200 bg-white"}`}
    >
      <h2 className="text-base font-semibold">{title}</h2>
      <dl className="mt-2 divide-y divide-slate-100">{children}</dl>
      {note}
    </section>
  );
}

/** Detalhes: status and its reason, the active computer, the plan and its dates, the billing. */
export async function DetailsTab({
  subscription,
  now,
  showManufacturer,
}: {
  subscription: SubscriptionDetail;
  now: Date;
  showManufacturer: boolean;
}) {
  const locale = await getLocale();
  const t = await getTranslations("subscriptions");
  const tc = await getTranslations("common");
  const { manufacturer, customer, activeActivation: machine } = subscription;
  const display = deriveDisplayStatus(subscription, manufacturer.graceDays, now);
  const blocked = subscription.status === "SUSPENSA" || subscription.status === "CANCELADA";
  const paidPeriodOver = subscription.expiresAt.getTime() < now.getTime();
  const situation =
    display.situation === "TOLERANCIA"
      ? tc("situation.TOLERANCIA", { days: display.toleranceDaysLeft ?? 0 })
      : tc(`situation.${display.situation}`);

  return (
    <div className="grid gap-4 lg:grid-cols-2">
      <Section
        title={t("serial.status")}
        tone={display.badge === "EXPIRADA" ? "alert" : undefined}
        note={
          display.badge !== "ATIVA" && paidPeriodOver && subscription.status !== "CANCELADA" ? (
            <p className="pt-2 text-sm text-red-900">{t("serial.expiredNote")}</p>
          ) : null
        }
      >
        <Field label={t("serial.status")}>
          <SubscriptionStatus
            status={subscription.status}
            expiresAt={subscription.expiresAt}
            graceDays={manufacturer.graceDays}
            now={now}
          />
        </Field>
        <Field label={t("serial.situation")}>{situation}</Field>
        {blocked && (
          <>
            <Field label={t("serial.reason")}>{reasonLabel(subscription.blockReason, locale) ?? t("never")}</Field>
            {subscription.blockDescription && <Field label={t("serial.description")}>{subscription.blockDescription}</Field>}
            <Field label={t("serial.blockedBy")}>
              {subscription.blockedBy?.actorKind === "SYSTEM"
                ? t("serial.systemActor")
                : // A lojista sees which manufacturer acted, not which of its people.
                  ((showManufacturer ? null : subscription.blockedBy?.name) ?? manufacturer.name)}
            </Field>
            <Field label={t("serial.blockedAt")}>
              {formatDateTime(subscription.blockedAt ?? subscription.blockedBy?.at, locale)}
            </Field>
            {subscription.status === "SUSPENSA" && subscription.suspendedUntil && (
              <Field label={t("serial.suspendedUntil")}>{formatDate(subscription.suspendedUntil, locale)}</Field>
            )}
          </>
        )}
      </Section>

      <Section title={t("serial.customer")}>
        <Field label={t("columns.cliente")}>{customer.name}</Field>
        <Field label={t("columns.documento")}>{formatDocument(customer.document)}</Field>
        <Field label={t("columns.tipo")}>{t(`customerType.${customer.type}`)}</Field>
        <Field label={t("columns.cidade")}>
          {customer.city}/{customer.state}
        </Field>
        {showManufacturer && <Field label={t("serial.manufacturer")}>{manufacturer.name}</Field>}
      </Section>

      <Section title={t("serial.machineHeading")}>
        {machine ? (
          <>
            <Field label={t("serial.machineName")}>{machine.machineName}</Field>
            <Field label={t("serial.machineId")}>
              <span className="break-all font-mono text-xs">{machine.machineId}</span>
            </Field>
            <Field label={t("serial.os")}>{machine.os}</Field>
            <Field label={t("serial.appVersion")}>{machine.appVersion}</Field>
            <Field label={t("serial.activatedAt")}>{formatDateTime(machine.activatedAt, locale)}</Field>
            <Field label={t("serial.lastSeenAt")}>{formatDateTime(machine.lastSeenAt, locale)}</Field>
          </>
        ) : (
          <Field label={t("serial.machineName")}>{t("noMachine")}</Field>
        )}
        <Field label={t("serial.swaps30d")}>
          {t("serial.swapLimit", { count: subscription.swaps30d, limit: manufacturer.swapLimit })}
        </Field>
      </Section>

      <Section title={t("serial.planHeading")}>
        <Field label={t("serial.product")}>{subscription.product}</Field>
        <Field label={t("serial.plan")}>{t(`plan.${subscription.plan}`)}</Field>
        <Field label={t("serial.startedAt")}>{formatDate(subscription.startedAt, locale)}</Field>
        <Field label={t("serial.expiresAt")}>{formatDate(subscription.expiresAt, locale)}</Field>
        <Field label={t("serial.toleranceEnd")}>
          {formatDate(display.toleranceEndsAt, locale)}{" "}
          <span className="text-slate-600">({t("serial.graceDays", { days: manufacturer.graceDays })})</span>
        </Field>
        <Field label={t("serial.billing")}>{t(`billing.${subscription.billingState}`)}</Field>
        <Field label={t("serial.lastRenewal")}>
          {subscription.lastRenewal?.expiresFrom && subscription.lastRenewal.expiresTo
            ? t("serial.lastRenewalValue", {
                date: formatDate(subscription.lastRenewal.createdAt, locale),
                from: formatDate(subscription.lastRenewal.expiresFrom, locale),
                to: formatDate(subscription.lastRenewal.expiresTo, locale),
              })
            : t("serial.noRenewal")}
        </Field>
      </Section>
    </div>
  );
}
