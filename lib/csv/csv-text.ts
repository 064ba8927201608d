// CSV text the way Excel pt-BR and LibreOffice open it without an import dialog: UTF-8 with a BOM,
// ";" by default (Brazilian Excel uses "," as the decimal separator), CRLF line ends, a field
// quoted only when it needs to be (papaparse's unparse), every cell neutralized against formulas.
import Papa from "papaparse";
import { neutralizeCell, startsLikeFormula } from "./neutralize-cell";

export const CSV_BOM = "\uFEFF";
export const CSV_NEWLINE = "\r\n";

export const CSV_DELIMITERS = [";", ","] as const;
export type CsvDelimiter = (typeof CSV_DELIMITERS)[number];
export const DEFAULT_CSV_DELIMITER: CsvDelimiter = ";";

const UNPARSE_OPTIONS = { newline: CSV_NEWLINE, quotes: false, header: false } as const;

/**
 * What makes papaparse's unparse quote a field (with `quotes: false`): a CR, LF, double quote or
 * BOM (its BAD_DELIMITERS), the delimiter, or a space at either end. A row with none of these is
 * written by unparse as its cells joined by the delimiter, which is what the fast path does; any
 * other row goes through unparse itself. tests/unit/csv-text.test.ts holds the two to the same bytes.
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

/** The row itself when no cell needs neutralizing (the common case), else a neutralized copy. */
function neutralizeRow(row: readonly string[]): readonly string[] {
  for (let i = 0; i < row.length; i++) {
    if (startsLikeFormula(row[i]!)) return row.map(neutralizeCell);
  }
  return row;
}

/** CSV lines for these rows, each ending with CRLF (an empty string for no rows). */
export function csvLines(rows: readonly (readonly string[])[], delimiter: CsvDelimiter): string {
  const needsQuotes = NEEDS_QUOTES[delimiter];
  const options = { ...UNPARSE_OPTIONS, delimiter };
  let text = "";
  for (const row of rows) {
    const cells = neutralizeRow(row);
    const quoted = cells.some((cell) => needsQuotes.test(cell));
    text += (quoted ? Papa.unparse([cells as string[]], options) : cells.join(delimiter)) + CSV_NEWLINE;
  }
  return text;
}
