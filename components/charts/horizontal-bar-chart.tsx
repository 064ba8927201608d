import { horizontalBarLayout } from "@/lib/charts/bar-chart-layout";
import { ChartTable } from "./column-chart";

/** One bar per item with its label above it and its value after it, drawn on the server as SVG. */
export function HorizontalBarChart({
  items,
  formatNumber,
  caption,
  headers,
}: {
  items: { key: string; label: string; value: number; color: string }[];
  formatNumber: (value: number) => string;
  caption: string;
  /** The table's two column headers. */
  headers: [string, string];
}) {
  const layout = horizontalBarLayout({ items });
  return (
    <>
      <svg
        viewBox={`0 0 ${layout.width} ${layout.height}`}
        className="h-auto w-full max-w-3xl"
        aria-hidden="true"
        focusable="false"
        fontSize="15"
      >
        {layout.rows.map((row, index) => (
          <g key={row.key}>
            <text x={layout.barLeft} y={row.labelY} fill="#1e293b">
              {items[index]!.label}
            </text>
            <rect
              x={layout.barLeft}
              y={row.barY}
              width={row.barWidth}
              height={layout.barHeight}
              rx="2"
              fill={items[index]!.color}
            />
            <text x={layout.barLeft + row.barWidth + 6} y={row.barY + layout.barHeight - 3} fill="#334155" fontWeight="600">
              {formatNumber(row.value)}
            </text>
          </g>
        ))}
      </svg>
      <ChartTable caption={caption} headers={headers} rows={items.map((item) => [item.label, formatNumber(item.value)])} />
    </>
  );
}
