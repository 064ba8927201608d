// Runs the Playwright suite in Debian's Chromium. Without Chromium it says so loudly and skips —
// unless REQUIRE_E2E=1 (set by .ci/run), where a missing browser fails the run.
import { spawnSync } from "node:child_process";
import { chromiumPath } from "./chromium-path.mjs";

const browser = chromiumPath();
if (!browser) {
  const banner = [
    "",
    "################################################################################",
    "#  E2E TESTS NOT RUN: no Chromium found (looked at $CHROMIUM_PATH, /usr/bin/chromium).",
    "#  Install it with:  sudo apt-get update && sudo apt-get install -y chromium",
    "################################################################################",
    "",
  ].join("\n");
  console.error(banner);
  process.exit(process.env.REQUIRE_E2E === "1" ? 1 : 0);
}

const result = spawnSync("npx", ["playwright", "test", ...process.argv.slice(2)], {
  stdio: "inherit",
  env: { ...process.env, CHROMIUM_PATH: browser },
});
process.exit(result.status ?? 1);
