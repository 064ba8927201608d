import { existsSync, writeFileSync } from "node:fs";
import type { NextConfig } from "next";
import createNextIntlPlugin from "next-intl/plugin";

const withNextIntl = createNextIntlPlugin("./i18n/request.ts");

const distDir = process.env.NEXT_DIST_DIR || ".next";

/**
 * Next adds each build folder's types to the tsconfig it uses. Builds into other folders (parallel
 * e2e runs, benchmarks) get a throwaway tsconfig of their own, so the project's stays clean.
 */
function tsconfigFor(folder: string): string {
  if (folder === ".next") return "tsconfig.json";
  const file = `tsconfig${folder.replace(/[^a-z0-9-]/gi, "-")}.json`;
  if (!existsSync(file)) writeFileSync(file, `${JSON.stringify({ extends: "./tsconfig.json" }, null, 2)}\n`);
  return file;
}

const nextConfig: NextConfig = {
  // PGlite loads its WASM and data files from its own package directory at run time.
  serverExternalPackages: ["@electric-sql/pglite", "pglite-prisma-adapter", "pg", "bcryptjs"],
  poweredByHeader: false,
  // Type errors are caught by `npm run typecheck` (CI runs it before building); the build skips a
  // second, slower check of the same files.
  typescript: { ignoreBuildErrors: true, tsconfigPath: tsconfigFor(distDir) },
  // Separate build folders let several builds (e.g. parallel e2e runs) coexist.
  distDir,
};

export default withNextIntl(nextConfig);
