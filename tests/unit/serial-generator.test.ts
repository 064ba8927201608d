import { describe, expect, it } from "vitest";
import { generateSerialNumber, SERIAL_ALPHABET } from "@/lib/domain/serial-generator";
import { SERIAL_PATTERN } from "@/lib/validation/serial-number";

describe("serial number generation", () => {
  it("is in the portal's format, from the unambiguous alphabet", () => {
    for (let i = 0; i < 200; i++) {
      const serial = generateSerialNumber();
      expect(serial).toMatch(SERIAL_PATTERN);
      expect(serial.replaceAll("-", "")).toMatch(new RegExp(`^[${SERIAL_ALPHABET}]{16}$`));
    }
  });

  it("maps every byte value to a symbol without bias: each symbol from exactly 8 of 256 bytes", () => {
    const counts = new Map<string, number>();
    for (let value = 0; value < 256; value += 16) {
      const bytes = Uint8Array.from({ length: 16 }, (_, index) => value + index);
      for (const symbol of generateSerialNumber(() => bytes).replaceAll("-", "")) {
        counts.set(symbol, (counts.get(symbol) ?? 0) + 1);
      }
    }
    expect(counts.size).toBe(32);
    expect(new Set(counts.values())).toEqual(new Set([8]));
  });

  it("uses its random source: different bytes give different serials, and 10,000 draws never repeat", () => {
    expect(generateSerialNumber(() => new Uint8Array(16))).toBe("AAAA-AAAA-AAAA-AAAA");
    const seen = new Set(Array.from({ length: 10_000 }, () => generateSerialNumber()));
    expect(seen.size).toBe(10_000);
  });
});
