// The embedded PostgreSQL (PGlite) used when no DATABASE_URL is set. One instance per process,
// shared through globalThis because Next's server bundle and the custom server load this module
// separately and two instances on one data directory would corrupt it. A lock file next to the
// data directory keeps a second process (a seed or sweep while the server runs) out.
import { mkdirSync, readFileSync, rmSync, writeFileSync } from "node:fs";
import { PGlite } from "@electric-sql/pglite";
import { pg_trgm } from "@electric-sql/pglite/contrib/pg_trgm";

const registry = globalThis as unknown as { [key: symbol]: Map<string, Promise<PGlite>> | undefined };
const KEY = Symbol.for("portal-assinaturas.pglite");

function processAlive(pid: number): boolean {
  try {
    process.kill(pid, 0);
    return true;
  } catch (error) {
    return (error as NodeJS.ErrnoException).code === "EPERM";
  }
}

function lockDataDir(dataDir: string): void {
  const file = `${dataDir}.lock`;
  try {
    writeFileSync(file, String(process.pid), { flag: "wx" });
  } catch (error) {
    if ((error as NodeJS.ErrnoException).code !== "EEXIST") throw error;
    const owner = Number(readFileSync(file, "utf8"));
    if (owner && owner !== process.pid && processAlive(owner)) {
      throw new Error(
        `O banco embarcado em ${dataDir} já está aberto pelo processo ${owner}. ` +
          `Pare-o antes, ou use um PostgreSQL (DATABASE_URL) para vários processos.`,
      );
    }
    writeFileSync(file, String(process.pid));
  }
  process.once("exit", () => unlockDataDir(dataDir));
}

function unlockDataDir(dataDir: string): void {
  const file = `${dataDir}.lock`;
  try {
    if (Number(readFileSync(file, "utf8")) === process.pid) rmSync(file);
  } catch {
    // Already gone.
  }
}

export function openPglite(dataDir: string): Promise<PGlite> {
  const instances = (registry[KEY] ??= new Map());
  let instance = instances.get(dataDir);
  if (!instance) {
    if (!dataDir.startsWith("memory://")) {
      mkdirSync(dataDir, { recursive: true });
      lockDataDir(dataDir);
    }
    // UTC sessions, as on PostgreSQL (see SESSION_OPTIONS in connection.ts).
    instance = PGlite.create(dataDir, { extensions: { pg_trgm } }).then(async (db) => {
      await db.exec("SET TimeZone = 'UTC'");
      return db;
    });
    instances.set(dataDir, instance);
  }
  return instance;
}

export async function closePglite(dataDir: string): Promise<void> {
  const instances = registry[KEY];
  const instance = instances?.get(dataDir);
  if (!instance) return;
  instances!.delete(dataDir);
  await (await instance).close();
  if (!dataDir.startsWith("memory://")) unlockDataDir(dataDir);
}
