// npm run db:migrate — applies pending migrations to DATABASE_URL (or the embedded PGlite database)
// and says which; exits with 1 when a migration fails or an applied one was edited.
import { getDatabase } from "../lib/db/connection";
import { migrate, MigrationError } from "../lib/db/migrator";
import { closePglite } from "../lib/db/pglite";
import { describeTarget } from "../lib/db/target";

async function main(): Promise<number> {
  const db = await getDatabase();
  console.log(`Banco de dados: ${describeTarget(db.target)}`);
  try {
    const applied = await migrate(db.sql);
    if (applied.length === 0) console.log("Nenhuma migração pendente: o banco está atualizado.");
    else console.log(`Migrações aplicadas (${applied.length}):\n${applied.map((name) => `  ${name}`).join("\n")}`);
    return 0;
  } catch (error) {
    if (!(error instanceof MigrationError)) throw error;
    console.error(`Erro de migração: ${error.message}`);
    return 1;
  } finally {
    await db.close();
    if (db.target.kind === "pglite") await closePglite(db.target.dataDir);
  }
}

main().then(
  (code) => process.exit(code),
  (error: unknown) => {
    console.error(error instanceof Error ? `Erro: ${error.message}` : error);
    process.exit(1);
  },
);
