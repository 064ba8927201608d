// Identifiers the seeds make up: CNPJ/CPF with valid check digits (digits only, as stored) and
// serial numbers in the portal's XXXX-XXXX-XXXX-XXXX format.
import { SERIAL_ALPHABET } from "../../lib/domain/serial-generator";
import type { Random } from "./random";

export { SERIAL_ALPHABET };

export const CNPJ_WEIGHTS_1 = [5, 4, 3, 2, 9, 8, 7, 6, 5, 4, 3, 2];
export const CNPJ_WEIGHTS_2 = [6, 5, 4, 3, 2, 9, 8, 7, 6, 5, 4, 3, 2];
export const CPF_WEIGHTS_1 = [10, 9, 8, 7, 6, 5, 4, 3, 2];
export const CPF_WEIGHTS_2 = [11, 10, 9, 8, 7, 6, 5, 4, 3, 2];

function checkDigit(digits: string, weights: number[]): string {
  const sum = weights.reduce((total, weight, index) => total + weight * Number(digits[index]), 0);
  const rest = sum % 11;
  return String(rest < 2 ? 0 : 11 - rest);
}

/** A CNPJ from its 8-digit root (branch 0001). */
export function cnpjFromRoot(root: string): string {
  const base = `${root.padStart(8, "0")}0001`;
  const withFirst = base + checkDigit(base, CNPJ_WEIGHTS_1);
  return withFirst + checkDigit(withFirst, CNPJ_WEIGHTS_2);
}

/** A CPF from its 9-digit base. */
export function cpfFromBase(base: string): string {
  const padded = base.padStart(9, "0");
  const withFirst = padded + checkDigit(padded, CPF_WEIGHTS_1);
  return withFirst + checkDigit(withFirst, CPF_WEIGHTS_2);
}

/** Draws documents that are valid and unique within this generator. */
export function documentFactory(random: Random) {
  const used = new Set<string>();
  const draw = (make: () => string) => {
    for (;;) {
      const document = make();
      if (/^(\d)\1+$/.test(document) || used.has(document)) continue;
      used.add(document);
      return document;
    }
  };
  return {
    // Roots start with 1–8: the scale seed's manufacturers use roots starting with 9.
    cnpj: () => draw(() => cnpjFromRoot(`${random.int(1, 8)}${random.int(0, 9_999_999).toString().padStart(7, "0")}`)),
    cpf: () => draw(() => cpfFromBase(random.int(1, 999_999_999).toString())),
  };
}

/** Draws serial numbers unique within this generator. */
export function serialFactory(random: Random) {
  const used = new Set<string>();
  return () => {
    for (;;) {
      const chars = Array.from({ length: 16 }, () => random.pick(SERIAL_ALPHABET.split("")));
      const serial = [0, 4, 8, 12].map((start) => chars.slice(start, start + 4).join("")).join("-");
      if (used.has(serial)) continue;
      used.add(serial);
      return serial;
    }
  };
}
