import { describe, expect, it } from "vitest";
import { readAhead } from "@/lib/data/subscription-export-reader";

/** A fake keyset source over 0…total-1 that records which queries were started. */
function source(total: number, batchSize: number, options: { failAt?: number } = {}) {
  const started: (number | null)[] = [];
  const fetchAfter = async (last: number | null) => {
    started.push(last);
    await new Promise((resolve) => setTimeout(resolve, 1));
    const from = last === null ? 0 : last + 1;
    if (options.failAt !== undefined && from >= options.failAt) throw new Error("connection lost");
    return Array.from({ length: Math.max(0, Math.min(batchSize, total - from)) }, (_, i) => from + i);
  };
  return { started, fetchAfter };
}

describe("readAhead", () => {
  it("yields every row in order, stopping after the first short batch", async () => {
    const { started, fetchAfter } = source(10, 3);
    const rows: number[] = [];
    for await (const batch of readAhead(fetchAfter, { batchSize: 3, depth: 2 })) rows.push(...batch);
    expect(rows).toEqual([0, 1, 2, 3, 4, 5, 6, 7, 8, 9]);
    expect(started).toEqual([null, 2, 5, 8]);
  });

  it("asks for one more batch when the last full batch ends exactly at the end", async () => {
    const { started, fetchAfter } = source(6, 3);
    const batches: number[][] = [];
    for await (const batch of readAhead(fetchAfter, { batchSize: 3, depth: 2 })) batches.push(batch);
    expect(batches).toEqual([[0, 1, 2], [3, 4, 5], []]);
    expect(started).toEqual([null, 2, 5]);
  });

  it("never reads more than `depth` batches ahead of a slow consumer", async () => {
    const { started, fetchAfter } = source(1000, 10);
    const reader = readAhead(fetchAfter, { batchSize: 10, depth: 2 });
    await reader.next();
    await new Promise((resolve) => setTimeout(resolve, 50));
    // The batch handed out, and two read ahead.
    expect(started).toHaveLength(3);
    await reader.return(undefined);
  });

  it("stops reading when the signal aborts", async () => {
    const { started, fetchAfter } = source(1000, 10);
    const controller = new AbortController();
    let batches = 0;
    for await (const _batch of readAhead(fetchAfter, { batchSize: 10, depth: 2, signal: controller.signal })) {
      if (++batches === 3) controller.abort();
    }
    await new Promise((resolve) => setTimeout(resolve, 20));
    expect(batches).toBe(3);
    expect(started.length).toBeLessThanOrEqual(5);
  });

  it("hands a failed read to the consumer when it gets there, with no unhandled rejection before", async () => {
    const { fetchAfter } = source(100, 10, { failAt: 20 });
    const unhandled: unknown[] = [];
    const record = (reason: unknown) => unhandled.push(reason);
    process.on("unhandledRejection", record);
    try {
      const reader = readAhead(fetchAfter, { batchSize: 10, depth: 2 });
      expect((await reader.next()).value).toHaveLength(10);
      await new Promise((resolve) => setTimeout(resolve, 30)); // the failing read settles unawaited
      expect((await reader.next()).value).toHaveLength(10);
      await expect(reader.next()).rejects.toThrow("connection lost");
      expect(unhandled).toEqual([]);
    } finally {
      process.off("unhandledRejection", record);
    }
  });
});
