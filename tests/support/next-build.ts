// Builds the app (next build into distDir) when the build is missing or older than the sources:
// the e2e server and the tests that start real server processes share it.
import { spawnSync } from "node:child_process";
import { existsSync, readdirSync, statSync } from "node:fs";
import path from "node:path";

const SOURCE_DIRS = ["app", "components", "lib", "i18n", "messages", "proxy.ts", "next.config.ts", "prisma/seed"];

function newestMtime(entry: string): number {
  if (!existsSync(entry)) return 0;
  const stat = statSync(entry);
  if (!stat.isDirectory()) return stat.mtimeMs;
  return readdirSync(entry)
    .filter((name) => name !== "generated")
    .reduce((newest, name) => Math.max(newest, newestMtime(path.join(entry, name))), stat.mtimeMs);
}

export function ensureBuild(distDir: string): void {
  const buildId = path.join(distDir, "BUILD_ID");
  const builtAt = existsSync(buildId) ? statSync(buildId).mtimeMs : 0;
  const changedAt = Math.max(...SOURCE_DIRS.map(newestMtime));
  if (builtAt > changedAt && process.env.E2E_REBUILD !== "1") return;
  console.log(`[build] building the app (next build into ${distDir})…`);
  const result = spawnSync("npx", ["next", "build"], { stdio: "inherit", env: { ...process.env, NEXT_DIST_DIR: distDir } });
  if (result.status !== 0) throw new Error(`next build failed (${result.status})`);
}
