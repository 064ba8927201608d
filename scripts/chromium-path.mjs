// Where Debian's Chromium lives (Playwright never downloads a browser here).
import { existsSync } from "node:fs";

export function chromiumPath() {
  const candidates = [process.env.CHROMIUM_PATH, "/usr/bin/chromium", "/usr/bin/chromium-browser", "/usr/bin/google-chrome"];
  return candidates.find((candidate) => candidate && existsSync(candidate)) ?? null;
}
