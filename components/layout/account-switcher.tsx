"use client";

import { useRouter } from "next/navigation";
import { useTranslations } from "next-intl";
import { useActionState, useEffect, useId, useRef, useState } from "react";
import { switchAccount } from "@/lib/actions/switch-account";
import type { AccountKind } from "@/lib/domain/permissions";

type AccountOption = { id: string; name: string; kind: AccountKind; isDefault: boolean };

/** The article's step 2: click the current account's name, pick another one. */
export function AccountSwitcher({ current, accounts }: { current: AccountOption; accounts: AccountOption[] }) {
  const t = useTranslations("common");
  const router = useRouter();
  const [open, setOpen] = useState(false);
  const [state, action, pending] = useActionState(async (previous: unknown, formData: FormData) => {
    const result = await switchAccount(previous, formData);
    if (result.ok) {
      setOpen(false);
      router.refresh();
    }
    return result;
  }, null);
  const listId = useId();
  const rootRef = useRef<HTMLDivElement>(null);

  useEffect(() => {
    if (!open) return;
    function onPointerDown(event: PointerEvent) {
      if (!rootRef.current?.contains(event.target as Node)) setOpen(false);
    }
    function onKeyDown(event: KeyboardEvent) {
      if (event.key === "Escape") setOpen(false);
    }
    document.addEventListener("pointerdown", onPointerDown);
    document.addEventListener("keydown", onKeyDown);
    return () => {
      document.removeEventListener("pointerdown", onPointerDown);
      document.removeEventListener("keydown", onKeyDown);
    };
  }, [open]);

  return (
    <div ref={rootRef} className="relative">
      <button
        type="button"
        aria-expanded={open}
        aria-controls={listId}
        onClick={() => setOpen((value) => !value)}
        className="flex items-center gap-2 rounded-md border border-slate-200 bg-white px-3 py-1.5 text-sm font-medium hover:bg-slate-50"
      >
        <span className="sr-only">{t("accountSwitcher.label")}</span>
        <span className="max-w-56 truncate" data-current-account>
          {current.name}
        </span>
        <span className="text-xs text-slate-600">{t(`accountKind.${current.kind}`)}</span>
        <span aria-hidden className="text-slate-500">
          ▾
        </span>
      </button>
      {state && !state.ok && (
        <p
          role="alert"
          className="absolute right-0 top-full mt-1 w-72 max-w-[calc(100vw-1rem)] rounded-md border border-red-200 bg-red-50 px-3 py-2 text-sm text-red-800"
        >
          {state.error}
        </p>
      )}
      {open && (
        <div
          id={listId}
          className="absolute right-0 z-20 mt-2 w-80 max-w-[calc(100vw-1rem)] rounded-lg border border-slate-200 bg-white p-2 shadow-lg"
        >
          <p className="px-2 pb-1 text-xs font-semibold uppercase tracking-wide text-slate-600">{t("accountSwitcher.heading")}</p>
          <form action={action}>
            <ul className="space-y-1">
              {accounts.map((account) => (
                <li key={account.id}>
                  <button
                    type="submit"
                    name="accountId"
                    value={account.id}
                    disabled={pending}
                    aria-current={account.id === current.id ? "true" : undefined}
                    className="flex w-full flex-col items-start rounded-md px-2 py-2 text-left hover:bg-slate-100 aria-[current=true]:bg-brand-50"
                  >
                    <span className="text-sm font-medium">{account.name}</span>
                    <span className="text-xs text-slate-600">
                      {t(`accountKind.${account.kind}`)}
                      {account.isDefault ? ` · ${t("accountSwitcher.default")}` : ""}
                      {account.id === current.id ? ` · ${t("accountSwitcher.current")}` : ""}
                    </span>
                  </button>
                </li>
              ))}
            </ul>
          </form>
        </div>
      )}
    </div>
  );
}
