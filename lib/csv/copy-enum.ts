// Enum columns of COPY text lines, read in place: the raw bytes compared with each value the
// column may hold, no string made per row. Shared by the CSV exports' row writers.
import { csvCellBytes, type CsvByteWriter } from "./csv-byte-writer";

/** The values an enum column may hold, as bytes, and what each stands for. */
export function enumOf<T>(entries: readonly (readonly [string, T])[]) {
  const raws = entries.map(([raw]) => Buffer.from(raw));
  const values = entries.map(([, value]) => value);
  return (src: Buffer, start: number, end: number): T => {
    next: for (let i = 0; i < raws.length; i++) {
      const raw = raws[i]!;
      if (raw.length !== end - start) continue;
      for (let j = 0; j < raw.length; j++) if (raw[j] !== src[start + j]) continue next;
      return values[i]!;
    }
    throw new Error(`unexpected value in an export line: ${src.toString("utf8", start, end)}`);
  };
}

/** Enum column → its label as cell bytes. */
export function labelsOf(labels: Record<string, string>, writer: CsvByteWriter) {
  return enumOf(Object.entries(labels).map(([raw, label]) => [raw, csvCellBytes(label, writer.delimiter)] as const));
}
