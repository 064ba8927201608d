// npm run db:seed — migrates, then loads the demo data into an empty database.
//   npm run db:seed -- --reset                      drop everything first (local databases only)
//   npm run db:seed -- --scale 1000000 [--customers N] [--manufacturers N]
//                                                   also load benchmark data (PostgreSQL only)
import { parseArgs } from "node:util";
import { getDatabase } from "../lib/db/connection";
import { migrate, MigrationError } from "../lib/db/migrator";
import { closePglite } from "../lib/db/pglite";
import { databaseTarget, describeTarget, type DatabaseTarget } from "../lib/db/target";
import { seedDemo } from "../prisma/seed/demo";
import { DEMO_LOGINS, DEMO_PASSWORD } from "../prisma/seed/demo-logins";
import { seedScale } from "../prisma/seed/scale";

class UsageError extends Error {}

const USAGE = `Uso: npm run db:seed -- [--reset] [--scale N [--customers N] [--manufacturers N]]`;

function positiveInteger(name: string, value: string | undefined): number | undefined {
  if (value === undefined) return undefined;
  const number = Number(value.replaceAll("_", ""));
  if (!Number.isSafeInteger(number) || number < 1)
    throw new UsageError(`--${name} precisa de um número inteiro positivo (recebido: ${value}).`);
  return number;
}

function isLocal(target: DatabaseTarget): boolean {
  if (target.kind === "pglite") return true;
  const url = new URL(target.url);
  const host = url.hostname || url.searchParams.get("host") || "";
  return ["localhost", "127.0.0.1", "::1", "[::1]"].includes(host) || host.startsWith("/");
}

function parseOptions() {
  try {
    return parseArgs({
      options: {
        reset: { type: "boolean", default: false },
        scale: { type: "string" },
        customers: { type: "string" },
        manufacturers: { type: "string" },
        help: { type: "boolean", short: "h", default: false },
      },
    });
  } catch (error) {
    throw new UsageError(error instanceof Error ? error.message : String(error));
  }
}

const seconds = (since: number) => `${((Date.now() - since) / 1000).toFixed(1)} s`;

async function main(): Promise<void> {
  const started = Date.now();
  const { values } = parseOptions();
  if (values.help) return console.log(USAGE);
  const scale = positiveInteger("scale", values.scale);
  const customers = positiveInteger("customers", values.customers);
  const manufacturers = positiveInteger("manufacturers", values.manufacturers);
  if (scale === undefined && (customers || manufacturers))
    throw new UsageError("--customers e --manufacturers só valem com --scale.");

  // Refuse before touching anything.
  const target = databaseTarget();
  if (scale !== undefined && target.kind === "pglite") {
    throw new UsageError(
      "--scale só roda em PostgreSQL: defina DATABASE_URL (o PGlite embarcado não aguenta a carga de benchmark).",
    );
  }
  if (values.reset && !isLocal(target)) {
    throw new UsageError(
      `--reset apaga o banco inteiro e só é permitido em localhost/127.0.0.1 ou no PGlite (alvo: ${describeTarget(target)}).`,
    );
  }

  const db = await getDatabase();
  try {
    console.log(`Banco de dados: ${describeTarget(db.target)}`);
    if (values.reset) {
      await db.sql.session((conn) =>
        conn.exec(
          "SET lock_timeout = '15s'; DROP SCHEMA IF EXISTS public CASCADE; CREATE SCHEMA public; GRANT USAGE ON SCHEMA public TO PUBLIC; RESET lock_timeout",
        ),
      );
      console.log("--reset: esquema public apagado e recriado.");
    }
    const applied = await migrate(db.sql);
    console.log(applied.length ? `Migrações aplicadas: ${applied.join(", ")}` : "Migrações: nada pendente.");

    const [accounts] = await db.sql.query<{ count: number }>("SELECT count(*)::int AS count FROM accounts");
    if (accounts?.count) {
      console.log(`Dados de demonstração: o banco já tem ${accounts.count} conta(s); nada a fazer (use --reset para recomeçar).`);
    } else {
      const demoStarted = Date.now();
      const summary = await seedDemo(db);
      console.log(`Dados de demonstração carregados em ${seconds(demoStarted)}:`);
      for (const [table, rows] of Object.entries(summary)) console.log(`  ${table.padEnd(14)} ${rows.toLocaleString("pt-BR")}`);
    }

    if (scale !== undefined) {
      const summary = await seedScale(db.sql, {
        subscriptions: scale,
        customers,
        manufacturers,
        log: (line) => console.log(`[escala] ${line}`),
      });
      console.log("Dados de escala carregados:");
      for (const key of ["manufacturers", "users", "customers", "subscriptions", "activations", "events"] as const) {
        console.log(`  ${key.padEnd(14)} ${summary[key].toLocaleString("pt-BR")}`);
      }
      const largest = summary.largestManufacturer;
      console.log(
        `  maior fabricante: ${largest.name} — ${largest.subscriptions.toLocaleString("pt-BR")} números de série, ` +
          `${largest.customers.toLocaleString("pt-BR")} clientes (login ${largest.email}, senha ${DEMO_PASSWORD})`,
      );
    }

    console.log(`\nLogins de demonstração (senha ${DEMO_PASSWORD}):`);
    for (const login of DEMO_LOGINS) console.log(`  ${login.email.padEnd(24)} ${login.description}`);
    console.log(`\nConcluído em ${seconds(started)}.`);
  } finally {
    await db.close();
    if (db.target.kind === "pglite") await closePglite(db.target.dataDir);
  }
}

main().then(
  () => process.exit(0),
  (error: unknown) => {
    if (error instanceof UsageError) console.error(`${error.message}\n${USAGE}`);
    else if (error instanceof MigrationError) console.error(`Erro de migração: ${error.message}`);
    else console.error(error instanceof Error ? `Erro: ${error.message}` : error);
    if (!(error instanceof UsageError || error instanceof MigrationError) && error instanceof Error && process.env.DEBUG)
      console.error(error.stack);
    process.exit(1);
  },
);
