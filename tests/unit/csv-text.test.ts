import Papa from "papaparse";
import { describe, expect, it } from "vitest";
import { CSV_DELIMITERS, csvLines, parseCsvDelimiter } from "@/lib/csv/csv-text";
import { formatCsvDate } from "@/lib/csv/format-date";
import { neutralizeCell } from "@/lib/csv/neutralize-cell";
import { formatDate } from "@/lib/format";
import { mulberry32 } from "../support/seeded-random";

describe("neutralizeCell", () => {
  it.each(["=1+1", "+5511999", "-2", "@SUM(A1)", "\tcmd", "\rcmd", "=1\n+2", "-\r\n=HYPERLINK()"])(
    "prefixes %j with an apostrophe so spreadsheets show it as text",
    (value) => {
      expect(neutralizeCell(value)).toBe(`'${value}`);
    },
  );

  it.each(["", "Ação", "João = Maria", " =1", "1-2", "'=já neutralizado", "(11) 99999-0000", "ﾠ=x"])(
    "leaves %j alone",
    (value) => {
      expect(neutralizeCell(value)).toBe(value);
    },
  );
});

describe("csvLines", () => {
  const awkward = [
    ["Loja; Ponto", 'Aspas "duplas"', "Linha\nquebrada", "CR\r\nLF", " espaço", "espaço ", "Ação", "=1+1"],
    ["simples", "", "-3", "@x", "\tt", "a,b", "", "fim"],
  ];

  it.each(CSV_DELIMITERS)("round-trips awkward values through papaparse with %j, formulas neutralized", (delimiter) => {
    const text = csvLines(awkward, delimiter);
    expect(text.endsWith("\r\n")).toBe(true);
    const parsed = Papa.parse<string[]>(text, { delimiter, skipEmptyLines: true });
    expect(parsed.errors).toEqual([]);
    expect(parsed.data).toEqual(awkward.map((row) => row.map(neutralizeCell)));
  });

  it("quotes only the fields that need it and ends every row with CRLF", () => {
    expect(csvLines([["a", "b;c", 'd"e', "f"]], ";")).toBe('a;"b;c";"d""e";f\r\n');
    expect(csvLines([["a", "b;c", "d,e"]], ",")).toBe('a,b;c,"d,e"\r\n');
    expect(csvLines([["x"], ["y"]], ";")).toBe("x\r\ny\r\n");
    expect(csvLines([["=cmd", "linha\nnova"]], ";")).toBe(`'=cmd;"linha\nnova"\r\n`);
  });

  it.each(CSV_DELIMITERS)("writes exactly what papaparse's unparse writes, for thousands of random rows (%j)", (delimiter) => {
    const pieces = ["a", "Ç", " ", ";", ",", '"', "\r", "\n", "\r\n", "\uFEFF", "=", "-", "@", "\t", "'", "x y", "😀", ""];
    const random = mulberry32(7);
    for (let i = 0; i < 3000; i++) {
      const rows = Array.from({ length: 1 + random(4) }, () =>
        Array.from({ length: 1 + random(5) }, () =>
          Array.from({ length: random(4) }, () => pieces[random(pieces.length)]).join(""),
        ),
      );
      const expected =
        Papa.unparse(
          rows.map((row) => row.map(neutralizeCell)),
          { delimiter, newline: "\r\n", quotes: false, header: false },
        ) + "\r\n";
      expect(csvLines(rows, delimiter), JSON.stringify(rows)).toBe(expected);
    }
  });

  it("writes nothing for no rows", () => {
    expect(csvLines([], ";")).toBe("");
  });
});

describe("parseCsvDelimiter", () => {
  it("defaults to ; and accepts ,", () => {
    expect(parseCsvDelimiter(undefined)).toBe(";");
    expect(parseCsvDelimiter("")).toBe(";");
    expect(parseCsvDelimiter(";")).toBe(";");
    expect(parseCsvDelimiter(",")).toBe(",");
  });

  it.each(["|", "\t", ";;", "virgula", " ;", [";", ","], [";"]])("refuses %j", (value) => {
    expect(parseCsvDelimiter(value)).toBeNull();
  });
});

describe("formatCsvDate", () => {
  it("writes dd/mm/aaaa in São Paulo, around midnight and in the old daylight-saving years", () => {
    expect(formatCsvDate(new Date("2026-11-26T02:59:59.999Z"))).toBe("25/11/2026");
    expect(formatCsvDate(new Date("2026-11-26T03:00:00.000Z"))).toBe("26/11/2026");
    // Summer time (UTC−2) until 2019: midnight was 02:00 UTC.
    expect(formatCsvDate(new Date("2018-12-01T01:59:59.999Z"))).toBe("30/11/2018");
    expect(formatCsvDate(new Date("2018-12-01T02:00:00.000Z"))).toBe("01/12/2018");
    expect(formatCsvDate(null)).toBe("");
    expect(formatCsvDate(new Date(Number.NaN))).toBe("");
  });

  it("agrees with the uncached formatter on thousands of instants", () => {
    const random = mulberry32(42);
    const from = Date.UTC(2010, 0, 1);
    const to = Date.UTC(2035, 0, 1);
    for (let i = 0; i < 20_000; i++) {
      const date = new Date(from + random(to - from));
      expect(formatCsvDate(date), date.toISOString()).toBe(formatDate(date));
    }
  });
});
