// Which serials the demo creates: a fixed list per manufacturer guaranteeing that every situation
// of DESIGN.md's status table (and every history feature) shows up several times, topped up with
// random ones in realistic proportions.
import type { Random } from "./random";
import type { SerialSpec } from "./demo-serial-history";

const times = (count: number, spec: SerialSpec): SerialSpec[] => Array.from({ length: count }, () => ({ ...spec }));

/** The lojista's own customer row in a manufacturer: one of everything it can see. */
export function linkedCustomerSpecs(graceDays: number, complete: boolean): SerialSpec[] {
  const core: SerialSpec[] = [
    { situation: "ATIVA", plan: "ANUAL" },
    { situation: "ATIVA", recentSwaps: 2 },
    { situation: "TOLERANCIA", toleranceDaysAgo: 1 },
    { situation: "TOLERANCIA", toleranceDaysAgo: graceDays - 1 },
    { situation: "EXPIRADA" },
    { situation: "PENDENTE" },
    { situation: "SUSPENSA", reason: "Pendência financeira", suspendedUntil: true },
    { situation: "CANCELADA", reason: "Lojista deixou de ser cliente" },
  ];
  if (!complete) return core;
  return [
    ...core,
    { situation: "ATIVA", plan: "MENSAL" },
    { situation: "ATIVA", oldSwaps: 2 },
    { situation: "ATIVA", released: "USER" },
    { situation: "ATIVA", deactivation: "FABRICANTE", reactivate: true },
    { situation: "TOLERANCIA", toleranceDaysAgo: 5 },
    { situation: "EXPIRADA", deactivation: "DESKTOP" },
    { situation: "SUSPENSA", reason: "Violação de contrato" },
    { situation: "CANCELADA", reason: "Fraude", origin: "SUSPENSA" },
  ];
}

/** Guaranteed serials for the other customers of a manufacturer; `full` for the main one. */
export function guaranteedSpecs(graceDays: number, full: boolean): SerialSpec[] {
  const tolerance = [1, 2, 3, 5, 7, 10, 12, 14].filter((days) => days < graceDays);
  if (!full) {
    return [
      { situation: "TOLERANCIA", toleranceDaysAgo: tolerance[0] },
      { situation: "TOLERANCIA", toleranceDaysAgo: tolerance[tolerance.length - 1] },
      { situation: "EXPIRADA" },
      { situation: "PENDENTE" },
      { situation: "SUSPENSA", reason: "Violação de contrato" },
      { situation: "CANCELADA", reason: "Encerramento de contrato" },
      { situation: "ATIVA", recentSwaps: 3 },
      { situation: "ATIVA", oldSwaps: 1 },
    ];
  }
  return [
    ...tolerance.map((days): SerialSpec => ({ situation: "TOLERANCIA", toleranceDaysAgo: days })),
    { situation: "TOLERANCIA", toleranceDaysAgo: 3, recentSwaps: 2 },
    ...times(4, { situation: "EXPIRADA" }),
    { situation: "EXPIRADA", deactivation: "DESKTOP" },
    ...times(4, { situation: "PENDENTE" }),
    ...["Pendência financeira", "Violação de contrato", "Solicitação do lojista", "Outro"].flatMap((reason): SerialSpec[] => [
      { situation: "SUSPENSA", reason },
      { situation: "SUSPENSA", reason, suspendedUntil: reason !== "Outro" },
    ]),
    { situation: "SUSPENSA", origin: "PENDENTE", reason: "Pendência financeira" },
    ...["Lojista deixou de ser cliente", "Fraude", "Encerramento de contrato", "Outro"].flatMap((reason): SerialSpec[] => [
      { situation: "CANCELADA", reason },
      { situation: "CANCELADA", reason, origin: reason === "Fraude" ? "SUSPENSA" : "ATIVA", deactivation: "FABRICANTE" },
    ]),
    { situation: "CANCELADA", origin: "SUSPENSA", reason: "Lojista deixou de ser cliente" },
    { situation: "CANCELADA", origin: "PENDENTE", reason: "Encerramento de contrato" },
    ...[2, 3, 4, 2, 3].map((recentSwaps): SerialSpec => ({ situation: "ATIVA", recentSwaps })),
    ...[1, 2, 3, 2].map((oldSwaps): SerialSpec => ({ situation: "ATIVA", oldSwaps })),
    { situation: "ATIVA", oldSwaps: 2, recentSwaps: 1 },
    { situation: "ATIVA", deactivation: "DESKTOP" },
    { situation: "ATIVA", deactivation: "DESKTOP", reactivate: true },
    { situation: "ATIVA", deactivation: "FABRICANTE" },
    ...times(2, { situation: "ATIVA", deactivation: "FABRICANTE", reactivate: true }),
    ...times(3, { situation: "ATIVA", released: "USER" }),
    { situation: "ATIVA", released: "SYSTEM" },
  ];
}

/** A serial drawn in the proportions a real manufacturer would have. */
export function randomSpec(random: Random): SerialSpec {
  const situation = random.weighted([
    ["ATIVA", 58],
    ["TOLERANCIA", 5],
    ["EXPIRADA", 10],
    ["PENDENTE", 5],
    ["SUSPENSA", 10],
    ["CANCELADA", 12],
  ] as const);
  if (situation === "SUSPENSA") {
    return { situation, origin: random.chance(0.15) ? "PENDENTE" : "ATIVA", suspendedUntil: random.chance(0.3) };
  }
  if (situation === "CANCELADA") {
    const origin = random.weighted([
      ["ATIVA", 60],
      ["SUSPENSA", 30],
      ["PENDENTE", 10],
    ] as const);
    return { situation, origin, deactivation: origin !== "PENDENTE" && random.chance(0.4) ? "FABRICANTE" : undefined };
  }
  if (situation !== "ATIVA" && situation !== "TOLERANCIA") return { situation };
  const feature = random.next();
  if (feature < 0.05) return { situation, recentSwaps: random.int(1, 2) };
  if (feature < 0.11) return { situation, oldSwaps: random.int(1, 3) };
  if (feature < 0.14) return { situation, deactivation: "DESKTOP", reactivate: random.chance(0.6) };
  if (feature < 0.16) return { situation, deactivation: "FABRICANTE", reactivate: true };
  if (feature < 0.19) return { situation, released: "USER" };
  return { situation };
}
