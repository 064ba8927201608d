// Exportar: who may export, whose serials a file may hold, bad URLs, and a client that leaves
// in the middle of a download.
import { NextRequest } from "next/server";
import Papa from "papaparse";
import { beforeAll, describe, expect, it } from "vitest";
import { GET as exportManufacturer } from "@/app/api/fabricante/assinaturas/exportar/route";
import { GET as exportOwn } from "@/app/api/minhas-assinaturas/exportar/route";
import type { Database } from "@/lib/db/connection";
import { createAccount, createCustomer, createManufacturerWithStaff, createSubscription, createUser } from "../support/factories";
import { FILTER_FUZZ_CASES, fuzzQuery } from "../support/filter-fuzz";
import { signInAs } from "../support/next-runtime";
import { testDatabase, testDatabaseName } from "../support/test-database";

const MANUFACTURER_URL = "http://localhost/api/fabricante/assinaturas/exportar";
const OWN_URL = "http://localhost/api/minhas-assinaturas/exportar";
const HEADER_START = "\uFEFFCliente;CNPJ/CPF;Tipo;";

const decode = (bytes: ArrayBuffer) => new TextDecoder("utf-8", { ignoreBOM: true }).decode(bytes);

async function call(route: typeof exportManufacturer, url: string, init?: { signal?: AbortSignal }) {
  const response = await route(new NextRequest(url, init));
  return { response, text: decode(await response.arrayBuffer()) };
}

/** Serial numbers of a CSV export (column "Número de Série"). */
function serialsOf(text: string): string[] {
  const parsed = Papa.parse<string[]>(text.slice(1), { delimiter: ";", skipEmptyLines: true });
  expect(parsed.errors).toEqual([]);
  expect(parsed.data[0]![5]).toBe("Número de Série");
  return parsed.data.slice(1).map((row) => row[5]!);
}

let db: Database;
let world: Awaited<ReturnType<typeof buildWorld>>;

/** Two manufacturers; a lojista account that buys from both; another lojista. */
async function buildWorld() {
  const a = await createManufacturerWithStaff(db);
  const b = await createManufacturerWithStaff(db);
  const lojista = await createAccount(db, { kind: "LOJISTA", name: "Casa & Estilo Planejados" });
  const otherLojista = await createAccount(db, { kind: "LOJISTA", name: "Outra Loja" });
  const member = (accountId: string, profiles: ("RESPONSAVEL" | "ADMINISTRADOR" | "FABRICANTE" | "CONVIDADO")[]) =>
    createUser(db, { memberships: [{ accountId, profiles }] });
  const lojistaStaff = await member(lojista.id, ["RESPONSAVEL"]);
  const lojistaAdmin = await member(lojista.id, ["ADMINISTRADOR"]);
  const lojistaGuest = await member(lojista.id, ["CONVIDADO"]);
  const otherLojistaStaff = await member(otherLojista.id, ["RESPONSAVEL"]);
  // One user in a manufacturer and in the lojista account: the current account decides.
  const both = await createUser(db, {
    memberships: [
      { accountId: a.account.id, profiles: ["FABRICANTE"] },
      { accountId: lojista.id, profiles: ["RESPONSAVEL"] },
    ],
  });

  const serialsOf = async (manufacturerId: string, accountId: string | null, count: number) => {
    const customer = await createCustomer(db, manufacturerId, { accountId, name: `Cliente ${accountId ?? "avulso"}` });
    const serials = [];
    for (let i = 0; i < count; i++) serials.push((await createSubscription(db, customer)).serialNumber);
    return serials;
  };
  const aLojista = await serialsOf(a.account.id, lojista.id, 3);
  const aOthers = await serialsOf(a.account.id, null, 4);
  const bLojista = await serialsOf(b.account.id, lojista.id, 2);
  const bOthers = await serialsOf(b.account.id, otherLojista.id, 5);
  return {
    a,
    b,
    lojista,
    lojistaStaff,
    lojistaAdmin,
    lojistaGuest,
    otherLojistaStaff,
    both,
    aLojista,
    aOthers,
    bLojista,
    bOthers,
  };
}

beforeAll(async () => {
  db = await testDatabase();
  world = await buildWorld();
});

