// The Exportar round trip, run on each database the app runs on (export-roundtrip.test.ts on
// PostgreSQL, export-roundtrip-pglite.test.ts on embedded PGlite): the CSV is parsed with papaparse
// and compared row by row with what the database holds for the serials the list's filters select —
// names with ;, ", line breaks, accents and formula-looking starts included.
import { NextRequest } from "next/server";
import { beforeAll, describe, expect, it } from "vitest";
import { GET } from "@/app/api/fabricante/assinaturas/exportar/route";
import type { Database } from "@/lib/db/connection";
import { searchParamsToObject } from "@/lib/http/define-route";
import {
  buildFixture,
  createManySerials,
  DAY,
  expectedRow,
  HEADER,
  listSelection,
  parseCsv,
  serialsInListOrder,
  type Fixture,
} from "./export-fixture";
import { signInAs } from "./next-runtime";
import { testDatabase } from "./test-database";

const URL_BASE = "http://localhost/api/fabricante/assinaturas/exportar";

/** The export as a spreadsheet gets it, from the route handler. */
export async function download(query: string) {
  const response = await GET(new NextRequest(`${URL_BASE}${query}`));
  // Response.text() would drop the BOM; the file's bytes are what a spreadsheet sees.
  const text = new TextDecoder("utf-8", { ignoreBOM: true, fatal: true }).decode(await response.arrayBuffer());
  return { response, text };
}

