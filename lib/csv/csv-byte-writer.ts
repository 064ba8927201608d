// Writes CSV straight into byte chunks from fields in COPY text format (copy-text.ts), for exports
// of a million rows: a field that needs no unescaping, neutralizing or quoting — nearly every one —
// is copied byte for byte, with no string made of it; any other goes through csvCell as a string.
// tests/unit/csv-byte-writer.test.ts holds the two paths to the same bytes.
import { copyFieldValue } from "./copy-text";
import { csvCell, type CsvDelimiter } from "./csv-text";

// Byte values as local constants: an imported binding in a loop this hot costs a property load
// through the bundler's module object on every byte.
const BACKSLASH = 0x5c;
const QUOTE = 0x22;
const SPACE = 0x20;
const CR = 0x0d;
const LF = 0x0a;
/** Lead byte of U+F000–U+FFFF in UTF-8, the BOM (EF BB BF) among them: such fields take the string path. */
const LEAD_EF = 0xef;

/** Bytes of one cell, already neutralized and quoted (labels and other fixed texts). */
export function csvCellBytes(value: string, delimiter: CsvDelimiter): Buffer {
  return Buffer.from(csvCell(value, delimiter), "utf8");
}

export class CsvByteWriter {
  readonly delimiter: CsvDelimiter;
  private readonly delimiterByte: number;
  private chunk: Buffer;
  private pos = 0;

  constructor(
    delimiter: CsvDelimiter,
    /** Receives each full chunk (and the last one at flush); the writer never touches it again. */
    private readonly emit: (chunk: Buffer) => void,
    private readonly chunkSize = 64 * 1024,
  ) {
    this.delimiter = delimiter;
    this.delimiterByte = delimiter.charCodeAt(0);
    this.chunk = Buffer.allocUnsafe(chunkSize);
  }

  /** Makes room for `bytes` more bytes: cells written afterwards are not checked one by one. */
  reserve(bytes: number) {
    if (this.pos + bytes <= this.chunk.length) return;
    this.flush();
    if (bytes > this.chunk.length) this.chunk = Buffer.allocUnsafe(bytes);
  }

  /** Emits what was written so far. */
  flush() {
    if (this.pos === 0) return;
    this.emit(this.chunk.subarray(0, this.pos));
    this.chunk = Buffer.allocUnsafe(this.chunkSize);
    this.pos = 0;
  }

  /** The field src[start, end) of a COPY line as a cell; at most 2 × its length + 3 bytes. */
  field(src: Buffer, start: number, end: number) {
    if (start === end) return;
    const first = src[start]!;
    // = + - @ would be neutralized; a space at either end quoted (tab and CR come escaped).
    if (first === 0x3d || first === 0x2b || first === 0x2d || first === 0x40 || first === SPACE || src[end - 1] === SPACE) {
      return this.text(fieldText(src, start, end));
    }
    const out = this.chunk;
    const delimiter = this.delimiterByte;
    let pos = this.pos;
    for (let i = start; i < end; i++) {
      const byte = src[i]!;
      if (byte === BACKSLASH || byte === QUOTE || byte === delimiter || byte === LEAD_EF) {
        return this.text(fieldText(src, start, end));
      }
      out[pos++] = byte;
    }
    this.pos = pos;
  }

  /**
   * The field's digits laid out by a pattern ("###.###.###-##": # is the next digit), a cell that
   * needs no quoting; false (nothing written) when the field isn't that many ASCII digits.
   */
  digits(src: Buffer, start: number, end: number, pattern: Uint8Array): boolean {
    let digits = 0;
    for (let i = 0; i < pattern.length; i++) if (pattern[i] === 0x23) digits++;
    if (end - start !== digits) return false;
    for (let i = start; i < end; i++) if (src[i]! < 0x30 || src[i]! > 0x39) return false;
    const out = this.chunk;
    let pos = this.pos;
    let next = start;
    for (let i = 0; i < pattern.length; i++) out[pos++] = pattern[i] === 0x23 ? src[next++]! : pattern[i]!;
    this.pos = pos;
    return true;
  }

  /** Any text as a cell, through csvCell; reserve(3 × length + 3) first. */
  text(value: string) {
    this.pos += this.chunk.write(csvCell(value, this.delimiter), this.pos, "utf8");
  }

  /** A text known to need neither neutralizing nor quoting: ASCII digits, dates. */
  ascii(value: string) {
    const out = this.chunk;
    let pos = this.pos;
    for (let i = 0; i < value.length; i++) out[pos++] = value.charCodeAt(i);
    this.pos = pos;
  }

  /** Bytes of a prepared cell (csvCellBytes). */
  cell(bytes: Uint8Array) {
    const out = this.chunk;
    let pos = this.pos;
    for (let i = 0; i < bytes.length; i++) out[pos++] = bytes[i]!;
    this.pos = pos;
  }

  separator() {
    this.chunk[this.pos++] = this.delimiterByte;
  }

  endRow() {
    this.chunk[this.pos++] = CR;
    this.chunk[this.pos++] = LF;
  }
}

/** A field's text with COPY's escapes undone (\N, a NULL, is an empty cell). */
function fieldText(src: Buffer, start: number, end: number): string {
  const raw = src.toString("utf8", start, end);
  return copyFieldValue(raw) ?? "";
}
