"use client";

import { useTranslations } from "next-intl";

/** The foot of an Ações dialog: its question, then Não and Sim (red for what blocks a serial). */
export function ConfirmFooter({
  question,
  onCancel,
  pending,
  tone,
}: {
  question: string;
  onCancel: () => void;
  pending: boolean;
  tone: "danger" | "primary";
}) {
  const t = useTranslations("actions");
  return (
    <div className="flex items-center justify-end gap-3 border-t border-slate-100 pt-4">
      <p className="mr-auto text-sm font-medium text-slate-800">{question}</p>
      <button type="button" onClick={onCancel} className="rounded-md border border-slate-300 px-4 py-2 text-sm font-medium hover:bg-slate-50">
        {t("no")}
      </button>
      <button
        type="submit"
        disabled={pending}
        className={`rounded-md px-4 py-2 text-sm font-semibold text-white disabled:opacity-60 ${
          tone === "primary" ? "bg-brand-700 hover:bg-brand-800" : "bg-red-700 hover:bg-red-800"
        }`}
      >
        {pending ? t("working") : t("yes")}
      </button>
    </div>
  );
}