/** The round trip's tests, on the database the app opens (getDatabase). */
export function exportRoundTripSuite() {
  let db: Database;
  let fixture: Fixture;

  beforeAll(async () => {
    db = await testDatabase();
    fixture = await buildFixture(db);
  });

  function signInFabricante() {
    signInAs(fixture.staff.fabricante.id, { accountId: fixture.manufacturer.id });
  }

  describe("Exportar round trip", () => {
    const scope = () =>
      ({ kind: "manufacturer", accountId: fixture.manufacturer.id, graceDays: fixture.manufacturer.graceDays }) as const;

    it.each([
      ["no filter", ""],
      ["status Expirada", "?status=EXPIRADA"],
      ["status Período de Tolerância", "?status=TOLERANCIA"],
      ["situations Suspensa + Cancelada", "?situacao=SUSPENSA&situacao=CANCELADA"],
      ["customer search without accents", "?cliente=ponto%20e%20virgula"],
      ["recent swaps", "?trocas=1"],
      ["product", "?produto=Cozinhas%20Express"],
      ["expiry range", `?expiraDe=${formatIso(-45)}&expiraAte=${formatIso(0)}`],
      ["machine name", "?maquina=cmd"],
      ["paging and sorting are ignored", "?pagina=3&porPagina=10&ordem=vencimento"],
    ])("matches the database row by row: %s", async (_label, query) => {
      signInFabricante();
      const { response, text } = await download(query);
      expect(response.status).toBe(200);
      const { header, rows } = parseCsv(text);
      expect(header).toEqual(HEADER);

      const now = new Date();
      const selection = await listSelection(db, scope(), searchParamsToObject(new URLSearchParams(query)), now);
      expect(selection.length, "the filter selects something").toBeGreaterThan(0);
      const expected = await Promise.all(selection.map((id) => expectedRow(db, id, now)));
      expect(rows).toEqual(expected);
    });

    it("keeps the tricky names intact and neutralizes formula-looking cells", async () => {
      signInFabricante();
      const { rows } = parseCsv((await download("")).text);
      const names = rows.map((row) => row[0]);
      for (const name of [
        "Loja; Ponto e Vírgula",
        'Aspas "Duplas" Planejados',
        "Quebra\nde Linha Móveis",
        "Ação Çedilha Êxito Ltda",
      ]) {
        expect(names).toContain(name);
      }
      expect(names).toContain(`'=HYPERLINK("http://mal.test","clique")`);
      expect(names).toContain("'+55 Móveis");
      expect(names).toContain("'-Traço Inicial");
      expect(names).toContain("'@Arroba Planejados");
      expect(names).toContain("'\tTabulação Inicial");
      expect(names).toContain(`Ângela ; "=1+1"\r\nFim`);
      const swapped = rows.find((row) => row[5] === fixture.serials.swapped.serialNumber)!;
      expect(swapped[12]).toBe("'=cmd|' /C calc'!A0");
      expect(swapped[15]).toBe("2");
      const suspended = rows.find((row) => row[5] === fixture.serials.suspended.serialNumber)!;
      expect(suspended.slice(8, 12)).toEqual([
        "Expirada",
        "Suspensa pelo Fabricante",
        "Inadimplência; 2 boletos",
        'Boletos de 03/2026; e 04/2026\n"em aberto"',
      ]);
      expect(suspended[19]).toBe("Pausada");
      const cancelled = rows.find((row) => row[5] === fixture.serials.cancelled.serialNumber)!;
      expect(cancelled[10]).toBe("'=Deixou de ser cliente");
      const tolerance = rows.find((row) => row[5] === fixture.serials.tolerance.serialNumber)!;
      expect(tolerance.slice(8, 10)).toEqual(["Período de Tolerância", "Expira definitivamente em 7 dias"]);
      const released = rows.find((row) => row[5] === fixture.serials.released.serialNumber)!;
      expect(released.slice(10, 12)).toEqual(["", ""]);
      const pending = rows.find((row) => row[5] === fixture.serials.pending.serialNumber)!;
      expect(pending.slice(1, 3)).toEqual(["529.982.247-25", "Profissional liberal"]);
      expect(rows.flat().join("")).not.toContain(fixture.foreignSerial.serialNumber);
    });

    it("writes dates as dd/mm/aaaa in São Paulo and quotes only the fields that need it", async () => {
      signInFabricante();
      const { text } = await download("");
      const { rows } = parseCsv(text);
      for (const row of rows) {
        for (const index of [13, 14, 16, 17, 18]) expect(row[index]).toMatch(/^$|^\d{2}\/\d{2}\/\d{4}$/);
      }
      const line = text.split("\r\n").find((candidate) => candidate.includes(fixture.serials.active.serialNumber))!;
      expect(line.startsWith("Loja; Ponto")).toBe(false);
      expect(line.startsWith('"Loja; Ponto e Vírgula";')).toBe(true);
      expect(line).toContain(`;${fixture.serials.active.serialNumber};Projetista 3D Pro;Anual;Ativa;Ativa;;;Estação Ção 01;`);
    });

    it("uses , when asked, with the same rows", async () => {
      signInFabricante();
      const semicolon = parseCsv((await download("")).text);
      const { response, text } = await download("?delimitador=%2C");
      expect(response.status).toBe(200);
      expect(text.split("\r\n")[0]).toBe(`\uFEFF${HEADER.join(",")}`);
      expect(parseCsv(text, ",")).toEqual(semicolon);
    });

    it("has the header row, and only it, when nothing matches", async () => {
      signInFabricante();
      const { response, text } = await download("?serie=NAO-EXISTE-NUNCA");
      expect(response.status).toBe(200);
      expect(text).toBe(`\uFEFF${HEADER.join(";")}\r\n`);
    });

    it("names the file after the account and today's date, and sends it as an attachment", async () => {
      signInFabricante();
      const { response } = await download("");
      const today = new Intl.DateTimeFormat("en-CA", { timeZone: "America/Sao_Paulo" }).format(new Date());
      expect(response.headers.get("content-type")).toBe("text/csv; charset=utf-8");
      expect(response.headers.get("content-disposition")).toBe(
        `attachment; filename="assinaturas-moveis-sao-joao-cia-${today}.csv"; ` +
          `filename*=UTF-8''assinaturas-moveis-sao-joao-cia-${today}.csv`,
      );
      expect(response.headers.get("cache-control")).toBe("no-store");
    });

    it("speaks the user's language: English headers and labels for an English session", async () => {
      signInAs(fixture.staff.fabricante.id, { accountId: fixture.manufacturer.id, locale: "en" });
      const { header, rows } = parseCsv((await download("?situacao=SUSPENSA")).text);
      expect(header![0]).toBe("Customer");
      expect(rows[0]!.slice(8, 10)).toEqual(["Expired", "Suspended by the manufacturer"]);
    });
  });

  describe("Exportar of many rows", () => {
    it("streams every serial in the list's order, same as one big read", async () => {
      const { staff, scope } = await createManySerials(db, 4500);
      signInAs(staff.fabricante.id, { accountId: staff.account.id });
      const { response, text } = await download("");
      expect(response.status).toBe(200);
      const { rows } = parseCsv(text);
      expect(rows).toHaveLength(4500);
      expect(rows.map((row) => row[5])).toEqual(await serialsInListOrder(db, scope));
    });
  });
}

function formatIso(offsetDays: number): string {
  return new Intl.DateTimeFormat("en-CA", { timeZone: "America/Sao_Paulo" }).format(new Date(Date.now() + offsetDays * DAY));
}
