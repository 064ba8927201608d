// New serial numbers in the portal's XXXX-XXXX-XXXX-XXXX format: 16 symbols of a 32-letter alphabet
// without 0/O or 1/I, drawn from crypto randomness (80 bits), so a serial can't be guessed from another.
import { randomBytes } from "node:crypto";

/** No 0/O or 1/I: a serial read over the phone must not be ambiguous. 32 symbols, 5 bits each. */
export const SERIAL_ALPHABET = "ABCDEFGHJKLMNPQRSTUVWXYZ23456789";

/** `random(n)` returns n random bytes; a byte's low 5 bits pick a symbol without bias (256 = 8 × 32). */
export function generateSerialNumber(random: (size: number) => Uint8Array = randomBytes): string {
  const bytes = random(16);
  let serial = "";
  for (let index = 0; index < 16; index++) {
    if (index > 0 && index % 4 === 0) serial += "-";
    serial += SERIAL_ALPHABET[bytes[index]! & 31];
  }
  return serial;
}
