// A row writer for tests of the byte writer and the response stream: each field of a COPY line
// as one cell, with none of the export's formatting (subscription-csv-rows.ts does that).
import type { CsvByteWriter } from "@/lib/csv/csv-byte-writer";

export function plainCopyRows(writer: CsvByteWriter) {
  return (line: Buffer, start: number, end: number) => {
    const last = line[end - 1] === 0x0a ? end - 1 : end;
    // A field is at most 2 × its length + 3 bytes as a cell (csv-byte-writer.ts), plus CRLF.
    writer.reserve(3 * (last - start) + 5);
    let fieldStart = start;
    for (let i = start; i <= last; i++) {
      if (i === last || line[i] === 0x09) {
        if (fieldStart > start) writer.separator();
        writer.field(line, fieldStart, i);
        fieldStart = i + 1;
      }
    }
    writer.endRow();
  };
}