describe("who may export", () => {
  it("lets Responsável, Administrador and Fabricante of a manufacturer export, not a Convidado", async () => {
    const { a } = world;
    for (const user of [a.responsavel, a.administrador, a.fabricante]) {
      signInAs(user.id, { accountId: a.account.id });
      const { response, text } = await call(exportManufacturer, MANUFACTURER_URL);
      expect(response.status).toBe(200);
      expect(text.startsWith(HEADER_START)).toBe(true);
    }
    signInAs(a.convidado.id, { accountId: a.account.id });
    const refused = await exportManufacturer(new NextRequest(MANUFACTURER_URL));
    expect(refused.status).toBe(403);
    expect(await refused.json()).toEqual({
      error: { code: "FORBIDDEN", message: "Seu perfil nesta conta não permite esta operação." },
    });
  });

  it("answers 401 to nobody signed in, on both exports", async () => {
    signInAs(null);
    for (const [route, url] of [
      [exportManufacturer, MANUFACTURER_URL],
      [exportOwn, OWN_URL],
    ] as const) {
      const response = await route(new NextRequest(url));
      expect(response.status).toBe(401);
      expect(response.headers.get("content-type")).toContain("application/json");
    }
  });

  it("lets lojista staff export Minhas assinaturas, not a Convidado", async () => {
    const { lojista, lojistaStaff, lojistaAdmin, lojistaGuest } = world;
    for (const user of [lojistaStaff, lojistaAdmin]) {
      signInAs(user.id, { accountId: lojista.id });
      expect((await exportOwn(new NextRequest(OWN_URL))).status).toBe(200);
    }
    signInAs(lojistaGuest.id, { accountId: lojista.id });
    expect((await exportOwn(new NextRequest(OWN_URL))).status).toBe(403);
  });

  it("keeps each export to its kind of account: the current account decides", async () => {
    const { a, lojista, both } = world;
    signInAs(both.id, { accountId: lojista.id });
    expect((await exportManufacturer(new NextRequest(MANUFACTURER_URL))).status).toBe(403);
    expect((await exportOwn(new NextRequest(OWN_URL))).status).toBe(200);
    signInAs(both.id, { accountId: a.account.id });
    expect((await exportOwn(new NextRequest(OWN_URL))).status).toBe(403);
    expect((await exportManufacturer(new NextRequest(MANUFACTURER_URL))).status).toBe(200);
  });
});

describe("whose serials a file holds", () => {
  it("gives a manufacturer exactly its own serials, whatever the filters", async () => {
    const { a, b, aLojista, aOthers, bLojista, bOthers } = world;
    signInAs(a.fabricante.id, { accountId: a.account.id });
    const { text } = await call(exportManufacturer, MANUFACTURER_URL);
    expect(serialsOf(text).sort()).toEqual([...aLojista, ...aOthers].sort());
    for (const query of [`?serie=${bOthers[0]}`, `?cliente=${encodeURIComponent("Cliente")}`, "?status=ATIVA&status=EXPIRADA"]) {
      const filtered = serialsOf((await call(exportManufacturer, `${MANUFACTURER_URL}${query}`)).text);
      for (const foreign of [...bLojista, ...bOthers]) expect(filtered, query).not.toContain(foreign);
    }
    // Asking for another account by cookie falls back to the user's own account.
    signInAs(a.fabricante.id, { accountId: b.account.id });
    expect(serialsOf((await call(exportManufacturer, MANUFACTURER_URL)).text).sort()).toEqual([...aLojista, ...aOthers].sort());
  });

  it("gives a lojista its own serials across manufacturers, and nobody else's", async () => {
    const { lojista, lojistaStaff, otherLojistaStaff, aLojista, bLojista, bOthers } = world;
    signInAs(lojistaStaff.id, { accountId: lojista.id });
    const { response, text } = await call(exportOwn, OWN_URL);
    expect(serialsOf(text).sort()).toEqual([...aLojista, ...bLojista].sort());
    expect(response.headers.get("content-disposition")).toContain("assinaturas-casa-estilo-planejados-");
    signInAs(otherLojistaStaff.id);
    expect(serialsOf((await call(exportOwn, OWN_URL)).text).sort()).toEqual([...bOthers].sort());
  });
});

