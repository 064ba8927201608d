// The two servers of the license benchmark, on the same database copy: the portal itself
// (server.ts, the shared production build of bench-build.ts, TRUST_PROXY=1 so each request's X-Forwarded-For is its IP) and the
// bare floor (tests/bench/checkin-floor.ts).
import { spawn, type ChildProcess } from "node:child_process";
import { generateKeyPairSync } from "node:crypto";
import { BENCH_DIST_DIR } from "./bench-build";

export type BenchServer = { name: "app" | "floor"; url: string; pid: number; applicationName: string; process: ChildProcess };

// `node --import tsx` runs the server in this very process id, so its CPU time can be read.
function start(args: string[], env: Record<string, string>): ChildProcess {
  const child = spawn(process.execPath, ["--import", "tsx", ...args], {
    env: { ...process.env, ...env },
    stdio: ["ignore", "ignore", "inherit"],
  });
  child.on("exit", (code) => {
    if (code) console.error(`[bench] ${args[0]} exited with ${code}`);
  });
  return child;
}

async function waitFor(url: string) {
  for (let attempt = 0; attempt < 240; attempt++) {
    try {
      // Any answer means it listens: the floor answers an empty body with 500 (it validates nothing).
      await fetch(url, { method: "POST", headers: { "content-type": "application/json" }, body: "{}" });
      return;
    } catch {
      // not listening yet
    }
    await new Promise((resolve) => setTimeout(resolve, 500));
  }
  throw new Error(`${url} did not come up`);
}

export async function startServers(databaseUrl: string, ports: { app: string; floor: string }): Promise<BenchServer[]> {
  const pem = generateKeyPairSync("ed25519").privateKey.export({ type: "pkcs8", format: "pem" }).toString();
  const common = { NODE_ENV: "production", NEXT_DIST_DIR: BENCH_DIST_DIR, TRUST_PROXY: "1", LICENSE_SIGNING_KEY: pem };
  // application_name tells each server's PostgreSQL backends apart for the CPU accounting.
  const urlFor = (name: string) => `${databaseUrl}?application_name=${name}`;
  const app = start(["server.ts"], {
    ...common,
    DATABASE_URL: urlFor("bench-app"),
    PORT: ports.app,
    NEXTAUTH_SECRET: "bench-secret-bench-secret-bench-secret-42",
    NEXTAUTH_URL: `http://localhost:${ports.app}`,
  });
  const floor = start(["tests/bench/checkin-floor.ts"], { ...common, DATABASE_URL: urlFor("bench-floor"), PORT: ports.floor });
  const servers: BenchServer[] = [
    { name: "floor", url: `http://127.0.0.1:${ports.floor}`, pid: floor.pid!, applicationName: "bench-floor", process: floor },
    { name: "app", url: `http://127.0.0.1:${ports.app}`, pid: app.pid!, applicationName: "bench-app", process: app },
  ];
  try {
    await Promise.all(servers.map((server) => waitFor(`${server.url}/api/v1/licenses/check-in`)));
  } catch (error) {
    // Don't leave a server running (and writing to the copy) after the benchmark gives up.
    for (const server of servers) server.process.kill("SIGTERM");
    throw error;
  }
  return servers;
}
