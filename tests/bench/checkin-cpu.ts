// CPU accounting for the license benchmark: how many CPU microseconds a request costs in the
// server's own process and in its PostgreSQL backends (found by application_name), read from
// /proc, so the note can say where the time goes and not only how much of it there is.
import { readFileSync } from "node:fs";
import pg from "pg";

const TICKS_PER_SECOND = 100;

function processCpuMs(pid: number): number {
  try {
    const fields = readFileSync(`/proc/${pid}/stat`, "utf8").split(") ")[1]!.split(" ");
    // utime and stime are fields 14 and 15 of stat; index 11 and 12 after the command.
    return ((Number(fields[11]) + Number(fields[12])) * 1000) / TICKS_PER_SECOND;
  } catch {
    return 0;
  }
}

async function backendPids(adminUrl: string, applicationName: string): Promise<number[]> {
  const client = new pg.Client({ connectionString: adminUrl });
  await client.connect();
  try {
    const { rows } = await client.query<{ pid: number }>(`SELECT pid FROM pg_stat_activity WHERE application_name = $1`, [
      applicationName,
    ]);
    return rows.map((row) => row.pid);
  } finally {
    await client.end();
  }
}

export type CpuSnapshot = { server: number; database: number };

export async function cpuSnapshot(adminUrl: string, serverPid: number, applicationName: string): Promise<CpuSnapshot> {
  const pids = await backendPids(adminUrl, applicationName);
  return { server: processCpuMs(serverPid), database: pids.reduce((total, pid) => total + processCpuMs(pid), 0) };
}

/** CPU µs per request between two snapshots. */
export function cpuPerRequest(before: CpuSnapshot, after: CpuSnapshot, requests: number) {
  const per = (ms: number) => Math.round((ms * 1000) / Math.max(1, requests));
  return { serverUs: per(after.server - before.server), databaseUs: per(after.database - before.database) };
}
