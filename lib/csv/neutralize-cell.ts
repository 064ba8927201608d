// CSV (formula) injection: Excel and LibreOffice run a cell that starts with =, +, -, @, tab or
// carriage return as a formula, so such a cell gets a leading apostrophe and is shown as text.
// papaparse's own `escapeFormulae` misses values with a line break after the first character
// (its pattern is /^[=+\-@\t\r].*$/ without the s flag), hence this check on the first character.

/** True when a spreadsheet could read the cell as a formula: = + - @ tab CR (char codes). */
export function startsLikeFormula(value: string): boolean {
  const first = value.charCodeAt(0);
  return first === 61 || first === 43 || first === 45 || first === 64 || first === 9 || first === 13;
}

export function neutralizeCell(value: string): string {
  return startsLikeFormula(value) ? `'${value}` : value;
}
