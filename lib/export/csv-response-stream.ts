// Turns batches of rows into the bytes of a CSV download as the client reads them: nothing is read
// from the database faster than the client takes it, and a client that goes away (request signal
// or stream cancel) stops the batches before the next query.
import { CSV_BOM, csvLines, type CsvDelimiter } from "@/lib/csv/csv-text";
import { newRequestId } from "@/lib/request-id";

type Batches<Row> = AsyncGenerator<Row[], void, undefined>;

export function csvResponseStream<Row>(options: {
  header: string[];
  /** The first batch, already read (so that a failing query is an error response, not a cut file). */
  first: Row[];
  rest: Batches<Row>;
  toCells: (row: Row) => string[];
  delimiter: CsvDelimiter;
  signal?: AbortSignal;
}): ReadableStream<Uint8Array> {
  const { header, rest, toCells, delimiter, signal } = options;
  let first: Row[] | null = options.first;
  const encoder = new TextEncoder();
  const encode = (rows: Row[]) => encoder.encode(csvLines(rows.map(toCells), delimiter));
  let stopped = false;
  const stop = () => {
    if (stopped) return;
    stopped = true;
    signal?.removeEventListener("abort", stop);
    rest.return(undefined).catch(() => undefined);
  };
  signal?.addEventListener("abort", stop, { once: true });

  return new ReadableStream<Uint8Array>(
    {
      start(controller) {
        controller.enqueue(encoder.encode(CSV_BOM + csvLines([header], delimiter)));
        if (first!.length) controller.enqueue(encode(first!));
        first = null; // garbage from now on, not held by this closure for the whole download
      },
      async pull(controller) {
        if (stopped || signal?.aborted) {
          stop();
          closeQuietly(controller);
          return;
        }
        try {
          const { value, done } = await rest.next();
          if (done || stopped) {
            stop();
            // After a cancel the stream is closed already; after an abort nobody reads the end.
            closeQuietly(controller);
          } else {
            controller.enqueue(encode(value));
          }
        } catch (error) {
          stop();
          // The headers are gone already: the download fails in the browser, the log says why.
          console.error(`[export] request ${newRequestId()} failed while streaming:`, error);
          controller.error(error);
        }
      },
      cancel: stop,
    },
    // At most one encoded batch waits for a slow client.
    { highWaterMark: 1 },
  );
}

function closeQuietly(controller: ReadableStreamDefaultController<Uint8Array>) {
  try {
    controller.close();
  } catch {
    // already closed or cancelled
  }
}
