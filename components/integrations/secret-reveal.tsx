"use client";

import { useTranslations } from "next-intl";
import { useId } from "react";

/** A secret (webhook signing secret, API key), shown once, selectable in one click. */
export function SecretReveal({ secret, title, notice }: { secret: string; title?: string; notice?: string }) {
  const t = useTranslations("webhooks");
  const id = useId();
  return (
    <div className="space-y-2">
      <p role="status" className="rounded-md border border-amber-200 bg-amber-50 px-3 py-2 text-sm text-amber-900">
        {notice ?? t("secretOnce")}
      </p>
      <label htmlFor={id} className="block text-sm font-medium text-slate-700">
        {title ?? t("secretTitle")}
      </label>
      <input
        id={id}
        readOnly
        value={secret}
        onFocus={(event) => event.currentTarget.select()}
        className="block w-full rounded-md border border-slate-300 bg-slate-50 px-3 py-2 font-mono text-xs"
      />
    </div>
  );
}
