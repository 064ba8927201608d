"use client";

// The filters of a list: a GET form whose values live in the URL (shareable, the back button
// works), folded behind one "Filtros" button on a phone (./fold-on-phone).
// Usage:
//   <FilterPanel action="/fabricante/assinaturas" label="Filtrar assinaturas" toggleLabel="Filtros"
//                activeSummary="2 ativos"> …inputs with name=… … </FilterPanel>
// Submitting leaves out empty fields and fields still at their default (an input with
// data-default="25" is left out while its value is "25"), so the URL holds only real choices.
// Without JavaScript the plain GET form still works.
import { useRouter } from "next/navigation";
import type { FormEvent, ReactNode } from "react";
import { FoldOnPhone } from "./fold-on-phone";

export function filterQuery(form: HTMLFormElement): string {
  const defaults = new Map<string, string>();
  form.querySelectorAll<HTMLInputElement | HTMLSelectElement>("[name][data-default]").forEach((element) => {
    defaults.set(element.name, element.dataset.default ?? "");
  });
  const query = new URLSearchParams();
  for (const [name, value] of new FormData(form)) {
    if (typeof value !== "string") continue;
    const text = value.trim();
    if (text === "" || defaults.get(name) === text) continue;
    query.append(name, text);
  }
  const text = query.toString();
  return text ? `?${text}` : "";
}

export function FilterPanel({
  action,
  label,
  toggleLabel,
  activeSummary,
  defaultOpen = false,
  children,
}: {
  action: string;
  /** The accessible name of the search form. */
  label: string;
  /** The phone's fold button. */
  toggleLabel: string;
  activeSummary?: string;
  defaultOpen?: boolean;
  children: ReactNode;
}) {
  const router = useRouter();
  function onSubmit(event: FormEvent<HTMLFormElement>) {
    event.preventDefault();
    router.push(`${action}${filterQuery(event.currentTarget)}`);
  }
  return (
    <FoldOnPhone label={toggleLabel} summary={activeSummary} defaultOpen={defaultOpen}>
      <form
        method="get"
        action={action}
        role="search"
        aria-label={label}
        onSubmit={onSubmit}
        className="rounded-lg border border-slate-200 bg-white p-4"
      >
        {children}
      </form>
    </FoldOnPhone>
  );
}
