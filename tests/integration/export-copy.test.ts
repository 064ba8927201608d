// The export's PostgreSQL path (one COPY … TO STDOUT per export): its lines are the ones the
// PGlite path writes, a refused statement is an error before any byte, and a client that leaves
// stops the statement, closes its connection and leaves the pool whole.
import net from "node:net";
import { NextRequest } from "next/server";
import { beforeAll, describe, expect, it } from "vitest";
import { GET } from "@/app/api/fabricante/assinaturas/exportar/route";
import { copyTextLine } from "@/lib/csv/copy-text";
import { openSubscriptionExport } from "@/lib/data/subscription-export";
import { EXPORT_CONNECTIONS, openCopyExport } from "@/lib/data/subscription-export-copy";
import type { Database } from "@/lib/db/connection";
import { parseSubscriptionFilters } from "@/lib/validation/subscription-filters";
import { createManySerials } from "../support/export-fixture";
import { allowConsoleErrors } from "../support/fail-on-console-error";
import { signInAs } from "../support/next-runtime";
import { testDatabase, testDatabaseName } from "../support/test-database";

let db: Database;
let url: string;

beforeAll(async () => {
  db = await testDatabase();
  url = process.env.DATABASE_URL!;
});

/** Every line of a COPY of `select`, as text. */
async function copyLines(select: string, values: unknown[] = []): Promise<string[]> {
  const source = await openCopyExport(url, select, values);
  const lines: string[] = [];
  source.start((bytes, start, end) => lines.push(bytes.toString("utf8", start, end)));
  await source.finished;
  return lines;
}

/** Backends of the test database running a COPY, other than this one. */
async function runningCopies(): Promise<{ pid: number; state: string }[]> {
  return db.sql.query(
    `SELECT pid, state FROM pg_stat_activity
      WHERE datname = $1 AND pid <> pg_backend_pid() AND query LIKE 'COPY (%'`,
    [testDatabaseName()],
  );
}

async function waitFor<T>(probe: () => Promise<T>, done: (value: T) => boolean, timeoutMs = 10_000): Promise<T> {
  const deadline = Date.now() + timeoutMs;
  for (;;) {
    const value = await probe();
    if (done(value) || Date.now() > deadline) return value;
    await new Promise((resolve) => setTimeout(resolve, 20));
  }
}

describe("COPY lines", () => {
  it("are the lines the PGlite path writes, for every kind of value", async () => {
    const values = [
      "Ação; Ltda",
      'Aspas "Duplas"',
      "Quebra\nde linha\r\nCRLF",
      "\tTab inicial e \\ barra",
      "\\N",
      "\b\f\v\u0001",
      " espaços ",
      "\uFEFFBOM 😀 中文",
      "",
      null,
    ];
    const select = `SELECT ${values.map((_, i) => `$${i + 1}::text`).join(", ")},
                           date_part('epoch', timestamptz '2026-11-26 12:34:56.789123+00') * 1000,
                           date_part('epoch', timestamptz '1969-12-31 23:59:59.5+00') * 1000, 15::int`;
    const lines = await copyLines(select, values);
    expect(lines).toEqual([copyTextLine([...values, 1795696496789.123, -500, 15])]);
  });

  it("bind every kind of parameter as a literal: quotes, backslashes, dates, numbers", async () => {
    const values = ['O\'Brien \\ "x" $1', new Date("2026-11-26T03:00:00.000Z"), 42.5, null];
    const lines = await copyLines("SELECT $1::text, $2::timestamptz = '2026-11-26T03:00:00Z', $3::float8, $4::text", values);
    expect(lines).toEqual(['O\'Brien \\\\ "x" $1\tt\t42.5\t\\N\n']);
  });
});

describe("a statement PostgreSQL refuses", () => {
  it("run in UTC, like every other connection (the swaps' 30 days are the list's)", async () => {
    expect(await copyLines("SELECT current_setting('TimeZone')")).toEqual(["UTC\n"]);
  });

  it("is an error before any byte of the file, and gives its connection back", async () => {
    const { filters } = parseSubscriptionFilters({});
    const scope = { kind: "manufacturer", accountId: "nao-e-um-uuid", graceDays: 15 } as const;
    for (let i = 0; i <= EXPORT_CONNECTIONS; i++) {
      await expect(openSubscriptionExport(scope, filters, { now: new Date() })).rejects.toMatchObject({ code: "22P02" });
    }
    expect(await copyLines("SELECT 1")).toEqual(["1\n"]);
  });

  it("is a 500 JSON answer with a request id from the route, not a cut file", async () => {
    allowConsoleErrors();
    const { staff } = await createManySerials(db, 10);
    signInAs(staff.fabricante.id, { accountId: staff.account.id });
    // A column only the export reads goes missing: PostgreSQL refuses the COPY at once.
    await db.sql.query("ALTER TABLE activations RENAME COLUMN machine_name TO machine_name_gone");
    try {
      const response = await GET(new NextRequest("http://localhost/api/fabricante/assinaturas/exportar"));
      expect(response.status).toBe(500);
      expect(response.headers.get("content-type")).toContain("application/json");
      const body = (await response.json()) as { error: { code: string; requestId: string } };
      expect(body.error.code).toBe("INTERNAL");
      expect(body.error.requestId).toBeTruthy();
    } finally {
      await db.sql.query("ALTER TABLE activations RENAME COLUMN machine_name_gone TO machine_name");
    }
  });
});

