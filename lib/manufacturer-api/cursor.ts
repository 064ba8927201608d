// Opaque list cursors: base64url of the list's name and the last key read. Clients pass back what
// they were given; anything else (edited, from another list, garbage) is a 400, never a 500.
import { z } from "zod";

const UUID = z.uuid();

type CursorKinds = { customers: string; subscriptions: string; events: string };
export type CursorKind = keyof CursorKinds;

export function encodeCursor(kind: CursorKind, key: string): string {
  return Buffer.from(JSON.stringify([kind, key])).toString("base64url");
}

const VALID: Record<CursorKind, (key: string) => boolean> = {
  customers: (key) => UUID.safeParse(key).success,
  subscriptions: (key) => key.length > 0 && key.length <= 32 && /^[A-Z0-9-]+$/.test(key),
  events: (key) => /^\d{1,18}$/.test(key),
};

/** The key inside a cursor of this list, or null when it isn't one. */
export function decodeCursor(kind: CursorKind, cursor: string): string | null {
  if (!/^[A-Za-z0-9_-]{1,200}$/.test(cursor)) return null;
  let value: unknown;
  try {
    value = JSON.parse(Buffer.from(cursor, "base64url").toString("utf8"));
  } catch {
    return null;
  }
  if (!Array.isArray(value) || value.length !== 2 || value[0] !== kind || typeof value[1] !== "string") return null;
  return VALID[kind](value[1]) ? value[1] : null;
}
