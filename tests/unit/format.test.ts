import { describe, expect, it } from "vitest";
import { formatDate, formatDateTime, isoDateInSaoPaulo } from "@/lib/format";

describe("date formatting", () => {
  it("shows dd/mm/aaaa in São Paulo time, also near midnight UTC", () => {
    expect(formatDate(new Date("2026-11-26T12:00:00Z"))).toBe("26/11/2026");
    expect(formatDate(new Date("2026-11-27T02:30:00Z"))).toBe("26/11/2026");
    expect(formatDateTime(new Date("2026-11-27T02:30:00Z"))).toBe("26/11/2026 23:30");
    expect(isoDateInSaoPaulo(new Date("2026-01-01T01:00:00Z"))).toBe("2025-12-31");
  });

  it("renders nothing for a missing date", () => {
    expect(formatDate(null)).toBe("");
    expect(formatDateTime(undefined)).toBe("");
  });
});

describe("date formatting in English", () => {
  it("writes day, short month and year, never dd/mm or mm/dd", () => {
    expect(formatDate(new Date("2026-11-03T12:00:00Z"), "en")).toBe("3 Nov 2026");
    expect(formatDate(new Date("2026-09-27T02:30:00Z"), "en")).toBe("26 Sep 2026");
    expect(formatDateTime(new Date("2026-11-27T02:30:00Z"), "en")).toBe("26 Nov 2026 23:30");
    expect(formatDateTime(new Date("2026-11-03T15:05:00Z"), "en")).toBe("3 Nov 2026 12:05");
  });

  it("keeps dd/mm/aaaa for Portuguese", () => {
    expect(formatDate(new Date("2026-11-03T12:00:00Z"), "pt-BR")).toBe("03/11/2026");
  });
});
