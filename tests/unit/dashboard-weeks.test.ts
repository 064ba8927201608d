import { describe, expect, it } from "vitest";
import { addDays, lastWeeks, sumByWeek, weekStart } from "@/lib/domain/dashboard-weeks";

describe("dashboard weeks", () => {
  it("start on Monday", () => {
    expect(weekStart("2026-12-07")).toBe("2026-12-07"); // a Monday
    expect(weekStart("2026-12-13")).toBe("2026-12-07"); // Sunday
    expect(weekStart("2026-12-06")).toBe("2026-11-30");
    expect(weekStart("2027-01-01")).toBe("2026-12-28"); // across the year
  });

  it("are the last twelve up to the current one, oldest first", () => {
    const weeks = lastWeeks("2026-12-09");
    expect(weeks).toHaveLength(12);
    expect(weeks.at(-1)).toBe("2026-12-07");
    expect(weeks[0]).toBe("2026-09-21");
    expect(addDays("2026-02-28", 1)).toBe("2026-03-01");
  });

  it("sum the days of each week per key, leaving out other days and keys", () => {
    const weeks = ["2026-11-23", "2026-11-30", "2026-12-07"];
    const sums = sumByWeek(
      [
        { day: "2026-11-22", key: "SUSPENDED", count: 100 }, // before the first week
        { day: "2026-11-23", key: "SUSPENDED", count: 1 },
        { day: "2026-11-29", key: "SUSPENDED", count: 2 }, // Sunday: same week
        { day: "2026-11-30", key: "RELEASED", count: 4 },
        { day: "2026-12-13", key: "SUSPENDED", count: 8 },
        { day: "2026-12-14", key: "SUSPENDED", count: 100 }, // after the last week
        { day: "2026-12-08", key: "ACTIVATED", count: 100 }, // not asked for
      ],
      weeks,
      ["SUSPENDED", "RELEASED"] as const,
    );
    expect(sums).toEqual({ SUSPENDED: [3, 0, 8], RELEASED: [0, 4, 0] });
  });
});
