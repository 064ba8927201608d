// The one production build every benchmark's server runs: `.next-bench`, built once, and again only
// when a source file is newer than it — so `bench:list`, `bench:checkin`, `bench:export` and
// `bench:history` share it, alone or one after another (`npm run bench`).
import { spawnSync } from "node:child_process";
import { existsSync, readdirSync, statSync } from "node:fs";
import path from "node:path";

export const BENCH_DIST_DIR = ".next-bench";

/** What the build is made of: a change here makes the build stale. */
const SOURCES = [
  "app",
  "components",
  "lib",
  "i18n",
  "messages",
  "types",
  "proxy.ts",
  "global.d.ts",
  "next.config.ts",
  "postcss.config.mjs",
  "package-lock.json",
];

function newestMtimeMs(entry: string): number {
  if (!existsSync(entry)) return 0;
  const stat = statSync(entry);
  if (!stat.isDirectory()) return stat.mtimeMs;
  let newest = stat.mtimeMs;
  for (const child of readdirSync(entry)) newest = Math.max(newest, newestMtimeMs(path.join(entry, child)));
  return newest;
}

/** Why the build must be made, or null when `.next-bench` is newer than every source. */
export function staleBuildReason(): string | null {
  const buildId = `${BENCH_DIST_DIR}/BUILD_ID`;
  if (!existsSync(buildId)) return `no production build in ${BENCH_DIST_DIR}`;
  const built = statSync(buildId).mtimeMs;
  const newer = SOURCES.find((source) => newestMtimeMs(source) > built);
  return newer ? `${newer} changed after the last build` : null;
}

/** Builds into `.next-bench` when it is missing or older than the sources; `--no-build` only checks. */
export function ensureBenchBuild(options: { build: boolean } = { build: true }): void {
  const reason = staleBuildReason();
  if (!reason) return;
  if (!options.build) {
    if (!existsSync(`${BENCH_DIST_DIR}/BUILD_ID`)) throw new Error(`No production build in ${BENCH_DIST_DIR} (--no-build).`);
    console.log(`[bench] ${reason}; --no-build: using the build as it is.`);
    return;
  }
  console.log(`[bench] ${reason}: building (NEXT_DIST_DIR=${BENCH_DIST_DIR} npx next build)…`);
  const result = spawnSync("npx", ["next", "build"], {
    env: { ...process.env, NEXT_DIST_DIR: BENCH_DIST_DIR },
    stdio: ["ignore", "inherit", "inherit"],
  });
  if (result.status !== 0) throw new Error(`next build failed (exit ${result.status})`);
}
