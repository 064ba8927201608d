// Loads large volumes the way pg_restore does: drop the tables' keys, indexes and foreign keys,
// insert, then rebuild them from their own catalog definitions (so the schema ends exactly as the
// migrations made it, and the rebuild re-checks every unique and foreign key). Must run inside
// one transaction: if anything fails, the drops are rolled back with the data.
import type { SqlClient } from "../../lib/db/sql-client";

type Definition = { kind: "p" | "f" | "i"; name: string; table: string; definition: string };

const quote = (identifier: string) => `"${identifier.replaceAll('"', '""')}"`;

async function definitionsOf(tx: SqlClient, tables: string[]): Promise<Definition[]> {
  return tx.query<Definition>(
    `WITH t AS (
       SELECT c.oid FROM pg_class c
        WHERE c.relname = ANY($1::text[]) AND c.relnamespace = current_schema()::regnamespace)
     SELECT c.contype::text AS kind, c.conname AS name, r.relname AS "table", pg_get_constraintdef(c.oid) AS definition
       FROM pg_constraint c JOIN pg_class r ON r.oid = c.conrelid
      WHERE (c.contype = 'p' AND c.conrelid IN (SELECT oid FROM t))
         OR (c.contype = 'f' AND (c.conrelid IN (SELECT oid FROM t) OR c.confrelid IN (SELECT oid FROM t)))
     UNION ALL
     SELECT 'i', x.relname, r.relname, pg_get_indexdef(i.indexrelid)
       FROM pg_index i JOIN pg_class x ON x.oid = i.indexrelid JOIN pg_class r ON r.oid = i.indrelid
      WHERE i.indrelid IN (SELECT oid FROM t)
        AND NOT EXISTS (SELECT 1 FROM pg_constraint c WHERE c.conindid = i.indexrelid AND c.conrelid = i.indrelid)`,
    [tables],
  );
}

/**
 * Runs `load` with the tables bare (no primary keys, indexes or foreign keys touching them) and
 * rebuilds everything afterwards. `log` gets one line per rebuilt object with its time.
 */
export async function withoutIndexes<T>(
  tx: SqlClient,
  tables: string[],
  load: () => Promise<T>,
  log: (line: string) => void,
): Promise<T> {
  const definitions = await definitionsOf(tx, tables);
  const of = (kind: Definition["kind"]) => definitions.filter((d) => d.kind === kind);
  for (const d of of("f")) await tx.exec(`ALTER TABLE ${quote(d.table)} DROP CONSTRAINT ${quote(d.name)}`);
  for (const d of of("i")) await tx.exec(`DROP INDEX ${quote(d.name)}`);
  for (const d of of("p")) await tx.exec(`ALTER TABLE ${quote(d.table)} DROP CONSTRAINT ${quote(d.name)}`);
  log(`índices e chaves removidos para a carga: ${definitions.length}`);

  const result = await load();

  for (const d of [...of("p"), ...of("i"), ...of("f")]) {
    const started = Date.now();
    await tx.exec(
      d.kind === "i" ? d.definition : `ALTER TABLE ${quote(d.table)} ADD CONSTRAINT ${quote(d.name)} ${d.definition}`,
    );
    log(
      `  ${d.kind === "i" ? "índice" : d.kind === "p" ? "chave primária" : "chave estrangeira"} ${d.name}: ${((Date.now() - started) / 1000).toFixed(1)} s`,
    );
  }
  return result;
}
