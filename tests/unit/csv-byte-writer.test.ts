import Papa from "papaparse";
import { describe, expect, it } from "vitest";
import { copyTextLine } from "@/lib/csv/copy-text";
import { CsvByteWriter, csvCellBytes } from "@/lib/csv/csv-byte-writer";
import { CSV_DELIMITERS, csvLines, type CsvDelimiter } from "@/lib/csv/csv-text";
import { neutralizeCell } from "@/lib/csv/neutralize-cell";
import { plainCopyRows } from "../support/plain-copy-rows";
import { mulberry32 } from "../support/seeded-random";

const decoder = new TextDecoder("utf-8", { ignoreBOM: true, fatal: true });

/** A writer whose chunks are collected; a small chunk size makes rows cross chunk boundaries. */
function collectingWriter(delimiter: CsvDelimiter, chunkSize = 64) {
  const chunks: Buffer[] = [];
  const writer = new CsvByteWriter(delimiter, (chunk) => chunks.push(chunk), chunkSize);
  const text = () => {
    writer.flush();
    return decoder.decode(Buffer.concat(chunks));
  };
  return { writer, chunks, text };
}

/**
 * Writes rows of values the way the export does: each row as a COPY line, with bytes before and
 * after it in the buffer (as node-pg hands a line over).
 */
function writeCopyRows(writer: CsvByteWriter, rows: readonly (readonly (string | null)[])[]) {
  const writeRow = plainCopyRows(writer);
  for (const row of rows) {
    const line = Buffer.from(`junk\t${copyTextLine(row)}junk`, "utf8");
    writeRow(line, 5, line.length - 4);
  }
}

/** papaparse's own bytes for these rows, NULL as an empty cell, every cell neutralized. */
function papaparseCsv(rows: readonly (readonly (string | null)[])[], delimiter: CsvDelimiter) {
  const cells = rows.map((row) => row.map((value) => neutralizeCell(value ?? "")));
  return cells.map((row) => Papa.unparse([row], { delimiter, newline: "\r\n", quotes: false, header: false }) + "\r\n").join("");
}

describe("CsvByteWriter.field", () => {
  const table: (string | null)[] = [
    "simples",
    "Ação Çedilha Êxito",
    "Loja; Ponto e Vírgula",
    "a,b",
    'Aspas "Duplas"',
    "Quebra\nde linha",
    "CR\r\nLF",
    "tab\tno meio",
    "\tTabulação Inicial",
    "\rCR inicial",
    "barra \\ invertida",
    "\\N",
    '=HYPERLINK("x")',
    "+55",
    "-Traço",
    "@Arroba",
    "1-2",
    " espaço inicial",
    "espaço final ",
    " ",
    "\uFEFFBOM no início",
    "BOM \uFEFF no meio",
    "ＡＢＣ largura total",
    "emoji 😀 e 中文",
    "'=já neutralizado",
    "",
    null,
  ];

  it.each(CSV_DELIMITERS)("writes each awkward value as papaparse writes it (%j)", (delimiter) => {
    for (const value of table) {
      const { writer, text } = collectingWriter(delimiter);
      writeCopyRows(writer, [[value, "fim"]]);
      expect(text(), JSON.stringify(value)).toBe(papaparseCsv([[value, "fim"]], delimiter));
    }
  });

  it.each(CSV_DELIMITERS)("writes exactly papaparse's bytes for thousands of random rows (%j)", (delimiter) => {
    const pieces = [
      "a",
      "Ç",
      " ",
      ";",
      ",",
      '"',
      "\r",
      "\n",
      "\t",
      "\\",
      "\\N",
      "\uFEFF",
      "\uF000",
      "=",
      "-",
      "+",
      "@",
      "'",
      "x y",
      "😀",
      "",
    ];
    const random = mulberry32(3);
    const rows: (string | null)[][] = [];
    for (let i = 0; i < 4000; i++) {
      rows.push(
        Array.from({ length: 1 + random(6) }, () =>
          random(10) === 0 ? null : Array.from({ length: random(5) }, () => pieces[random(pieces.length)]).join(""),
        ),
      );
    }
    const { writer, chunks, text } = collectingWriter(delimiter);
    writeCopyRows(writer, rows);
    const written = text();
    expect(chunks.length, "rows crossed chunk boundaries").toBeGreaterThan(100);
    const expected = papaparseCsv(rows, delimiter);
    expect(written).toBe(expected);
    expect(written).toBe(
      csvLines(
        rows.map((row) => row.map((value) => value ?? "")),
        delimiter,
      ),
    );
  });
});

describe("CsvByteWriter's other cells", () => {
  const cnpj = Buffer.from("##.###.###/####-##");
  const cpf = Buffer.from("###.###.###-##");

  it("lays digits out by a pattern, and refuses fields that aren't exactly that many digits", () => {
    const { writer, text } = collectingWriter(";");
    const field = (value: string) => Buffer.from(`\t${value}\t`);
    const digits = (value: string, pattern: Buffer) => writer.digits(field(value), 1, 1 + Buffer.byteLength(value), pattern);
    writer.reserve(100);
    expect(digits("11222333000181", cnpj)).toBe(true);
    writer.separator();
    expect(digits("52998224725", cpf)).toBe(true);
    expect(digits("52998224725", cnpj)).toBe(false);
    expect(digits("1122233300018a", cnpj)).toBe(false);
    expect(digits("\\N", cpf)).toBe(false);
    expect(text()).toBe("11.222.333/0001-81;529.982.247-25");
  });

  it("writes prepared cells, ASCII texts and any text through csvCell", () => {
    const { writer, text } = collectingWriter(",", 8);
    writer.reserve(200);
    writer.cell(csvCellBytes("Período, de Tolerância", ","));
    writer.separator();
    writer.ascii("26/11/2026");
    writer.separator();
    writer.text("-Ação");
    writer.endRow();
    expect(text()).toBe('"Período, de Tolerância",26/11/2026,\'-Ação\r\n');
  });

  it("makes room for a row larger than a chunk, and emits nothing empty", () => {
    const { writer, chunks, text } = collectingWriter(";", 8);
    const long = "x".repeat(50);
    writeCopyRows(writer, [[long, long]]);
    writer.flush();
    expect(text()).toBe(`${long};${long}\r\n`);
    expect(chunks.every((chunk) => chunk.length > 0)).toBe(true);
  });
});
