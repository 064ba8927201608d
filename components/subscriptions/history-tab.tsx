import { getLocale, getTranslations } from "next-intl/server";
import type { subscriptionHistory } from "@/lib/data/subscription-detail";
import { reasonLabel } from "@/lib/domain/reason-label";
import { formatDate, formatDateTime } from "@/lib/format";

type SubscriptionEvent = Awaited<ReturnType<typeof subscriptionHistory>>[number];

/**
 * Histórico: every event, newest first. A lojista sees which manufacturer acted, not which of the
 * manufacturer's people did.
 */
export async function HistoryTab({ events, showPeople }: { events: SubscriptionEvent[]; showPeople: boolean }) {
  const locale = await getLocale();
  const t = await getTranslations("subscriptions.history");
  const tc = await getTranslations("common.situation");
  if (!events.length) return <p className="rounded-lg border border-slate-200 bg-white p-6 text-slate-700">{t("empty")}</p>;
  const who = (event: SubscriptionEvent) => {
    if (event.actorKind === "SYSTEM") return t("actor.SYSTEM");
    if (event.actorKind === "DESKTOP") return t("actor.DESKTOP");
    if (event.actorKind === "API_KEY" && showPeople) return t("actor.API_KEY", { name: event.actorLabel ?? "" });
    return showPeople && event.actorUser ? `${event.actorUser.name} · ${event.account.name}` : event.account.name;
  };
  return (
    <ol className="space-y-2">
      {events.map((event) => (
        <li key={event.id} className="rounded-lg border border-slate-200 bg-white px-4 py-3">
          <div className="flex flex-wrap items-baseline justify-between gap-2">
            <p className="font-medium">{t(`type.${event.type}`)}</p>
            <time dateTime={event.createdAt.toISOString()} className="text-sm text-slate-600">
              {formatDateTime(event.createdAt, locale)}
            </time>
          </div>
          <p className="text-sm text-slate-700">{who(event)}</p>
          <div className="mt-1 space-y-0.5 text-sm text-slate-800">
            {event.fromStatus && event.toStatus && event.fromStatus !== event.toStatus && (
              <p>{t("transition", { from: tc(event.fromStatus), to: tc(event.toStatus) })}</p>
            )}
            {event.expiresTo && (
              <p>
                {event.expiresFrom
                  ? t("expiry", { from: formatDate(event.expiresFrom, locale), to: formatDate(event.expiresTo, locale) })
                  : t("firstExpiry", { to: formatDate(event.expiresTo, locale) })}
              </p>
            )}
            {event.reason && <p>{t("reason", { reason: reasonLabel(event.reason, locale) })}</p>}
            {event.description && <p className="whitespace-pre-line">{event.description}</p>}
            {event.activation && <p>{t("machine", { machine: event.activation.machineName })}</p>}
          </div>
        </li>
      ))}
    </ol>
  );
}
