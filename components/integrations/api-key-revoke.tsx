"use client";

import { useTranslations } from "next-intl";
import { useActionState, useEffect } from "react";
import { ActionError, DialogLauncher } from "@/components/ui/dialog-launcher";
import { revokeApiKeyAction } from "@/lib/actions/api-key-actions";

const SECONDARY = "rounded-md border border-slate-300 bg-white px-4 py-2 text-sm font-medium hover:bg-slate-50";
const DANGER = "rounded-md bg-red-700 px-4 py-2 text-sm font-semibold text-white hover:bg-red-800 disabled:opacity-60";

/** "Revogar": confirms, then the key stops working at once. */
export function RevokeApiKeyDialog({ id, name, prefix }: { id: string; name: string; prefix: string }) {
  const t = useTranslations("webhooks.apiKeys");
  return (
    <DialogLauncher label={t("revoke")} ariaLabel={`${t("revoke")} ${name}`} title={t("revokeTitle")}>
      {(close) => <RevokeBody id={id} name={name} prefix={prefix} close={close} />}
    </DialogLauncher>
  );
}

function RevokeBody({
  id,
  name,
  prefix,
  close,
}: {
  id: string;
  name: string;
  prefix: string;
  close: (changed: boolean) => void;
}) {
  const t = useTranslations("webhooks.apiKeys");
  const [state, formAction, pending] = useActionState(revokeApiKeyAction, null);
  useEffect(() => {
    if (state?.ok) close(true);
  }, [state, close]);
  return (
    <form action={formAction} className="space-y-4">
      <p className="break-words text-sm text-slate-700">{t("revokeIntro", { name, prefix })}</p>
      <ActionError state={state} />
      <input type="hidden" name="id" value={id} />
      <div className="flex justify-end gap-2">
        <button type="button" onClick={() => close(false)} className={SECONDARY}>
          {t("cancel")}
        </button>
        <button type="submit" disabled={pending} className={DANGER}>
          {pending ? t("working") : t("revokeConfirm")}
        </button>
      </div>
    </form>
  );
}
