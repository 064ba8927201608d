import { describe, expect, it } from "vitest";
import { columnChartLayout, horizontalBarLayout, niceMax } from "@/lib/charts/bar-chart-layout";

describe("niceMax", () => {
  it("rounds up to 1, 2 or 5 times a power of ten", () => {
    expect([0, -3, Number.NaN, 0.3, 1, 3, 7, 10, 11, 19, 21, 48, 51, 999, 1001].map(niceMax)).toEqual([
      1, 1, 1, 0.5, 1, 5, 10, 10, 20, 20, 50, 50, 100, 1000, 2000,
    ]);
  });
});

describe("columnChartLayout", () => {
  const layout = columnChartLayout({
    categories: 3,
    series: [
      { key: "a", values: [0, 4, 8] },
      { key: "b", values: [2, 0, 3] },
    ],
    width: 340,
    height: 140,
    margin: { left: 40, top: 10, right: 0, bottom: 30 },
  });

  it("scales bars to a nice maximum, from the bottom of the plot", () => {
    expect(layout.max).toBe(10);
    expect(layout.plot).toEqual({ left: 40, top: 10, right: 340, bottom: 110 });
    const tallest = layout.bars.find((bar) => bar.series === "a" && bar.category === 2)!;
    expect(tallest.height).toBeCloseTo(80);
    expect(tallest.y + tallest.height).toBeCloseTo(110);
    expect(layout.bars.find((bar) => bar.series === "a" && bar.category === 0)!.height).toBe(0);
    expect(layout.ticks).toEqual([
      { value: 0, y: 110 },
      { value: 5, y: 60 },
      { value: 10, y: 10 },
    ]);
  });

  it("places each category's bars side by side inside its slot, never overlapping the next", () => {
    expect(layout.bars).toHaveLength(6);
    // Slots of 100 units; the group takes 80, centered.
    const [first, second] = layout.bars.filter((bar) => bar.category === 1);
    expect(first!.x).toBeCloseTo(150);
    expect(first!.width).toBeCloseTo(40);
    expect(second!.x).toBeCloseTo(190);
    expect(second!.x + second!.width).toBeLessThanOrEqual(240);
    expect(layout.categoryCenters).toEqual([90, 190, 290]);
  });

  it("keeps an empty chart drawable", () => {
    const empty = columnChartLayout({ categories: 12, series: [{ key: "a", values: [] }] });
    expect(empty.max).toBe(1);
    expect(empty.bars.every((bar) => bar.height === 0 && bar.value === 0)).toBe(true);
  });
});

describe("horizontalBarLayout", () => {
  it("scales bars to the largest value, one row each, and shows zero as a sliver", () => {
    const layout = horizontalBarLayout({
      items: [
        { key: "x", value: 50 },
        { key: "y", value: 100 },
        { key: "z", value: 0 },
      ],
      width: 300,
      valueRoom: 100,
    });
    expect(layout.rows.map((row) => row.barWidth)).toEqual([100, 200, 2]);
    expect(layout.rows.map((row) => row.labelY)).toEqual([16, 62, 108]);
    expect(layout.height).toBe(138);
  });
});
