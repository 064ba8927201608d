// Text every schema accepts: no NUL or other control characters (PostgreSQL refuses NUL in text,
// and nobody types the others). Multi-line fields may keep tabs and line breaks.
import { z } from "zod";

/** Control characters (tab, LF and CR too) for single-line fields. */
const SINGLE_LINE_CONTROL = /[\u0000-\u001f\u007f]/;
const MULTI_LINE_CONTROL = /[\u0000-\u0008\u000b\u000c\u000e-\u001f\u007f]/;

export function hasControlCharacters(value: string, multiline = false): boolean {
  return (multiline ? MULTI_LINE_CONTROL : SINGLE_LINE_CONTROL).test(value);
}

/** A required single-line text of at most `max` characters. */
export function singleLineText(max: number) {
  return z
    .string({ error: "required" })
    .trim()
    .min(1, { error: "required" })
    .max(max, { error: "textTooLong" })
    .refine((value) => !hasControlCharacters(value), { error: "invalid" });
}
