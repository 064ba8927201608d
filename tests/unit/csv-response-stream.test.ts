import { describe, expect, it } from "vitest";
import { copyTextLine } from "@/lib/csv/copy-text";
import type { CsvByteWriter } from "@/lib/csv/csv-byte-writer";
import type { ExportLineHandler, ExportLineSource } from "@/lib/data/subscription-export-types";
import { csvResponseStream } from "@/lib/export/csv-response-stream";
import { allowConsoleErrors } from "../support/fail-on-console-error";
import { plainCopyRows } from "../support/plain-copy-rows";

const decoder = new TextDecoder("utf-8", { ignoreBOM: true });
const tick = () => new Promise((resolve) => setImmediate(resolve));

/**
 * A line source like the database's: pushes COPY lines a few at a time from the event loop (as
 * socket reads would), honours pause/resume, and records what was asked of it.
 */
function fakeSource(rows: (string | null)[][], options: { failAt?: number; perTick?: number } = {}) {
  const events: string[] = [];
  let onLine: ExportLineHandler | null = null;
  let pushed = 0;
  let paused = false;
  let closed = false;
  let scheduled = false;
  let settle!: { resolve: () => void; reject: (error: Error) => void };
  const finished = new Promise<void>((resolve, reject) => (settle = { resolve, reject }));
  const pump = () => {
    scheduled = false;
    for (let n = 0; n < (options.perTick ?? 50) && !paused && !closed; n++) {
      if (pushed === options.failAt) return settle.reject(new Error("connection lost"));
      if (pushed === rows.length) return settle.resolve();
      const line = Buffer.from(`prefix${copyTextLine(rows[pushed++]!)}`);
      onLine!(line, 6, line.length);
    }
    schedule();
  };
  const schedule = () => {
    if (scheduled || paused || closed) return;
    scheduled = true;
    setImmediate(pump);
  };
  const source: ExportLineSource = {
    start(handler) {
      onLine = handler;
      schedule();
    },
    pause() {
      if (!paused) events.push(`pause at ${pushed}`);
      paused = true;
    },
    resume() {
      if (paused) events.push("resume");
      paused = false;
      schedule();
    },
    finished,
    async close() {
      events.push("close");
      closed = true;
    },
  };
  return { source, events, pushed: () => pushed };
}

/** Each line's fields as cells; a line "bad" can't be written. */
function plainRows(writer: CsvByteWriter): ExportLineHandler {
  const writeRow = plainCopyRows(writer);
  return (line, start, end) => {
    if (line.toString("utf8", start, end) === "bad\n") throw new Error("an export line of another shape");
    writeRow(line, start, end);
  };
}

async function readAll(stream: ReadableStream<Uint8Array>) {
  let text = "";
  for await (const chunk of stream as unknown as AsyncIterable<Uint8Array>) text += decoder.decode(chunk, { stream: true });
  return text;
}

const manyRows = (count: number) =>
  Array.from({ length: count }, (_, i) => [`Cliente ${i} ${"x".repeat(80)}`, String(i).padStart(6, "0")]);

