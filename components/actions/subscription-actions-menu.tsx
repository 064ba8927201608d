"use client";

import { useRouter } from "next/navigation";
import { useTranslations } from "next-intl";
import { useEffect, useId, useLayoutEffect, useRef, useState } from "react";
import type { ReasonOption } from "@/lib/data/reasons";
import type { SubscriptionAction } from "@/lib/domain/subscription-transitions";
import { ActionForm } from "./action-form";
import { ModalDialog } from "@/components/ui/modal-dialog";

/**
 * The "Ações" menu of a serial (article: "Clique sobre o Número de Série e após, em Ações"): only
 * the actions its state and the user's profile allow; each opens its confirmation dialog.
 */
export function SubscriptionActionsMenu({
  serialNumber,
  allowed,
  reasons,
  expiredOn,
  compact = false,
}: {
  serialNumber: string;
  allowed: SubscriptionAction[];
  reasons: ReasonOption[];
  expiredOn: string | null;
  compact?: boolean;
}) {
  const t = useTranslations("actions");
  const router = useRouter();
  const [menuOpen, setMenuOpen] = useState(false);
  const [anchor, setAnchor] = useState<DOMRect | null>(null);
  const [menuPosition, setMenuPosition] = useState<{ top?: number; bottom?: number; right: number }>({ right: 0 });
  const [action, setAction] = useState<SubscriptionAction | null>(null);
  const [message, setMessage] = useState<string | null>(null);
  const menuId = useId();
  const rootRef = useRef<HTMLDivElement>(null);
  const menuRef = useRef<HTMLUListElement>(null);
  const buttonRef = useRef<HTMLButtonElement>(null);

  // Fixed to the viewport (inside a scrollable table an absolutely placed menu would be cut off):
  // below the button, or above it when the viewport has no room for it below.
  useLayoutEffect(() => {
    if (!menuOpen || !anchor || !menuRef.current) return;
    const height = menuRef.current.offsetHeight;
    const right = window.innerWidth - anchor.right;
    const fitsBelow = anchor.bottom + 4 + height <= window.innerHeight || anchor.top - 4 - height < 0;
    setMenuPosition(fitsBelow ? { top: anchor.bottom + 4, right } : { bottom: window.innerHeight - anchor.top + 4, right });
  }, [menuOpen, anchor]);

  useEffect(() => {
    if (!menuOpen) return;
    const close = (event: PointerEvent) => {
      if (!rootRef.current?.contains(event.target as Node)) setMenuOpen(false);
    };
    // The menu follows its button when the page or the table scrolls, and closes once the button
    // has left the viewport. (Closing on any scroll would also close it on the scroll that brought
    // the button into view, which browsers report after the click.)
    const follow = () => {
      const rect = buttonRef.current?.getBoundingClientRect();
      if (!rect || rect.bottom < 0 || rect.top > window.innerHeight) setMenuOpen(false);
      else setAnchor(rect);
    };
    document.addEventListener("pointerdown", close);
    window.addEventListener("scroll", follow, true);
    window.addEventListener("resize", follow);
    return () => {
      document.removeEventListener("pointerdown", close);
      window.removeEventListener("scroll", follow, true);
      window.removeEventListener("resize", follow);
    };
  }, [menuOpen]);

  if (!allowed.length && !message) return null;
  const kindOf = (item: SubscriptionAction) => (item === "SUSPEND" ? "SUSPENSAO" : "CANCELAMENTO");
  const title = action
    ? t(`${action === "SUSPEND" ? "suspend" : action === "CANCEL" ? "cancel" : "release"}.title`, { serial: serialNumber })
    : "";

  return (
    <div ref={rootRef} className="relative inline-flex flex-col items-end gap-1">
      {allowed.length > 0 && (
        <button
          ref={buttonRef}
          type="button"
          aria-expanded={menuOpen}
          aria-controls={menuId}
          aria-label={compact ? t("menuFor", { serial: serialNumber }) : undefined}
          onClick={(event) => {
            setAnchor(event.currentTarget.getBoundingClientRect());
            setMenuOpen((value) => !value);
          }}
          className={`whitespace-nowrap rounded-md border border-slate-300 bg-white font-medium hover:bg-slate-50 ${compact ? "px-2 py-1 text-xs" : "px-4 py-2 text-sm"}`}
        >
          {t("menu")} <span aria-hidden>▾</span>
        </button>
      )}
      {menuOpen && (
        <ul
          ref={menuRef}
          id={menuId}
          style={menuPosition}
          className="fixed z-30 w-44 rounded-lg border border-slate-200 bg-white p-1 shadow-lg"
        >
          {allowed.map((item) => (
            <li key={item}>
              <button
                type="button"
                onClick={() => {
                  setMenuOpen(false);
                  setMessage(null);
                  setAction(item);
                }}
                className="w-full rounded-md px-3 py-2 text-left text-sm hover:bg-slate-100"
              >
                {t(item)}
              </button>
            </li>
          ))}
        </ul>
      )}
      {message && (
        <p
          role="status"
          className="rounded-md bg-green-50 px-3 py-1.5 text-sm font-medium text-green-900 ring-1 ring-green-700/20"
        >
          {message}
        </p>
      )}
      {/* Mounted only while open: a list page has one menu per row, and closed dialogs would weigh on it. */}
      {action !== null && (
        <ModalDialog open={action !== null} title={title} onClose={() => setAction(null)}>
          {action && (
            <ActionForm
              action={action}
              serialNumber={serialNumber}
              reasons={reasons.filter((reason) => action !== "RELEASE" && reason.kind === kindOf(action))}
              expiredOn={expiredOn}
              onCancel={() => setAction(null)}
              onDone={(text) => {
                setAction(null);
                setMessage(text);
                router.refresh();
              }}
            />
          )}
        </ModalDialog>
      )}
    </div>
  );
}
