"use client";

import { useTranslations } from "next-intl";
import { useActionState, useEffect } from "react";
import {
  BUTTON_PRIMARY as PRIMARY,
  BUTTON_SECONDARY as SECONDARY,
  ActionError,
  DialogButtons,
  DialogLauncher,
} from "@/components/ui/dialog-launcher";
import { deleteWebhook, rotateWebhook, sendWebhookTest } from "@/lib/actions/webhook-actions";
import { SecretReveal } from "./secret-reveal";

const DANGER = "rounded-md bg-red-700 px-4 py-2 text-sm font-semibold text-white hover:bg-red-800 disabled:opacity-60";

/** "Enviar teste": queues a ping to this endpoint. */
export function SendTestButton({ endpointId }: { endpointId: string }) {
  const t = useTranslations("webhooks");
  const [state, formAction, pending] = useActionState(sendWebhookTest, null);
  return (
    <form action={formAction} className="contents">
      <input type="hidden" name="id" value={endpointId} />
      <button type="submit" disabled={pending} className={SECONDARY}>
        {pending ? t("sendingTest") : t("sendTest")}
      </button>
      {state?.ok && (
        <p role="status" className="basis-full text-sm text-green-800">
          {t("testQueued")}
        </p>
      )}
      {state && !state.ok && (
        <p role="alert" className="basis-full text-sm text-red-800">
          {state.error}
        </p>
      )}
    </form>
  );
}

function RotateBody({ endpointId, close }: { endpointId: string; close: (changed: boolean) => void }) {
  const t = useTranslations("webhooks");
  const [state, formAction, pending] = useActionState(rotateWebhook, null);
  if (state?.ok) {
    return (
      <div className="space-y-4">
        <SecretReveal secret={state.data.secret} />
        <div className="flex justify-end">
          <button type="button" onClick={() => close(true)} className={PRIMARY}>
            {t("close")}
          </button>
        </div>
      </div>
    );
  }
  return (
    <form action={formAction} className="space-y-4">
      <p className="text-sm text-slate-700">{t("rotateIntro")}</p>
      <ActionError state={state} />
      <input type="hidden" name="id" value={endpointId} />
      <DialogButtons
        cancelLabel={t("cancel")}
        onCancel={() => close(false)}
        submitLabel={t("rotateConfirm")}
        pending={pending}
        pendingLabel={t("working")}
      />
    </form>
  );
}

function DeleteBody({ endpointId, url, close }: { endpointId: string; url: string; close: (changed: boolean) => void }) {
  const t = useTranslations("webhooks");
  const [state, formAction, pending] = useActionState(deleteWebhook, null);
  useEffect(() => {
    if (state?.ok) close(true);
  }, [state, close]);
  return (
    <form action={formAction} className="space-y-4">
      <p className="break-words text-sm text-slate-700">{t("deleteIntro", { url })}</p>
      <ActionError state={state} />
      <input type="hidden" name="id" value={endpointId} />
      <DialogButtons
        cancelLabel={t("cancel")}
        onCancel={() => close(false)}
        submitLabel={t("deleteConfirm")}
        pending={pending}
        pendingLabel={t("working")}
        submitClassName={DANGER}
      />
    </form>
  );
}

export function RotateSecretDialog({ endpointId }: { endpointId: string }) {
  const t = useTranslations("webhooks");
  return (
    <DialogLauncher label={t("rotate")} title={t("rotateTitle")}>
      {(close) => <RotateBody endpointId={endpointId} close={close} />}
    </DialogLauncher>
  );
}

export function DeleteEndpointDialog({ endpointId, url }: { endpointId: string; url: string }) {
  const t = useTranslations("webhooks");
  return (
    <DialogLauncher label={t("delete")} title={t("deleteTitle")}>
      {(close) => <DeleteBody endpointId={endpointId} url={url} close={close} />}
    </DialogLauncher>
  );
}
