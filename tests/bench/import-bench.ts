// npm run bench:import — Importar (CSV) of a generated 100,000-row file through the real server:
// dry run, Confirmar (apply) and the same file again (idempotent), each timed end to end from the
// first byte sent to the last line of the answer, with the server's peak RSS growth.
//   npm run bench:import -- [--template portal_scale] [--rows 100000] [--per-customer 4] [--port 3611] [--webhooks]
// The manufacturer's webhook endpoints are turned off in the copy unless --webhooks: with them on,
// every created serial also queues a delivery that the same server then sends (bench:webhooks
// measures that); the import's own cost is what this measures.
// The database is a copy of --template (e.g. portal_scale, the 1M dataset of `npm run db:seed --
// --scale 1000000`) named portal_bench_import_<pid>, or without it a fresh database with the demo
// data; it is dropped at the end. Serves the benchmarks' shared build (.next-bench).
import { writeFile } from "node:fs/promises";
import os from "node:os";
import path from "node:path";
import { parseArgs } from "node:util";
import pg from "pg";
import { generateSerialNumber } from "@/lib/domain/serial-generator";
import { cnpjFromRoot } from "../../prisma/seed/identifiers";
import { signIn } from "./bench-portal";
import { benchFigure, writeBenchResult } from "./bench-result";
import { rssBytes, sampleRss, startServer } from "./export-server";

const { values: options } = parseArgs({
  options: {
    template: { type: "string" },
    admin: { type: "string", default: "postgresql://postgres@127.0.0.1:5432/postgres" },
    rows: { type: "string", default: "100000" },
    "per-customer": { type: "string", default: "4" },
    port: { type: "string", default: "3611" },
    email: { type: "string" },
    webhooks: { type: "boolean", default: false },
    password: { type: "string", default: "demo1234" },
  },
});

const ROWS = Number(options.rows);
const PER_CUSTOMER = Number(options["per-customer"]);
const template = options.template ?? null;
const database = `portal_bench_import_${process.pid}`;
const MB = 1024 * 1024;

function databaseUrl(name: string): string {
  const url = new URL(options.admin!);
  url.pathname = `/${name}`;
  return url.toString();
}

async function admin<T>(fn: (client: pg.Client) => Promise<T>): Promise<T> {
  const client = new pg.Client({ connectionString: options.admin });
  await client.connect();
  try {
    return await fn(client);
  } finally {
    await client.end();
  }
}

async function prepareDatabase(): Promise<string> {
  if (template) {
    console.log(`Copying ${template} to ${database}…`);
    await admin((client) => client.query(`CREATE DATABASE "${database}" TEMPLATE "${template}"`));
    return options.email ?? "fabricante+1@scale.test";
  }
  console.log(`No template: a fresh ${database} with the demo data (npm run db:seed)…`);
  await admin((client) => client.query(`CREATE DATABASE "${database}"`));
  const { spawnSync } = await import("node:child_process");
  const seeded = spawnSync("npx", ["tsx", "scripts/db-seed.ts"], {
    env: { ...process.env, DATABASE_URL: databaseUrl(database) },
    stdio: "inherit",
  });
  if (seeded.status !== 0) throw new Error("seeding failed");
  return options.email ?? "fabricante@demo.test";
}

/** The manufacturer's catalog: the file's products must be ones it sells. */
async function productsOf(email: string): Promise<string[]> {
  const client = new pg.Client({ connectionString: databaseUrl(database) });
  await client.connect();
  try {
    if (!options.webhooks) await client.query(`UPDATE webhook_endpoints SET enabled = false WHERE enabled`);
    const { rows } = await client.query<{ product: string }>(
      `SELECT DISTINCT s.product FROM users u JOIN subscriptions s ON s.manufacturer_id = u.default_account_id WHERE u.email = $1`,
      [email],
    );
    return rows.map((row) => row.product);
  } finally {
    await client.end();
  }
}

async function generateFile(products: string[]): Promise<{ file: string; bytes: number }> {
  const lines = ["Cliente;CNPJ/CPF;Tipo;Cidade;UF;E-mail;Número de Série;Produto;Plano;Início;Expira em"];
  // CNPJ roots from 70,000,000 up: the seeds draw theirs elsewhere (1–8 prefixes, random), so a clash is unlikely and harmless.
  const base = 70_000_000 + (process.pid % 1000) * 10_000;
  for (let index = 0; index < ROWS; index++) {
    const customer = Math.floor(index / PER_CUSTOMER);
    const document = cnpjFromRoot(String(base + customer));
    const product = products[index % products.length];
    const plan = index % 3 === 0 ? "Anual" : "Mensal";
    lines.push(
      `Loja Importada ${customer};${document};Lojista;Campinas;SP;loja${customer}@bench.test;${generateSerialNumber()};${product};${plan};01/12/2026;`,
    );
  }
  const text = `${lines.join("\r\n")}\r\n`;
  const file = path.join(os.tmpdir(), `import-bench-${process.pid}.csv`);
  await writeFile(file, text);
  return { file, bytes: Buffer.byteLength(text) };
}