describe("a client that leaves mid-download", () => {
  it("cancels the COPY, closes its connection (never reused) and leaves the pool whole", async () => {
    const { staff } = await createManySerials(db, 150_000);
    signInAs(staff.fabricante.id, { accountId: staff.account.id });
    const controller = new AbortController();
    const response = await GET(
      new NextRequest("http://localhost/api/fabricante/assinaturas/exportar", { signal: controller.signal }),
    );
    expect(response.status).toBe(200);
    const reader = response.body!.getReader();
    let bytes = (await reader.read()).value!.byteLength;
    bytes += (await reader.read()).value!.byteLength;
    // The client stops reading: the stream pauses the socket, PostgreSQL waits to send.
    const [copy] = await waitFor(runningCopies, (rows) => rows.length > 0 && rows[0]!.state === "active");
    expect(copy, "the COPY is running when the client leaves").toMatchObject({ state: "active" });

    const abortedAt = Date.now();
    controller.abort();
    const left = await waitFor(
      () => db.sql.query("SELECT pid FROM pg_stat_activity WHERE pid = $1", [copy!.pid]),
      (rows) => rows.length === 0,
    );
    expect(left, "the backend is gone, not idle in the pool").toEqual([]);
    expect(Date.now() - abortedAt).toBeLessThan(5000);
    for (let chunk = await reader.read(); !chunk.done; chunk = await reader.read()) bytes += chunk.value.byteLength;
    expect(bytes, "far from the whole file").toBeLessThan(5_000_000);
    expect(await runningCopies()).toEqual([]);

    // Every connection of the pool can be had again at once (a leaked one would wait 60 s).
    const exports = Array.from({ length: EXPORT_CONNECTIONS }, () => copyLines("SELECT pg_sleep(0.2), 1"));
    expect(await Promise.all(exports)).toEqual(Array.from({ length: EXPORT_CONNECTIONS }, () => ["\t1\n"]));
  }, 60_000);
});

describe("a client that stops reading", () => {
  it("fails the download after the stall limit and gives the connection back", async () => {
    const source = await openCopyExport(url, "SELECT g FROM generate_series(1, 300000) g", [], { stallLimitMs: 300 });
    let lines = 0;
    source.start(() => {
      lines++;
      if (lines === 1000) source.pause(); // and never resume
    });
    await expect(source.finished).rejects.toThrow(/read nothing for 0.3 s/);
    expect(lines).toBeLessThan(300_000);
    expect((await runningCopies()).filter((copy) => copy.state === "active")).toEqual([]);
    const exports = Array.from({ length: EXPORT_CONNECTIONS }, () => copyLines("SELECT 1"));
    expect(await Promise.all(exports)).toEqual(Array.from({ length: EXPORT_CONNECTIONS }, () => ["1\n"]));
  });

  it("keeps going when it reads again before the limit", async () => {
    const source = await openCopyExport(url, "SELECT g FROM generate_series(1, 50000) g", [], { stallLimitMs: 2000 });
    let lines = 0;
    source.start(() => {
      lines++;
      if (lines === 1000) {
        source.pause();
        setTimeout(() => source.resume(), 300);
      }
    });
    await source.finished;
    expect(lines).toBe(50_000);
  });
});

describe("a connection lost without a word from PostgreSQL", () => {
  it("fails the export, not the process", async () => {
    allowConsoleErrors();
    // A proxy between the portal and PostgreSQL that drops both sides mid-export (network reset,
    // failover): node-pg sees the socket close with no ErrorResponse first.
    const sockets: net.Socket[] = [];
    const target = new URL(url);
    const proxy = net.createServer((client) => {
      const upstream = net.connect(Number(target.port || 5432), target.hostname);
      client.pipe(upstream).pipe(client);
      for (const socket of [client, upstream]) {
        socket.on("error", () => undefined);
        sockets.push(socket);
      }
    });
    await new Promise<void>((resolve) => proxy.listen(0, "127.0.0.1", resolve));
    const viaProxy = new URL(url);
    viaProxy.hostname = "127.0.0.1";
    viaProxy.port = String((proxy.address() as net.AddressInfo).port);
    const uncaught: unknown[] = [];
    const onUncaught = (error: unknown) => uncaught.push(error);
    process.on("uncaughtException", onUncaught);
    try {
      const source = await openCopyExport(
        viaProxy.toString(),
        "SELECT g, pg_sleep(CASE WHEN g % 1000 = 0 THEN 0.05 ELSE 0 END) FROM generate_series(1, 200000) g",
        [],
      );
      let lines = 0;
      source.start(() => {
        lines++;
        if (lines === 2000) for (const socket of sockets) socket.destroy();
      });
      await expect(source.finished).rejects.toThrow(/terminated|closed|ECONNRESET/i);
      await new Promise((resolve) => setTimeout(resolve, 100));
      expect(uncaught).toEqual([]);
    } finally {
      process.off("uncaughtException", onUncaught);
      await new Promise((resolve) => proxy.close(resolve));
    }
  }, 30_000);
});
