"use client";

// A block that folds behind one button below 1024 px and is always shown above that, so a phone
// reaches the content that follows (e.g. the list under its filters) without scrolling past it.
// Usage: <FoldOnPhone label="Filtros" summary="2 ativos">…</FoldOnPhone>
// The button says whether the block is shown (aria-expanded) and what it holds; `defaultOpen`
// opens it at first (e.g. when the user has just asked for something inside it).
import { useId, useState, type ReactNode } from "react";

export function FoldOnPhone({
  label,
  summary,
  defaultOpen = false,
  children,
}: {
  label: string;
  /** A short word on what is inside, shown beside the label (e.g. how many filters are on). */
  summary?: string;
  defaultOpen?: boolean;
  children: ReactNode;
}) {
  const [open, setOpen] = useState(defaultOpen);
  const id = useId();
  return (
    <div>
      <button
        type="button"
        aria-expanded={open}
        aria-controls={id}
        onClick={() => setOpen((value) => !value)}
        className="flex w-full items-center justify-between gap-3 rounded-lg border border-slate-200 bg-white px-4 py-3 text-left text-sm font-semibold hover:bg-slate-50 lg:hidden"
      >
        <span>
          {label}
          {summary && <span className="ml-2 font-normal text-slate-700">{summary}</span>}
        </span>
        <span aria-hidden className={`text-slate-500 transition-transform ${open ? "rotate-90" : ""}`}>
          ▸
        </span>
      </button>
      <div id={id} className={open ? "mt-2 lg:mt-0" : "hidden lg:block"}>
        {children}
      </div>
    </div>
  );
}
