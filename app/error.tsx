"use client";

import { useTranslations } from "next-intl";

/** Unexpected errors: the server logged the details; the user sees only the digest to quote. */
export default function ErrorPage({ error, reset }: { error: Error & { digest?: string }; reset: () => void }) {
  const t = useTranslations("common.error");
  return (
    <main className="mx-auto max-w-xl px-4 py-16 text-center">
      <h1 className="text-2xl font-semibold">{t("title")}</h1>
      <p className="mt-2 text-slate-700">{t("body", { requestId: error.digest ?? "—" })}</p>
      <button
        type="button"
        onClick={reset}
        className="mt-6 rounded-md bg-brand-700 px-4 py-2 text-sm font-semibold text-white hover:bg-brand-800"
      >
        {t("retry")}
      </button>
    </main>
  );
}
