"use client";

import { useRouter } from "next/navigation";
import { useTranslations } from "next-intl";
import { useEffect, useRef, useState, useTransition } from "react";
import { useReportNavigationPending } from "@/components/layout/navigation-pending";
import { Menu } from "@/components/ui/menu";
import { ModalDialog } from "@/components/ui/modal-dialog";
import type { ReasonOption } from "@/lib/data/reasons";
import type { Plan } from "@/lib/domain/renewal";
import { menuActionsFor, type SerialMenuAction } from "@/lib/domain/serial-menu";
import type { StoredStatus } from "@/lib/domain/subscription-status";
import { ActionForm } from "./action-form";
import { RenewalForm } from "./renewal-form";

const TITLE_KEY = { SUSPEND: "suspend", CANCEL: "cancel", RELEASE: "release", RENEW: "renew" } as const;

/**
 * The "Ações" menu of a serial (article: "Clique sobre o Número de Série e após, em Ações"): only
 * the actions its state and the user's profile allow; each opens its confirmation dialog.
 */
export function SubscriptionActionsMenu({
  serialNumber,
  allowed: allowedByServer,
  permitted = allowedByServer,
  reasons,
  expiredOn,
  renewal,
  compact = false,
}: {
  serialNumber: string;
  /** What the serial's state and the user's profile allow, as the server rendered it. */
  allowed: SerialMenuAction[];
  /** Every action the user's profile allows, whatever the state (to offer the right ones after an action). */
  permitted?: SerialMenuAction[];
  reasons: ReasonOption[];
  expiredOn: string | null;
  /** What Registrar renovação counts from: the serial's plan, expiry and stored status, and the time (ISO). */
  renewal: { plan: Plan; expiresAt: string; status: StoredStatus; now: string };
  compact?: boolean;
}) {
  const t = useTranslations("actions");
  const router = useRouter();
  const [action, setAction] = useState<SerialMenuAction | null>(null);
  const [message, setMessage] = useState<string | null>(null);
  const messageRef = useRef<HTMLParagraphElement>(null);
  // The refresh after Sim: the page shows it is changing until the new status is rendered.
  const [refreshing, startRefresh] = useTransition();
  useReportNavigationPending(refreshing);
  // After an action the menu offers what the new state allows at once, not what the page showed
  // before its refresh arrives; a new server render (new `allowed`) takes over again.
  const [changedTo, setChangedTo] = useState<StoredStatus | null>(null);
  const [serverAllowed, setServerAllowed] = useState(allowedByServer.join());
  if (serverAllowed !== allowedByServer.join()) {
    setServerAllowed(allowedByServer.join());
    setChangedTo(null);
  }
  const allowed = changedTo ? menuActionsFor(changedTo).filter((item) => permitted.includes(item)) : allowedByServer;

  // The last action left nothing to do (Cancelar): the menu button is gone, so focus goes to the
  // confirmation instead of falling back to the page.
  const menuGone = allowed.length === 0;
  useEffect(() => {
    if (menuGone && message && (document.activeElement === document.body || !document.activeElement)) messageRef.current?.focus();
  }, [menuGone, message]);

  if (!allowed.length && !message) return null;
  const kindOf = (item: SerialMenuAction) => (item === "SUSPEND" ? "SUSPENSAO" : "CANCELAMENTO");
  const title = action ? t(`${TITLE_KEY[action]}.title`, { serial: serialNumber }) : "";
  const done = (text: string, to: StoredStatus) => {
    setChangedTo(to);
    setAction(null);
    setMessage(text);
    startRefresh(() => router.refresh());
  };

  return (
    <div className="inline-flex flex-col items-end gap-1">
      {allowed.length > 0 && (
        <Menu
          label={t("menu")}
          ariaLabel={compact ? t("menuFor", { serial: serialNumber }) : undefined}
          focusId={`actions-${serialNumber}`}
          focusFallbackId={`serial-${serialNumber}`}
          buttonClassName={`whitespace-nowrap rounded-md border border-slate-300 bg-white font-medium hover:bg-slate-50 ${compact ? "px-2.5 py-1.5 text-xs" : "px-4 py-2 text-sm"}`}
          items={allowed.map((item) => ({
            id: item,
            label: t(item),
            onSelect: () => {
              setMessage(null);
              setAction(item);
            },
          }))}
        />
      )}
      {message && (
        <p
          ref={messageRef}
          role="status"
          tabIndex={-1}
          data-focus-id={`actions-message-${serialNumber}`}
          className="rounded-md bg-green-50 px-3 py-1.5 text-sm font-medium text-green-900 ring-1 ring-green-700/20"
        >
          {message}
        </p>
      )}
      {/* Mounted only while open: a list page has one menu per row, and closed dialogs would weigh on it. */}
      {action !== null && (
        <ModalDialog
          open={action !== null}
          title={title}
          onClose={() => setAction(null)}
          returnFocusTo={() => messageRef.current}
        >
          {action === "RENEW" ? (
            <RenewalForm serialNumber={serialNumber} {...renewal} onCancel={() => setAction(null)} onDone={done} />
          ) : (
            <ActionForm
              action={action}
              serialNumber={serialNumber}
              reasons={reasons.filter((reason) => action !== "RELEASE" && reason.kind === kindOf(action))}
              expiredOn={expiredOn}
              onCancel={() => setAction(null)}
              onDone={done}
            />
          )}
        </ModalDialog>
      )}
    </div>
  );
}