type Run = { label: string; seconds: number; rssGrowthMb: number; counts: Record<string, number>; failedBatches: number };

async function post(baseUrl: string, cookie: string, mode: string, body: Buffer, pid: number, label: string): Promise<Run> {
  const baseline = rssBytes(pid);
  const sampler = sampleRss(pid);
  const started = performance.now();
  const response = await fetch(`${baseUrl}/api/fabricante/assinaturas/importar?modo=${mode}`, {
    method: "POST",
    headers: { cookie, "content-type": "text/csv", origin: baseUrl },
    body: new Uint8Array(body),
  });
  if (response.status !== 200) throw new Error(`${label}: HTTP ${response.status} ${await response.text()}`);
  type Summary = { counts: Record<string, number>; failedBatches: unknown[] };
  let done = null as Summary | null;
  let pending = "";
  const decoder = new TextDecoder();
  for await (const chunk of response.body as unknown as AsyncIterable<Uint8Array>) {
    pending += decoder.decode(chunk, { stream: true });
    let end: number;
    while ((end = pending.indexOf("\n")) >= 0) {
      const line = JSON.parse(pending.slice(0, end)) as { type: string; message?: string };
      pending = pending.slice(end + 1);
      if (line.type === "done") done = line as unknown as Summary;
      if (line.type === "error") throw new Error(`${label}: ${line.message}`);
    }
  }
  const seconds = (performance.now() - started) / 1000;
  const peak = sampler.stop();
  if (!done) throw new Error(`${label}: no summary line`);
  return { label, seconds, rssGrowthMb: (peak - baseline) / MB, counts: done.counts, failedBatches: done.failedBatches.length };
}

async function main() {
  const email = await prepareDatabase();
  const server = await startServer(databaseUrl(database), Number(options.port));
  let generated: string | null = null;
  try {
    const products = await productsOf(email);
    if (!products.length) throw new Error(`${email} sells no product in ${database}`);
    const { file, bytes } = await generateFile(products);
    generated = file;
    const body = await import("node:fs/promises").then((fs) => fs.readFile(file));
    console.log(
      `File: ${ROWS.toLocaleString("en")} rows, ${(bytes / MB).toFixed(1)} MB, ${Math.ceil(ROWS / PER_CUSTOMER)} customers.`,
    );
    const cookie = await signIn(server.baseUrl, email, options.password!);
    // A small file first: the first request loads the route's code, which is not the import's growth.
    const header = body.subarray(0, body.indexOf("\n") + 1);
    const sample = body.subarray(0, body.indexOf("\n", header.length + 2000) + 1);
    await post(server.baseUrl, cookie, "simular", Buffer.concat([sample]), server.pid, "warm-up");
    const runs: Run[] = [];
    for (const [label, mode] of [
      ["dry run", "simular"],
      ["apply", "aplicar"],
      ["same file again (dry run)", "simular"],
      ["same file again (apply)", "aplicar"],
    ] as const) {
      const run = await post(server.baseUrl, cookie, mode, body, server.pid, label);
      runs.push(run);
      console.log(
        `${label.padEnd(28)} ${run.seconds.toFixed(1).padStart(6)} s   RSS +${run.rssGrowthMb.toFixed(0).padStart(4)} MB   ` +
          `created ${run.counts.subscriptionsCreated ?? 0} serials / ${run.counts.customersCreated ?? 0} customers, unchanged ${run.counts.unchanged ?? 0}, invalid ${run.counts.invalid ?? 0}, failed batches ${run.failedBatches}`,
      );
    }
    const apply = runs[1]!;
    console.log(
      `\nTargets: apply ≤ 60 s → ${apply.seconds.toFixed(1)} s ${apply.seconds <= 60 ? "OK" : "MISSED"}; ` +
        `RSS growth ≤ 150 MB → ${Math.max(...runs.map((run) => run.rssGrowthMb)).toFixed(0)} MB ${Math.max(...runs.map((run) => run.rssGrowthMb)) <= 150 ? "OK" : "MISSED"}`,
    );
    writeBenchResult("import", [
      benchFigure(`Importar (CSV), ${ROWS.toLocaleString("en")} rows, apply end to end`, apply.seconds, "s", "<=", 60),
      benchFigure(
        "Importar (CSV), server RSS growth (worst run)",
        Math.max(...runs.map((run) => run.rssGrowthMb)),
        "MB",
        "<=",
        150,
      ),
    ]);
    console.log(
      `Dataset: ${template ? `copy of ${template}` : "fresh demo database"}, webhooks ${options.webhooks ? "on" : "off"}; load average ${os
        .loadavg()
        .map((value) => value.toFixed(2))
        .join(" ")} (${os.cpus().length} CPUs)`,
    );
  } finally {
    if (generated) await import("node:fs/promises").then((fs) => fs.rm(generated!, { force: true }));
    await server.stop();
    await admin((client) => client.query(`DROP DATABASE IF EXISTS "${database}" WITH (FORCE)`));
  }
}

main().catch((error: unknown) => {
  console.error(error);
  process.exitCode = 1;
});