describe("bad input", () => {
  it(`answers every one of the ${FILTER_FUZZ_CASES.length} fuzzed filter URLs with a CSV, never a 500`, async () => {
    expect(FILTER_FUZZ_CASES.length).toBeGreaterThanOrEqual(200);
    const { a } = world;
    signInAs(a.fabricante.id, { accountId: a.account.id });
    const failures: string[] = [];
    for (const fuzz of FILTER_FUZZ_CASES) {
      const query = fuzzQuery(fuzz);
      const { response, text } = await call(exportManufacturer, `${MANUFACTURER_URL}${query}`);
      if (response.status !== 200 || !text.startsWith(HEADER_START)) {
        failures.push(`${response.status} ${query.slice(0, 120)}`);
      }
    }
    expect(failures).toEqual([]);
  });

  it("refuses an unknown delimiter with 400 and a message in Portuguese", async () => {
    const { a } = world;
    signInAs(a.fabricante.id, { accountId: a.account.id });
    for (const delimiter of ["%7C", "tab", "%3B%3B", "%09", "x".repeat(300)]) {
      const response = await exportManufacturer(new NextRequest(`${MANUFACTURER_URL}?delimitador=${delimiter}`));
      expect(response.status, delimiter).toBe(400);
      const message = "Delimitador inválido. Use ; (ponto e vírgula, o padrão) ou , (vírgula).";
      expect(await response.json()).toEqual({
        error: { code: "VALIDATION", message, fieldErrors: { delimitador: [message] } },
      });
    }
    const repeated = await exportManufacturer(new NextRequest(`${MANUFACTURER_URL}?delimitador=%3B&delimitador=%2C`));
    expect(repeated.status).toBe(400);
    for (const accepted of ["", "?delimitador=", "?delimitador=%3B", "?delimitador=%2C"]) {
      expect((await exportManufacturer(new NextRequest(`${MANUFACTURER_URL}${accepted}`))).status, accepted).toBe(200);
    }
  });

  it("refuses the delimiter only after the permission check (a Convidado learns nothing)", async () => {
    const { a } = world;
    signInAs(a.convidado.id, { accountId: a.account.id });
    expect((await exportManufacturer(new NextRequest(`${MANUFACTURER_URL}?delimitador=x`))).status).toBe(403);
  });
});

describe("a client that leaves mid-download", () => {
  it("stops reading rows when the request is aborted, and leaves no query running", async () => {
    const { a } = world;
    const customer = await createCustomer(db, a.account.id, { name: "Zeta Lote Grande" });
    await db.sql.query(
      `INSERT INTO subscriptions (serial_number, manufacturer_id, customer_id, product, plan, started_at, expires_at, status)
       SELECT 'ABORT-' || lpad(g::text, 6, '0'), $1, $2, 'Projetista 3D Pro', 'ANUAL', now(), now() + interval '1 year', 'ATIVA'
         FROM generate_series(1, 9000) g`,
      [a.account.id, customer.id],
    );
    signInAs(a.fabricante.id, { accountId: a.account.id });
    const controller = new AbortController();
    const response = await exportManufacturer(new NextRequest(MANUFACTURER_URL, { signal: controller.signal }));
    const reader = response.body!.getReader();
    const first = await reader.read();
    expect(first.done).toBe(false);
    controller.abort();
    let bytes = first.value!.byteLength;
    for (let chunk = await reader.read(); !chunk.done; chunk = await reader.read()) bytes += chunk.value.byteLength;
    // The header and the few chunks queued for the client: far from 9,000 rows.
    const full = (await call(exportManufacturer, MANUFACTURER_URL)).text.length;
    expect(bytes).toBeLessThan(full / 2);
    await expectNoExportQueryRunning();
  });

  it("stops reading rows when the reader cancels the stream, and leaves no query running", async () => {
    const { a } = world;
    signInAs(a.fabricante.id, { accountId: a.account.id });
    const response = await exportManufacturer(new NextRequest(MANUFACTURER_URL));
    const reader = response.body!.getReader();
    await reader.read();
    await reader.cancel();
    await expectNoExportQueryRunning();
  });
});

/** No backend of this test's database is running a statement or sitting in a transaction. */
async function expectNoExportQueryRunning() {
  let busy: unknown[] = [];
  for (let attempt = 0; attempt < 20; attempt++) {
    busy = await db.sql.query(
      `SELECT state, left(query, 60) AS query FROM pg_stat_activity
        WHERE datname = $1 AND pid <> pg_backend_pid() AND (state <> 'idle' OR xact_start IS NOT NULL)`,
      [testDatabaseName()],
    );
    if (busy.length === 0) return;
    await new Promise((resolve) => setTimeout(resolve, 50));
  }
  expect(busy).toEqual([]);
}
