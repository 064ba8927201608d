// CSV text the way Excel pt-BR and LibreOffice open it without an import dialog: UTF-8 with a BOM,
// ";" by default (Brazilian Excel uses "," as the decimal separator), CRLF line ends, a field
// quoted only when it needs to be (papaparse's unparse), every cell neutralized against formulas.
import { neutralizeCell } from "./neutralize-cell";

export const CSV_BOM = "\uFEFF";
export const CSV_NEWLINE = "\r\n";

export const CSV_DELIMITERS = [";", ","] as const;
export type CsvDelimiter = (typeof CSV_DELIMITERS)[number];
export const DEFAULT_CSV_DELIMITER: CsvDelimiter = ";";

/**
 * What makes papaparse's unparse quote a field (with `quotes: false`): a CR, LF, double quote or
 * BOM (its BAD_DELIMITERS), the delimiter, or a space at either end. tests/unit/csv-text.test.ts
 * holds csvLines to papaparse's own bytes; the byte writer (csv-byte-writer.ts) to csvCell.
 */
const NEEDS_QUOTES: Record<CsvDelimiter, RegExp> = {
  ";": /[;"\r\n\uFEFF]|^ | $/,
  ",": /[,"\r\n\uFEFF]|^ | $/,
};

/** The delimiter a query string asks for: the default when absent, null when not one we offer. */
export function parseCsvDelimiter(value: string | string[] | undefined): CsvDelimiter | null {
  if (value === undefined || value === "") return DEFAULT_CSV_DELIMITER;
  return (CSV_DELIMITERS as readonly unknown[]).includes(value) ? (value as CsvDelimiter) : null;
}

/** One cell as the file holds it: neutralized, then quoted (inner quotes doubled) when it needs it. */
export function csvCell(value: string, delimiter: CsvDelimiter): string {
  const cell = neutralizeCell(value);
  return NEEDS_QUOTES[delimiter].test(cell) ? `"${cell.replaceAll('"', '""')}"` : cell;
}

/** CSV lines for these rows, each ending with CRLF (an empty string for no rows). */
export function csvLines(rows: readonly (readonly string[])[], delimiter: CsvDelimiter): string {
  let text = "";
  for (const row of rows) text += row.map((cell) => csvCell(cell, delimiter)).join(delimiter) + CSV_NEWLINE;
  return text;
}
