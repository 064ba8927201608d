// The benchmark's floor: a bare node:http server running the license API's very SQL (the named
// statements of lib/data/license-sql.ts, prepared the same way) through pg — no router, no zod,
// no signing, no Next. What the real endpoint adds on top of this is the framework's cost.
//   DATABASE_URL=… PORT=3402 tsx tests/bench/checkin-floor.ts
import { createServer, type IncomingMessage } from "node:http";
import pg from "pg";
import {
  DURABLE_COMMIT,
  LICENSE_CONNECTION_OPTIONS,
  type Statement,
  ACTIVATION_CLOSE_SWAP,
  ACTIVATION_CURRENT,
  ACTIVATION_LOCK,
  ACTIVATION_OPEN,
  ACTIVATION_TOUCH,
  CHECK_IN,
} from "../../lib/data/license-sql";
import { machineRateKey } from "../../lib/license/rate-limit";

const pool = new pg.Pool({
  connectionString: process.env.DATABASE_URL,
  max: Number(process.env.LICENSE_DB_POOL_SIZE ?? 10),
  options: LICENSE_CONNECTION_OPTIONS,
});
const WINDOW_MS = 600_000;
const BUCKET_MS = 60_000;
const [PER_SERIAL, PER_MACHINE, PER_IP] = [
  Number(process.env.LICENSE_RATE_LIMIT_PER_SERIAL ?? 30),
  Number(process.env.LICENSE_RATE_LIMIT_PER_MACHINE ?? 30),
  Number(process.env.LICENSE_RATE_LIMIT_PER_IP ?? 1200),
];

type Row = Record<string, unknown>;
const run = async (on: pg.Pool | pg.PoolClient, statement: Statement, values: unknown[]) =>
  (await on.query<Row>({ name: statement.name, text: statement.text, values })).rows[0];

type Body = { serialNumber: string; machineId?: string; machine?: { id: string; name: string; os: string; appVersion: string } };

function readBody(req: IncomingMessage): Promise<string> {
  return new Promise((resolve, reject) => {
    const chunks: Buffer[] = [];
    req.on("data", (chunk: Buffer) => chunks.push(chunk));
    req.on("end", () => resolve(Buffer.concat(chunks).toString()));
    req.on("error", reject);
  });
}

/** The same seven rate-limit parameters the API computes (check-in counts per serial and computer). */
function rateParams(serialKey: string, perSerial: number, ip: string, now: Date): unknown[] {
  const bucket = Math.floor(now.getTime() / BUCKET_MS) * BUCKET_MS;
  return [
    serialKey,
    `lic:ip:${ip}`,
    new Date(bucket),
    new Date(bucket + BUCKET_MS + WINDOW_MS),
    new Date(now.getTime() - WINDOW_MS),
    perSerial,
    PER_IP,
  ];
}

async function checkIn(body: Body, ip: string) {
  const now = new Date();
  return run(pool, CHECK_IN, [
    ...rateParams(machineRateKey(body.serialNumber, body.machineId!), PER_MACHINE, ip, now),
    body.serialNumber,
    now,
    body.machineId,
    null,
  ]);
}

async function activate(body: Body, ip: string) {
  const now = new Date();
  const machine = body.machine!;
  const client = await pool.connect();
  try {
    await client.query("BEGIN");
    await client.query(DURABLE_COMMIT);
    const serial = (await run(client, ACTIVATION_LOCK, [
      ...rateParams(`lic:serial:${body.serialNumber}`, PER_SERIAL, ip, now),
      body.serialNumber,
    ]))!;
    if (serial.id) {
      const current = (await run(client, ACTIVATION_CURRENT, [serial.id, new Date(now.getTime() - 30 * 86_400_000)]))!;
      if (current.active_machine_id === machine.id) {
        await run(client, ACTIVATION_TOUCH, [current.activation_id, now, machine.name, machine.os, machine.appVersion]);
      } else {
        if (current.activation_id) await run(client, ACTIVATION_CLOSE_SWAP, [current.activation_id, now]);
        const values = [serial.id, machine.id, machine.name, machine.os, machine.appVersion, now, serial.manufacturer_id];
        await run(client, ACTIVATION_OPEN, [...values, current.activation_id !== null]);
      }
    }
    await client.query("COMMIT");
    return serial;
  } catch (error) {
    await client.query("ROLLBACK");
    throw error;
  } finally {
    client.release();
  }
}

const server = createServer(async (req, res) => {
  try {
    const body = JSON.parse(await readBody(req)) as Body;
    const ip = String(req.headers["x-forwarded-for"] ?? "unknown");
    const row = req.url === "/api/v1/licenses/activate" ? await activate(body, ip) : await checkIn(body, ip);
    const text = JSON.stringify({ row });
    res.writeHead(200, { "content-type": "application/json", "content-length": Buffer.byteLength(text) }).end(text);
  } catch (error) {
    console.error(error);
    res.writeHead(500).end();
  }
});

server.listen(Number(process.env.PORT ?? 3402), "127.0.0.1", () => console.log("floor ready"));
process.on("SIGTERM", () => {
  server.close();
  void pool.end().finally(() => process.exit(0));
});
