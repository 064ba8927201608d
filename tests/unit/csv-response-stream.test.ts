import { describe, expect, it } from "vitest";
import { csvResponseStream } from "@/lib/export/csv-response-stream";
import { allowConsoleErrors } from "../support/fail-on-console-error";

const decoder = new TextDecoder("utf-8", { ignoreBOM: true });

async function* batches(list: string[][][], events: string[], failAt?: number) {
  try {
    for (const [index, batch] of list.entries()) {
      if (index === failAt) throw new Error("connection lost");
      events.push(`read ${index}`);
      yield batch;
    }
  } finally {
    events.push("closed");
  }
}

async function readAll(stream: ReadableStream<Uint8Array>) {
  let text = "";
  for await (const chunk of stream as unknown as AsyncIterable<Uint8Array>) text += decoder.decode(chunk, { stream: true });
  return text;
}

describe("csvResponseStream", () => {
  it("writes the BOM and header, then every batch as it is read", async () => {
    const events: string[] = [];
    const stream = csvResponseStream({
      header: ["Cliente", "UF"],
      first: [["Ação; Ltda", "PR"]],
      rest: batches([[["=x", "SC"]], [["B", "SP"]]], events),
      toCells: (row) => row,
      delimiter: ";",
    });
    expect(await readAll(stream)).toBe('\uFEFFCliente;UF\r\n"Ação; Ltda";PR\r\n\'=x;SC\r\nB;SP\r\n');
    expect(events).toEqual(["read 0", "read 1", "closed"]);
  });

  it("writes only the header when there are no rows", async () => {
    const stream = csvResponseStream({
      header: ["A", "B"],
      first: [],
      rest: batches([], []),
      toCells: (row) => row,
      delimiter: ",",
    });
    expect(await readAll(stream)).toBe("\uFEFFA,B\r\n");
  });

  it("closes the batches when the reader cancels", async () => {
    const events: string[] = [];
    const stream = csvResponseStream({
      header: ["A"],
      first: [["1"]],
      rest: batches([[["2"]], [["3"]], [["4"]]], events),
      toCells: (row) => row,
      delimiter: ";",
    });
    const reader = stream.getReader();
    while (!events.includes("read 0")) await reader.read();
    await reader.cancel();
    await new Promise((resolve) => setTimeout(resolve, 10));
    expect(events.at(-1)).toBe("closed");
    expect(events).not.toContain("read 2");
  });

  it("fails the download and logs when a batch can't be read", async () => {
    allowConsoleErrors();
    const stream = csvResponseStream({
      header: ["A"],
      first: [["1"]],
      rest: batches([[["2"]], [["3"]]], [], 1),
      toCells: (row) => row,
      delimiter: ";",
    });
    await expect(readAll(stream)).rejects.toThrow("connection lost");
  });
});
