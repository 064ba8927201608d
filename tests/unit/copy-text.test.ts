import { describe, expect, it } from "vitest";
import { COPY_NULL, copyFieldValue, copyTextLine } from "@/lib/csv/copy-text";
import { mulberry32 } from "../support/seeded-random";

describe("copyTextLine", () => {
  // What PostgreSQL 15's COPY … TO STDOUT writes for these values (checked with psql).
  it.each([
    [["a", "b"], "a\tb\n"],
    [["tab\there", "nl\nhere", "cr\rhere"], "tab\\there\tnl\\nhere\tcr\\rhere\n"],
    [["back\\slash", "\\N", "\b\f\v"], "back\\\\slash\t\\\\N\t\\b\\f\\v\n"],
    [[null, "", undefined], "\\N\t\t\\N\n"],
    [[1764115200123.456, 0, -3], "1764115200123.456\t0\t-3\n"],
    [["Ação 😀 \uFEFF\u0001", ' "aspas" ;'], 'Ação 😀 \uFEFF\u0001\t "aspas" ;\n'],
  ] as const)("writes %j as COPY does", (values, line) => {
    expect(copyTextLine(values)).toBe(line);
  });
});

describe("copyFieldValue", () => {
  it("reads \\N as NULL and an empty field as an empty string", () => {
    expect(copyFieldValue(COPY_NULL)).toBeNull();
    expect(copyFieldValue("")).toBe("");
    expect(copyFieldValue("\\\\N")).toBe("\\N");
  });

  it("undoes every escape COPY TO writes, and reads \\x as x for any other x", () => {
    expect(copyFieldValue("a\\tb\\nc\\rd\\\\e\\bf\\fg\\vh")).toBe("a\tb\nc\rd\\e\bf\fg\vh");
    expect(copyFieldValue("\\;\\q")).toBe(";q");
    expect(copyFieldValue("sem escape")).toBe("sem escape");
  });

  it("reads back every field copyTextLine writes, for thousands of random values", () => {
    const pieces = ["a", "\\", "\\N", "N", "\t", "\n", "\r", "\b", "\f", "\v", "\u0001", "Ç", "😀", " ", '"', ";", ""];
    const random = mulberry32(11);
    for (let i = 0; i < 5000; i++) {
      const values = Array.from({ length: 1 + random(5) }, () =>
        random(8) === 0 ? null : Array.from({ length: random(6) }, () => pieces[random(pieces.length)]).join(""),
      );
      const line = copyTextLine(values);
      expect(line.endsWith("\n")).toBe(true);
      const fields = line.slice(0, -1).split("\t");
      expect(fields.map(copyFieldValue), JSON.stringify(values)).toEqual(values);
    }
  });
});
