"use client";

import Link from "next/link";
import { useLocale, useTranslations } from "next-intl";
import { FormAlert } from "@/components/forms/form-alert";
import { formatDate } from "@/lib/format";

/** The confirmation of Nova assinatura: the generated serial number and a link to its page. */
export function SubscriptionCreated({ serialNumber, expiresAt }: { serialNumber: string; expiresAt: string }) {
  const t = useTranslations("subscriptions.newSubscription");
  const locale = useLocale();
  return (
    <div className="space-y-2">
      <FormAlert kind="success">{t("done", { serial: serialNumber, date: formatDate(new Date(expiresAt), locale) })}</FormAlert>
      <Link
        href={`/fabricante/assinaturas/${encodeURIComponent(serialNumber)}`}
        className="inline-block text-sm font-medium text-brand-700 underline underline-offset-2"
      >
        {t("open", { serial: serialNumber })}
      </Link>
    </div>
  );
}
