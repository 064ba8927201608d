"use client";

import { useRouter } from "next/navigation";
import { useTranslations } from "next-intl";
import { useActionState, useEffect, useState } from "react";
import { ModalDialog } from "@/components/ui/modal-dialog";
import { revokeApiKeyAction } from "@/lib/actions/api-key-actions";

const SECONDARY =
  "rounded-md border border-slate-300 bg-white px-3 py-1.5 text-sm font-medium hover:bg-slate-50 disabled:opacity-60";
const DANGER = "rounded-md bg-red-700 px-4 py-2 text-sm font-semibold text-white hover:bg-red-800 disabled:opacity-60";

/** "Revogar": confirms, then the key stops working at once. */
export function RevokeApiKeyDialog({ id, name, prefix }: { id: string; name: string; prefix: string }) {
  const t = useTranslations("webhooks.apiKeys");
  const router = useRouter();
  const [open, setOpen] = useState(false);
  const close = (changed: boolean) => {
    setOpen(false);
    if (changed) router.refresh();
  };
  return (
    <>
      <button type="button" onClick={() => setOpen(true)} className={SECONDARY} aria-label={`${t("revoke")} ${name}`}>
        {t("revoke")}
      </button>
      <ModalDialog open={open} title={t("revokeTitle")} onClose={() => close(false)}>
        <RevokeBody id={id} name={name} prefix={prefix} close={close} />
      </ModalDialog>
    </>
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
      {state && !state.ok && (
        <p role="alert" className="rounded-md border border-red-200 bg-red-50 px-3 py-2 text-sm text-red-800">
          {state.error}
        </p>
      )}
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
