// The benchmark's data: a private copy of the 1M-subscription dataset (the benchmark writes to it),
// and the serials it drives — computers active on paid-up serials for check-ins, and paid-up
// serials without recent swaps for activations — also written to files for wrk.
import { spawnSync } from "node:child_process";
import { mkdirSync, writeFileSync } from "node:fs";
import pg from "pg";
import { openDatabase } from "@/lib/db/connection";
import { migrate } from "@/lib/db/migrator";

const sleep = (ms: number) => new Promise((resolve) => setTimeout(resolve, ms));

/**
 * A private copy of `source`; when another session keeps `source` busy for a minute (a template
 * can't be copied while in use), the same dataset is generated instead by the scale seed (~80 s).
 */
export async function cloneDataset(adminUrl: string, source: string, target: string, targetUrl: string) {
  const admin = new pg.Client({ connectionString: adminUrl });
  await admin.connect();
  try {
    await admin.query(`DROP DATABASE IF EXISTS "${target}" WITH (FORCE)`);
    for (let attempt = 1; attempt <= 12; attempt++) {
      try {
        // FILE_COPY copies the 1.7 GB of files instead of logging them page by page.
        await admin.query(`CREATE DATABASE "${target}" TEMPLATE "${source}" STRATEGY FILE_COPY`);
        return;
      } catch (error) {
        if (!/being accessed by other users/.test((error as Error).message)) throw error;
        if (attempt === 1) console.log(`[bench] ${source} is in use; waiting to copy it…`);
        await sleep(5000);
      }
    }
    console.log(`[bench] ${source} stayed busy; generating the 1M-subscription dataset with the scale seed…`);
    await admin.query(`CREATE DATABASE "${target}"`);
  } finally {
    await admin.end();
  }
  const seed = spawnSync(process.execPath, ["--import", "tsx", "scripts/db-seed.ts", "--reset", "--scale", "1000000"], {
    env: { ...process.env, DATABASE_URL: targetUrl },
    stdio: ["ignore", "ignore", "inherit"],
  });
  if (seed.status !== 0) throw new Error("the scale seed failed");
}

export type BenchData = {
  subscriptions: number;
  checkIns: { serial_number: string; machine_id: string }[];
  /** Disjoint halves, so the app and the floor never activate the same serial. */
  activations: { app: string[]; floor: string[] };
  files: { checkIns: string; activations: { app: string; floor: string } };
};

export async function sampleDataset(databaseUrl: string): Promise<BenchData> {
  const db = await openDatabase({ kind: "postgres", url: databaseUrl });
  try {
    await migrate(db.sql);
    // A fresh copy has no hint bits or visibility map yet: whichever server ran first would pay
    // for setting them (and race autovacuum doing it). Settle the tables before measuring.
    await db.sql.exec(`VACUUM (ANALYZE) subscriptions, activations, accounts, reasons, rate_limit_counters`);
    const allowed = `s.status = 'ATIVA' AND s.expires_at >= now() - make_interval(days => m.grace_days)`;
    const checkIns = await db.sql.query<{ serial_number: string; machine_id: string }>(
      `SELECT s.serial_number, a.machine_id FROM subscriptions s JOIN accounts m ON m.id = s.manufacturer_id
         JOIN activations a ON a.subscription_id = s.id AND a.deactivated_at IS NULL
        WHERE ${allowed} ORDER BY random() LIMIT 100000`,
    );
    // No swap in the last 30 days: one activation per serial never meets the default limit of 3.
    const serials = await db.sql.query<{ serial_number: string }>(
      `SELECT s.serial_number FROM subscriptions s JOIN accounts m ON m.id = s.manufacturer_id
        WHERE ${allowed} AND (s.last_swap_at IS NULL OR s.last_swap_at < now() - interval '30 days')
        ORDER BY random() LIMIT 120000`,
    );
    const [{ n }] = (await db.sql.query<{ n: number }>(`SELECT count(*)::int AS n FROM subscriptions`)) as [{ n: number }];
    const activations = {
      app: serials.filter((_, i) => i % 2 === 0).map((row) => row.serial_number),
      floor: serials.filter((_, i) => i % 2 === 1).map((row) => row.serial_number),
    };
    mkdirSync("tests/bench/results", { recursive: true });
    const files = {
      checkIns: "tests/bench/results/checkin-pairs.txt",
      activations: { app: "tests/bench/results/activate-app.txt", floor: "tests/bench/results/activate-floor.txt" },
    };
    writeFileSync(files.checkIns, checkIns.map((row) => `${row.serial_number} ${row.machine_id}`).join("\n") + "\n");
    writeFileSync(files.activations.app, activations.app.join("\n") + "\n");
    writeFileSync(files.activations.floor, activations.floor.join("\n") + "\n");
    return { subscriptions: n, checkIns, activations, files };
  } finally {
    await db.close();
  }
}
