// Geometry of the dashboard's bar charts, computed apart from any rendering so it can be tested:
// columns grouped by category (weeks) with one bar per series, and horizontal bars with a label
// above each. Coordinates are in the SVG's viewBox units; the SVG scales to its container.

/** The axis maximum: the smallest 1, 2 or 5 × 10ⁿ at or above the largest value (at least 1). */
export function niceMax(value: number): number {
  if (!(value > 0)) return 1;
  const power = 10 ** Math.floor(Math.log10(value));
  for (const step of [1, 2, 5, 10]) if (step * power >= value) return step * power;
  return 10 * power;
}

export type ColumnSeries = { key: string; values: readonly number[] };

export type ColumnBar = { series: string; category: number; value: number; x: number; y: number; width: number; height: number };

export type ColumnLayout = {
  width: number;
  height: number;
  /** The plot area: bars grow up from `bottom`. */
  plot: { left: number; top: number; right: number; bottom: number };
  max: number;
  ticks: { value: number; y: number }[];
  bars: ColumnBar[];
  /** The x of each category's center, for its label. */
  categoryCenters: number[];
};

export function columnChartLayout(options: {
  categories: number;
  series: readonly ColumnSeries[];
  width?: number;
  height?: number;
  /** Room for the axis labels. */
  margin?: { left: number; top: number; right: number; bottom: number };
}): ColumnLayout {
  const { categories, series, width = 480, height = 220 } = options;
  const margin = options.margin ?? { left: 44, top: 12, right: 8, bottom: 28 };
  const plot = { left: margin.left, top: margin.top, right: width - margin.right, bottom: height - margin.bottom };
  const largest = Math.max(0, ...series.flatMap((s) => s.values));
  const max = niceMax(largest);
  const plotHeight = plot.bottom - plot.top;
  const slot = categories > 0 ? (plot.right - plot.left) / categories : 0;
  // A fifth of each category's slot separates it from the next; its bars share the rest.
  const groupWidth = slot * 0.8;
  const barWidth = series.length ? groupWidth / series.length : 0;
  const bars: ColumnBar[] = [];
  for (let category = 0; category < categories; category++) {
    const groupLeft = plot.left + category * slot + (slot - groupWidth) / 2;
    series.forEach((s, index) => {
      const value = s.values[category] ?? 0;
      const barHeight = (value / max) * plotHeight;
      bars.push({
        series: s.key,
        category,
        value,
        x: groupLeft + index * barWidth,
        y: plot.bottom - barHeight,
        width: barWidth,
        height: barHeight,
      });
    });
  }
  const ticks = [0, 0.5, 1].map((share) => ({ value: max * share, y: plot.bottom - share * plotHeight }));
  const categoryCenters = Array.from({ length: categories }, (_, category) => plot.left + (category + 0.5) * slot);
  return { width, height, plot, max, ticks, bars, categoryCenters };
}

export type HorizontalBar = { key: string; value: number; labelY: number; barY: number; barWidth: number };

export type HorizontalLayout = {
  width: number;
  height: number;
  barHeight: number;
  max: number;
  barLeft: number;
  barRight: number;
  rows: HorizontalBar[];
};

/** One row per item: its label, then its bar (scaled to the largest value) with the value after it. */
export function horizontalBarLayout(options: {
  items: readonly { key: string; value: number }[];
  width?: number;
  /** Room after the longest bar for its value. */
  valueRoom?: number;
}): HorizontalLayout {
  const { items, width = 480, valueRoom = 72 } = options;
  const rowHeight = 46;
  const barHeight = 16;
  const max = Math.max(0, ...items.map((item) => item.value));
  const barLeft = 0;
  const barRight = width - valueRoom;
  const rows = items.map((item, index) => ({
    key: item.key,
    value: item.value,
    labelY: index * rowHeight + 16,
    barY: index * rowHeight + 22,
    // A value of zero still shows as a sliver, so that every row has a bar to see.
    barWidth: max > 0 ? Math.max(2, (item.value / max) * (barRight - barLeft)) : 2,
  }));
  return { width, height: Math.max(rowHeight, items.length * rowHeight), barHeight, max, barLeft, barRight, rows };
}
