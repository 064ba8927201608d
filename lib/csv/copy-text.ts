// PostgreSQL's COPY text format, the form in which export rows travel: one line per row ending
// with \n, fields separated by a tab, NULL written \N, and a backslash escape for a backslash and
// for the control characters COPY TO escapes (\b \f \n \r \t \v). Anything else is sent as is.

export const COPY_NULL = "\\N";

const ESCAPED: Record<string, string> = {
  "\\": "\\\\",
  "\b": "\\b",
  "\f": "\\f",
  "\n": "\\n",
  "\r": "\\r",
  "\t": "\\t",
  "\v": "\\v",
};
const UNESCAPED: Record<string, string> = { b: "\b", f: "\f", n: "\n", r: "\r", t: "\t", v: "\v" };

/** A row as COPY TO writes it (used where rows come as values: PGlite, tests). */
export function copyTextLine(values: readonly (string | number | null | undefined)[]): string {
  const fields = values.map((value) =>
    value === null || value === undefined ? COPY_NULL : String(value).replace(/[\\\b\f\n\r\t\v]/g, (char) => ESCAPED[char]!),
  );
  return `${fields.join("\t")}\n`;
}

/**
 * The value of a field as COPY TO wrote it: null for \N, escapes undone. (COPY FROM also reads
 * octal and hex escapes, which COPY TO never writes; a backslash before any other character
 * stands for that character, as COPY FROM reads it.)
 */
export function copyFieldValue(raw: string): string | null {
  if (raw === COPY_NULL) return null;
  if (!raw.includes("\\")) return raw;
  return raw.replace(/\\(.)/gs, (_, char: string) => UNESCAPED[char] ?? char);
}
