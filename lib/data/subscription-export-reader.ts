// Reads keyset batches one or two queries ahead of the consumer, so that the database computes the
// next batch while Node parses and writes the current one, never more than `depth` batches ahead
// (a slow client holds the reading back), and nothing after an abort.

export type BatchReaderOptions = {
  batchSize: number;
  /** Batches read ahead of the consumer at most. */
  depth: number;
  signal?: AbortSignal;
};

/** Yields batches of `fetchAfter(lastRowOfPreviousBatch)` until one comes back short. */
export async function* readAhead<Row>(
  fetchAfter: (last: Row | null) => Promise<Row[]>,
  { batchSize, depth, signal }: BatchReaderOptions,
): AsyncGenerator<Row[], void, undefined> {
  const ahead: Promise<Row[]>[] = [];
  let last: Row | null = null;
  let reading = false;
  let exhausted = false;

  const pump = () => {
    if (reading || exhausted || ahead.length >= depth || signal?.aborted) return;
    reading = true;
    const batch = fetchAfter(last).then(
      (rows) => {
        reading = false;
        if (rows.length < batchSize) exhausted = true;
        else last = rows[rows.length - 1]!;
        pump();
        return rows;
      },
      (error: unknown) => {
        reading = false;
        exhausted = true;
        throw error;
      },
    );
    // Handled here so a failure nobody awaits yet (or ever, after an abort) is no unhandled
    // rejection; the consumer still gets the error when it reaches this batch.
    batch.catch(() => undefined);
    ahead.push(batch);
  };

  pump();
  // Holds no batch while suspended at `yield`: a batch is garbage as soon as it is written.
  const take = () => {
    const batch = ahead.shift()!;
    pump();
    return batch;
  };
  while (ahead.length && !signal?.aborted) yield await take();
}
