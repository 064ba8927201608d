"use client";

import { useTranslations } from "next-intl";
import { useEffect, useRef, useState, useTransition, type ReactNode, type SyntheticEvent } from "react";
import { loadCustomerSerials } from "@/components/subscriptions/load-customer-serials";

type Customer = { id: string; name: string; document: string; serialCount: number };

/**
 * A customer's "aba": opening it loads its serial rows from the server in place — no page load, the
 * filters stay — so the list page itself only carries the customers' summaries. `version` changes
 * whenever the server renders the page again (e.g. after an action), and open rows reload then.
 */
export function CustomerDisclosure({
  summary,
  customer,
  filters,
  initial,
  version,
}: {
  summary: ReactNode;
  customer: Customer;
  filters: string;
  initial: ReactNode | null;
  version: string;
}) {
  const t = useTranslations("subscriptions.list");
  const [content, setContent] = useState<ReactNode | null>(initial);
  const [failed, setFailed] = useState<string | null>(null);
  const [loading, startLoading] = useTransition();
  const detailsRef = useRef<HTMLDetailsElement>(null);
  const shownVersion = useRef(version);
  const focusAfterLoad = useRef<string[] | null>(null);

  function load() {
    // The rows are replaced: remember what had focus in them (e.g. the Ações button after an
    // action) to give it focus again in the new rows.
    const focused = (document.activeElement as HTMLElement | null)?.closest<HTMLElement>("[data-focus-id]");
    if (focused && detailsRef.current?.contains(focused))
      focusAfterLoad.current = [focused.dataset.focusId, focused.dataset.focusFallback].filter(Boolean) as string[];
    startLoading(async () => {
      const form = new FormData();
      form.set("customerId", customer.id);
      form.set("name", customer.name);
      form.set("document", customer.document);
      form.set("serialCount", String(customer.serialCount));
      form.set("filters", filters);
      const result = await loadCustomerSerials(null, form);
      if (result.ok) {
        setContent(result.data);
        setFailed(null);
      } else {
        setFailed(result.error);
      }
    });
  }

  useEffect(() => {
    if (shownVersion.current === version) return;
    shownVersion.current = version;
    if (detailsRef.current?.open) load();
    // `load` reads the latest props; only a new server render should trigger it.
    // eslint-disable-next-line react-hooks/exhaustive-deps
  }, [version]);

  useEffect(() => {
    const wanted = focusAfterLoad.current;
    if (!wanted || !content) return;
    focusAfterLoad.current = null;
    const active = document.activeElement;
    if (active && active !== document.body && active.isConnected) return;
    for (const id of wanted) {
      const target = detailsRef.current?.querySelector<HTMLElement>(`[data-focus-id="${CSS.escape(id)}"]`);
      if (target) return target.focus();
    }
  }, [content]);

  function onToggle(event: SyntheticEvent<HTMLDetailsElement>) {
    if (event.currentTarget.open && content === null && !loading) load();
  }

  return (
    <details
      ref={detailsRef}
      open={initial !== null}
      onToggle={onToggle}
      className="group rounded-lg border border-slate-200 bg-white shadow-sm open:shadow"
    >
      {summary}
      <div className="border-t border-slate-200" aria-busy={loading}>
        {failed ? (
          <p role="alert" className="px-4 py-3 text-sm text-red-800">
            {failed}
          </p>
        ) : content === null ? (
          <p className="px-4 py-3 text-sm text-slate-600">{t("loading")}</p>
        ) : (
          content
        )}
      </div>
    </details>
  );
}