describe("csvResponseStream", () => {
  it("writes the BOM and header, then every line, neutralized and quoted", async () => {
    const { source, events } = fakeSource([
      ["Ação; Ltda", "PR"],
      ["=x", null],
      ["Linha\nnova", "tab\tno meio"],
    ]);
    const stream = csvResponseStream({ header: ["Cliente", "UF"], source, rowWriter: plainRows, delimiter: ";" });
    expect(await readAll(stream)).toBe('\uFEFFCliente;UF\r\n"Ação; Ltda";PR\r\n\'=x;\r\n"Linha\nnova";tab\tno meio\r\n');
    expect(events).toEqual(["close"]);
  });

  it("writes only the header when there are no rows", async () => {
    const { source } = fakeSource([]);
    const stream = csvResponseStream({ header: ["A", "B"], source, rowWriter: plainRows, delimiter: "," });
    expect(await readAll(stream)).toBe("\uFEFFA,B\r\n");
  });

  it("pauses the source while the client doesn't read, and resumes it as the client reads", async () => {
    const rows = manyRows(20_000); // ~2 MB of CSV: 30 chunks of 64 KB
    const { source, events, pushed } = fakeSource(rows, { perTick: 500 });
    const stream = csvResponseStream({ header: ["A", "B"], source, rowWriter: plainRows, delimiter: ";" });
    const reader = stream.getReader();
    for (let i = 0; i < 50; i++) await tick();
    // Four 64 KB chunks queued (~2,800 rows), plus the socket read in progress.
    expect(events[0]).toMatch(/^pause at/);
    expect(pushed()).toBeLessThan(4000);
    const whilePaused = pushed();
    for (let i = 0; i < 50; i++) await tick();
    expect(pushed(), "nothing is read while the client waits").toBe(whilePaused);
    let text = "";
    for (let chunk = await reader.read(); !chunk.done; chunk = await reader.read()) {
      text += decoder.decode(chunk.value, { stream: true });
    }
    expect(pushed()).toBe(rows.length);
    expect(events).toContain("resume");
    expect(text.split("\r\n").length).toBe(rows.length + 2);
    expect(text.endsWith(`;${String(rows.length - 1).padStart(6, "0")}\r\n`)).toBe(true);
  });

  it("closes the source when the reader cancels, and writes nothing more", async () => {
    const { source, events, pushed } = fakeSource(manyRows(20_000), { perTick: 500 });
    const stream = csvResponseStream({ header: ["A"], source, rowWriter: plainRows, delimiter: ";" });
    const reader = stream.getReader();
    await reader.read();
    await reader.read();
    await reader.cancel();
    const atCancel = pushed();
    for (let i = 0; i < 20; i++) await tick();
    expect(events.at(-1)).toBe("close");
    expect(events.filter((event) => event === "close")).toHaveLength(1);
    expect(pushed()).toBe(atCancel);
  });

  it("closes the source and ends the body when the request is aborted", async () => {
    const controller = new AbortController();
    const { source, events, pushed } = fakeSource(manyRows(20_000), { perTick: 500 });
    const stream = csvResponseStream({
      header: ["A"],
      source,
      rowWriter: plainRows,
      delimiter: ";",
      signal: controller.signal,
    });
    const reader = stream.getReader();
    await reader.read();
    controller.abort();
    let chunks = 0;
    while (!(await reader.read()).done) chunks++;
    expect(chunks).toBeLessThan(8);
    expect(events.filter((event) => event === "close")).toHaveLength(1);
    expect(pushed()).toBeLessThan(20_000);
  });

  it("writes only the header and closes the source for a request aborted already", async () => {
    const { source, events, pushed } = fakeSource(manyRows(10));
    const stream = csvResponseStream({
      header: ["A"],
      source,
      rowWriter: plainRows,
      delimiter: ";",
      signal: AbortSignal.abort(),
    });
    expect(await readAll(stream)).toBe("\uFEFFA\r\n");
    expect(events).toEqual(["close"]);
    expect(pushed()).toBe(0);
  });

  it("fails the download and logs when the source fails", async () => {
    allowConsoleErrors();
    const { source, events } = fakeSource(manyRows(100), { failAt: 60 });
    const stream = csvResponseStream({ header: ["A"], source, rowWriter: plainRows, delimiter: ";" });
    await expect(readAll(stream)).rejects.toThrow("connection lost");
    expect(events).toEqual(["close"]);
  });

  it("fails the download, logs and closes the source when a line can't be written", async () => {
    allowConsoleErrors();
    const { source, events } = fakeSource([["a"], ["bad"], ["c"]]);
    const stream = csvResponseStream({ header: ["A"], source, rowWriter: plainRows, delimiter: ";" });
    await expect(readAll(stream)).rejects.toThrow("another shape");
    expect(events).toEqual(["close"]);
  });
});
