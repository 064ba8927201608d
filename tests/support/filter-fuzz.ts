// Bad search params for anything that parses the subscription filters from a URL (the list page,
// the CSV export): every one must be answered normally — ignored, never a 500. Each case is a
// query as URLSearchParams sees it (a repeated key is an array); `fuzzQuery` turns it into a URL's
// query string.

export type FuzzCase = Record<string, string | string[]>;

const FILTER_KEYS = [
  "cliente",
  "serie",
  "maquina",
  "produto",
  "status",
  "situacao",
  "expiraDe",
  "expiraAte",
  "trocas",
  "ordem",
  "pagina",
  "porPagina",
] as const;

/** Values that are wrong for at least one key, tried on every key. */
const BAD_VALUES: string[] = [
  "",
  " ",
  "a",
  "ab",
  "x".repeat(10_000),
  "ção".repeat(3_400),
  "' OR 1=1 --",
  "'; DROP TABLE subscriptions; --",
  '" OR ""="',
  "%",
  "%%%",
  "_",
  "\\",
  "\\%_",
  ".*",
  "(a+)+$",
  "[",
  "$1",
  "abc\u0000def",
  "\u0000\u0000\u0000",
  "😀😀😀",
  "Ação Çñü",
  "\u202e\u202dabc",
  "\r\n\r\n",
  '=HYPERLINK("http://x")',
  "<script>alert(1)</script>",
  "-1",
  "0",
  "1e9",
  "NaN",
  "Infinity",
  "9".repeat(400),
  "2026-02-30",
  "2026-13-01",
  "0000-01-01",
  "99999-01-01",
  "26/11/2026",
  "true",
  "null",
  "undefined",
  "[object Object]",
  "__proto__",
];

/** Values aimed at one key. */
const TARGETED: FuzzCase[] = [
  { status: "ativa" },
  { status: "EXPIRED" },
  { status: ["ATIVA", "ATIVA", "ATIVA"] },
  { status: ["ATIVA", "nope", "TOLERANCIA", ""] },
  { status: Array.from({ length: 200 }, (_, i) => `S${i}`) },
  { situacao: ["SUSPENSA", "CANCELADA", "bogus"] },
  { situacao: "TOLERANCIA'--" },
  { pagina: "-5" },
  { pagina: "1.5" },
  { pagina: "0x10" },
  { pagina: "100001" },
  { pagina: "999999999999999999999" },
  { pagina: ["2", "3"] },
  { porPagina: "1000000" },
  { porPagina: "-25" },
  { porPagina: "25.0" },
  { ordem: "cliente; DROP TABLE x" },
  { ordem: ["vencimento", "trocas"] },
  { trocas: "2" },
  { trocas: ["1", "0"] },
  { expiraDe: "2026-01-01", expiraAte: "2025-01-01" },
  { expiraDe: "1899-12-31" },
  { expiraAte: "3000-01-01" },
  { expiraDe: "2026-01-01T00:00:00Z" },
  { expiraDe: ["2026-01-01", "garbage"] },
  { cliente: ["abc", "def"] },
  { cliente: "   abc   " },
  { serie: "----" },
  { serie: "%%%%" },
  { maquina: "%_\\" },
  { produto: "x".repeat(121) },
  { unknown: "1" },
  { "": "empty key" },
  { "status[]": "ATIVA" },
  { "__proto__[x]": "1" },
  { constructor: "1", toString: "1", hasOwnProperty: "1" },
];

function everyKeyWithEveryValue(): FuzzCase[] {
  return FILTER_KEYS.flatMap((key) => BAD_VALUES.map((value) => ({ [key]: value })));
}

function everyKeyAtOnce(): FuzzCase[] {
  return BAD_VALUES.map((value) => Object.fromEntries(FILTER_KEYS.map((key) => [key, value])));
}

export const FILTER_FUZZ_CASES: FuzzCase[] = [...everyKeyWithEveryValue(), ...everyKeyAtOnce(), ...TARGETED];

/** "?key=value&…" for one case (arrays become repeated keys). */
export function fuzzQuery(fuzz: FuzzCase): string {
  const query = new URLSearchParams();
  for (const [key, value] of Object.entries(fuzz)) {
    for (const item of Array.isArray(value) ? value : [value]) query.append(key, item);
  }
  return `?${query.toString()}`;
}
