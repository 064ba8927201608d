// The server actions this build knows, read from Next's manifest, so proxy.ts can answer an
// unknown action id with a 404 and one log line (Next logs an error with a trace for it).
import { readFileSync } from "node:fs";
import path from "node:path";

const RELOAD_AFTER_MS = 10_000;
let known: { ids: Set<string>; readAt: number } | null = null;

function readIds(): Set<string> | null {
  try {
    const file = path.join(process.cwd(), process.env.NEXT_DIST_DIR || ".next", "server", "server-reference-manifest.json");
    const manifest = JSON.parse(readFileSync(file, "utf8")) as { node?: Record<string, unknown>; edge?: Record<string, unknown> };
    return new Set([...Object.keys(manifest.node ?? {}), ...Object.keys(manifest.edge ?? {})]);
  } catch {
    return null;
  }
}

/** False only when the id is certainly not one of the build's actions (unknown: let Next decide). */
export function mayBeServerAction(id: string): boolean {
  if (!/^[0-9a-f]{40,44}$/.test(id)) return false;
  if (known?.ids.has(id)) return true;
  // A miss re-reads the manifest now and then: `next dev` adds actions as files change.
  if (!known || Date.now() - known.readAt > RELOAD_AFTER_MS) {
    const ids = readIds();
    if (!ids) return true;
    known = { ids, readAt: Date.now() };
  }
  return known.ids.has(id);
}
