// Reads an import file as batches of records: UTF-8 checked as it is decoded (a Latin-1 file is
// refused with a clear message, not read as mojibake), BOM dropped, ";" or "," detected by
// papaparse, parsed by its streaming parser, paused while each batch is handled. Memory stays flat
// whatever the file's size.
import { createReadStream } from "node:fs";
import { Transform } from "node:stream";
import Papa from "papaparse";
import { AppError } from "@/lib/errors";

export type CsvRecord = { line: number; cells: string[] };

function encodingError(): AppError {
  return AppError.withMessage("VALIDATION", "subscriptions.import.errors.encoding");
}

/** Decodes UTF-8 strictly, chunk by chunk (a character split across chunks is fine); drops the BOM. */
function strictUtf8(): Transform {
  const decoder = new TextDecoder("utf-8", { fatal: true });
  return new Transform({
    decodeStrings: true,
    transform(chunk: Buffer, _encoding, callback) {
      try {
        callback(null, decoder.decode(chunk, { stream: true }));
      } catch {
        callback(encodingError());
      }
    },
    flush(callback) {
      try {
        callback(null, decoder.decode());
      } catch {
        callback(encodingError());
      }
    },
  });
}

/**
 * Calls `onHeader` with the first record, then `onBatch` with up to `batchSize` records at a time,
 * in file order, waiting for each batch before reading on. `line` is the record's first line in
 * the file (line breaks inside quoted cells counted); blank lines are skipped.
 */
export function readCsvBatches(
  file: string,
  batchSize: number,
  onHeader: (cells: string[]) => void,
  onBatch: (records: CsvRecord[]) => Promise<void>,
): Promise<{ records: number }> {
  return new Promise((resolve, reject) => {
    const text = createReadStream(file, { highWaterMark: 256 * 1024 }).pipe(strictUtf8());
    let failed = false;
    const fail = (error: unknown) => {
      if (failed) return;
      failed = true;
      text.destroy();
      reject(error);
    };
    text.on("error", fail);
    let line = 0;
    let header = true;
    let records = 0;
    let batch: CsvRecord[] = [];
    Papa.parse<string[]>(text as unknown as File, {
      delimitersToGuess: [";", ","],
      skipEmptyLines: false,
      step(results, parser) {
        if (failed) return;
        const cells = results.data;
        const start = line + 1;
        line = start + cells.reduce((breaks, cell) => breaks + (cell.match(/\r\n|\r|\n/g)?.length ?? 0), 0);
        if (cells.length === 1 && cells[0]!.trim() === "") return;
        if (header) {
          header = false;
          try {
            onHeader(cells.map((cell, index) => (index === 0 ? cell.replace(/^\uFEFF/, "") : cell)));
          } catch (error) {
            fail(error);
            parser.abort();
          }
          return;
        }
        records++;
        batch.push({ line: start, cells });
        if (batch.length >= batchSize) {
          const full = batch;
          batch = [];
          // papaparse's pause() only stops parsing: its stream reader would go on queueing the rest
          // of the file in memory. Pausing the source too keeps one chunk in flight.
          parser.pause();
          text.pause();
          onBatch(full).then(
            () => {
              text.resume();
              parser.resume();
            },
            (error: unknown) => {
              fail(error);
              parser.abort();
            },
          );
        }
      },
      complete() {
        if (failed) return;
        if (header) return fail(AppError.withMessage("VALIDATION", "subscriptions.import.errors.empty"));
        onBatch(batch).then(() => resolve({ records }), fail);
      },
      error: fail,
    });
  });
}

/** The header record of a file (its first non-blank record), for checking the columns before importing. */
export async function readHeader(file: string): Promise<string[]> {
  let header: string[] | null = null;
  const stop = new Error("header read");
  await readCsvBatches(
    file,
    1,
    (cells) => {
      header = cells;
      throw stop;
    },
    async () => undefined,
  ).catch((error: unknown) => {
    if (error !== stop) throw error;
  });
  if (!header) throw AppError.withMessage("VALIDATION", "subscriptions.import.errors.empty");
  return header;
}
