import type { ReactNode } from "react";

/**
 * A chart as the dashboard shows it: a heading, a sentence that says what it shows, then the chart
 * (its picture hidden from screen readers, which read its data table instead).
 */
export function ChartFigure({
  id,
  title,
  summary,
  children,
  footer,
}: {
  id: string;
  title: string;
  summary: string;
  /** The chart and its data table. */
  children: ReactNode;
  footer?: ReactNode;
}) {
  return (
    <section aria-labelledby={`${id}-title`} className="min-w-0 rounded-lg border border-slate-200 bg-white p-4 sm:p-6">
      <h2 id={`${id}-title`} className="text-lg font-semibold">
        {title}
      </h2>
      <p id={`${id}-summary`} className="mt-1 text-sm text-slate-700">
        {summary}
      </p>
      <figure className="mt-4" aria-labelledby={`${id}-title`} aria-describedby={`${id}-summary`}>
        {children}
      </figure>
      {footer}
    </section>
  );
}
