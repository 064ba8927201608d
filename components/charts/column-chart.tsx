import { columnChartLayout, type ColumnSeries } from "@/lib/charts/bar-chart-layout";

export type ChartSeries = ColumnSeries & { label: string; color: string };

/**
 * Columns per category (weeks), one bar per series, drawn on the server as SVG; the legend is
 * HTML text (readable at any width), and the numbers are in the table that goes with it.
 */
export function ColumnChart({
  categories,
  series,
  formatNumber,
  caption,
  categoryHeader,
}: {
  /** Category labels, e.g. the weeks' first days ("07/12"). */
  categories: string[];
  series: ChartSeries[];
  formatNumber: (value: number) => string;
  caption: string;
  categoryHeader: string;
}) {
  const layout = columnChartLayout({ categories: categories.length, series });
  // Every other label when there are many, so they never run into each other at 390 px.
  const labelEvery = categories.length > 6 ? 2 : 1;
  return (
    <>
      <svg
        viewBox={`0 0 ${layout.width} ${layout.height}`}
        className="h-auto w-full max-w-3xl"
        aria-hidden="true"
        focusable="false"
        fontSize="13"
      >
        {layout.ticks.map((tick) => (
          <g key={tick.value}>
            <line x1={layout.plot.left} x2={layout.plot.right} y1={tick.y} y2={tick.y} stroke="#cbd5e1" strokeWidth="1" />
            <text x={layout.plot.left - 6} y={tick.y + 4} textAnchor="end" fill="#475569">
              {formatNumber(tick.value)}
            </text>
          </g>
        ))}
        {layout.bars.map((bar) => (
          <rect
            key={`${bar.series}-${bar.category}`}
            x={bar.x}
            y={bar.y}
            width={Math.max(0, bar.width - 1)}
            height={bar.height}
            fill={series.find((s) => s.key === bar.series)!.color}
          />
        ))}
        {layout.categoryCenters.map((x, index) =>
          (categories.length - 1 - index) % labelEvery === 0 ? (
            <text key={index} x={x} y={layout.height - 8} textAnchor="middle" fill="#334155">
              {categories[index]}
            </text>
          ) : null,
        )}
      </svg>
      {series.length > 1 && (
        <ul className="mt-2 flex flex-wrap gap-x-4 gap-y-1 text-sm text-slate-700" aria-hidden="true">
          {series.map((s) => (
            <li key={s.key} className="inline-flex items-center gap-2">
              <span className="inline-block h-3 w-3 rounded-sm" style={{ backgroundColor: s.color }} />
              {s.label}
            </li>
          ))}
        </ul>
      )}
      <ChartTable
        caption={caption}
        headers={[categoryHeader, ...series.map((s) => s.label)]}
        rows={categories.map((category, index) => [category, ...series.map((s) => formatNumber(s.values[index] ?? 0))])}
      />
    </>
  );
}

/**
 * The numbers of a chart, for screen readers (visually hidden). The wrapper hides it: a table
 * ignores overflow, so hidden itself it would still widen the page.
 */
export function ChartTable({ caption, headers, rows }: { caption: string; headers: string[]; rows: string[][] }) {
  return (
    <div className="sr-only">
      <table>
        <caption>{caption}</caption>
        <thead>
          <tr>
            {headers.map((header) => (
              <th key={header} scope="col">
                {header}
              </th>
            ))}
          </tr>
        </thead>
        <tbody>
          {rows.map((row) => (
            <tr key={row[0]}>
              <th scope="row">{row[0]}</th>
              {row.slice(1).map((cell, index) => (
                <td key={index}>{cell}</td>
              ))}
            </tr>
          ))}
        </tbody>
      </table>
    </div>
  );
}
