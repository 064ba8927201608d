// The bytes of a CSV download, as the client reads them: the BOM and header row at once (the first
// byte doesn't wait for the database's sort), then the rows, written into 64 KB chunks as the lines
// arrive. When the client lags (QUEUED_CHUNKS chunks waiting) the line source is paused, so nothing
// is read from the database faster than the client takes it and memory stays flat; a client that
// goes away (request signal or stream cancel) closes the source, which stops the database work.
import { CsvByteWriter } from "@/lib/csv/csv-byte-writer";
import { CSV_BOM, csvLines, type CsvDelimiter } from "@/lib/csv/csv-text";
import type { ExportLineHandler, ExportLineSource } from "@/lib/data/subscription-export-types";
import { newRequestId } from "@/lib/request-id";

/** Chunks (of 64 KB) waiting for the client before the source is paused. */
const QUEUED_CHUNKS = 4;

export function csvResponseStream(options: {
  header: string[];
  source: ExportLineSource;
  /** The writer of one line into the byte writer (subscription-csv-rows.ts). */
  rowWriter: (writer: CsvByteWriter) => ExportLineHandler;
  delimiter: CsvDelimiter;
  signal?: AbortSignal;
}): ReadableStream<Uint8Array> {
  const { header, source, rowWriter, delimiter, signal } = options;
  let stopped = false;
  /** Ends the reading once, whatever ended the download; false when it had ended already. */
  const stop = () => {
    if (stopped) return false;
    stopped = true;
    signal?.removeEventListener("abort", abort);
    source.close().catch((error: unknown) => console.error("[export] closing the rows failed:", error));
    return true;
  };
  let abort = () => void stop();

  return new ReadableStream<Uint8Array>(
    {
      start(controller) {
        const fail = (error: unknown) => {
          if (!stop()) return;
          // The headers are gone already: the download fails in the browser, the log says why.
          console.error(`[export] request ${newRequestId()} failed while streaming:`, error);
          controller.error(error);
        };
        // After an abort nobody reads the end, but whoever holds the body sees it end.
        abort = () => {
          if (stop()) controller.close();
        };
        const writer = new CsvByteWriter(delimiter, (chunk) => {
          controller.enqueue(chunk);
          if ((controller.desiredSize ?? 0) <= 0) source.pause();
        });
        controller.enqueue(Buffer.from(CSV_BOM + csvLines([header], delimiter), "utf8"));
        if (signal?.aborted) return abort();
        signal?.addEventListener("abort", abort, { once: true });
        const writeRow = rowWriter(writer);
        // Called from the database socket's data handler: an exception must not escape into it.
        source.start((line, start, end) => {
          if (stopped) return;
          try {
            writeRow(line, start, end);
          } catch (error) {
            fail(error);
          }
        });
        source.finished.then(() => {
          if (stopped) return;
          writer.flush();
          stop();
          controller.close();
        }, fail);
      },
      pull() {
        if (!stopped) source.resume();
      },
      cancel: () => void stop(),
    },
    { highWaterMark: QUEUED_CHUNKS },
  );
}
