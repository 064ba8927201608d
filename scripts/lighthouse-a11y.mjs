// Lighthouse's accessibility score of the portal's pages, on a phone (Lighthouse's default mobile
// emulation, 412 px) and on a desktop, signed in as the demo's Fabricante and lojista.
//   npm run a11y:lighthouse                      starts the portal on a fresh demo database
//                                                (E2E_PORT, default 3100) and stops it at the end
//   LIGHTHOUSE_URL=http://localhost:3000 npm run a11y:lighthouse   audits a portal already running
// Prints one line per page and form factor, the failing audits under any score below 100, and exits
// with 1 when a score is below 100. Uses Debian's Chromium (CHROME_PATH, default /usr/bin/chromium).
import { spawn } from "node:child_process";
import * as chromeLauncher from "chrome-launcher";
import lighthouse from "lighthouse";
import desktopConfig from "lighthouse/core/config/desktop-config.js";

const PASSWORD = "demo1234";
const port = process.env.E2E_PORT ?? "3100";
const base = process.env.LIGHTHOUSE_URL ?? `http://localhost:${port}`;

async function waitForHealth(url, timeoutMs) {
  const started = Date.now();
  while (Date.now() - started < timeoutMs) {
    try {
      if ((await fetch(`${url}/api/health`)).ok) return;
    } catch {
      // not up yet
    }
    await new Promise((resolve) => setTimeout(resolve, 1000));
  }
  throw new Error(`the portal did not answer at ${url} in ${timeoutMs / 1000} s`);
}

async function startPortal() {
  if (process.env.LIGHTHOUSE_URL) return null;
  const server = spawn("npx", ["tsx", "scripts/e2e-server.ts"], {
    env: { ...process.env, E2E_PORT: port },
    stdio: ["ignore", "ignore", "inherit"],
    detached: true,
  });
  await waitForHealth(base, 600_000);
  return server;
}

/** The session cookie of a demo user, through next-auth's own endpoints. */
async function sessionCookie(email) {
  const csrf = await fetch(`${base}/api/auth/csrf`);
  const { csrfToken } = await csrf.json();
  const cookies = csrf.headers.getSetCookie().map((cookie) => cookie.split(";")[0]);
  const response = await fetch(`${base}/api/auth/callback/credentials`, {
    method: "POST",
    redirect: "manual",
    headers: { "Content-Type": "application/x-www-form-urlencoded", Cookie: cookies.join("; ") },
    body: new URLSearchParams({ email, password: PASSWORD, csrfToken, json: "true", callbackUrl: "/" }),
  });
  const session = response.headers.getSetCookie().map((cookie) => cookie.split(";")[0]);
  if (!session.some((cookie) => cookie.includes("session-token"))) throw new Error(`could not sign in as ${email}`);
  return [...cookies, ...session].join("; ");
}

/** A suspended serial (its page shows a reason, a history and the Ações menu). */
async function suspendedSerial(cookie) {
  const response = await fetch(`${base}/api/fabricante/assinaturas/exportar?situacao=SUSPENSA`, { headers: { Cookie: cookie } });
  const [, first] = (await response.text()).split(/\r?\n/);
  const serial = first?.split(";")[5]?.replace(/^"|"$/g, "");
  if (!serial) throw new Error("no suspended serial in the demo data");
  return serial;
}

async function main() {
  const server = await startPortal();
  const chrome = await chromeLauncher.launch({
    chromePath: process.env.CHROME_PATH ?? "/usr/bin/chromium",
    chromeFlags: ["--headless=new", "--no-sandbox", "--disable-gpu", "--disable-dev-shm-usage"],
  });
  let failed = false;
  try {
    const fabricante = await sessionCookie("fabricante@demo.test");
    const lojista = await sessionCookie("lojista@demo.test");
    const serial = await suspendedSerial(fabricante);
    const pages = [
      ["/login", ""],
      ["/", fabricante],
      ["/fabricante/assinaturas", fabricante],
      [`/fabricante/assinaturas/${serial}`, fabricante],
      [`/fabricante/assinaturas/${serial}?aba=ativacoes`, fabricante],
      [`/fabricante/assinaturas/${serial}?aba=historico`, fabricante],
      ["/fabricante/configuracoes", fabricante],
      ["/minhas-assinaturas", lojista],
    ];
    console.log(
      `Lighthouse ${(await import("lighthouse/package.json", { with: { type: "json" } })).default.version}, accessibility, ${base}`,
    );
    for (const [path, cookie] of pages) {
      for (const [formFactor, config] of [
        ["mobile", undefined],
        ["desktop", desktopConfig],
      ]) {
        const result = await lighthouse(
          `${base}${path}`,
          {
            port: chrome.port,
            onlyCategories: ["accessibility"],
            logLevel: "error",
            extraHeaders: cookie ? { Cookie: cookie } : {},
          },
          config,
        );
        const { lhr } = result;
        const score = Math.round((lhr.categories.accessibility.score ?? 0) * 100);
        const label = path.replace(serial, "<serial>");
        console.log(`${String(score).padStart(3)}  ${formFactor.padEnd(7)}  ${label}`);
        if (lhr.finalDisplayedUrl && !lhr.finalDisplayedUrl.startsWith(`${base}${path.split("?")[0]}`)) {
          console.log(`     ! ended at ${lhr.finalDisplayedUrl}`);
          failed = true;
        }
        if (score < 100) {
          failed = true;
          for (const audit of Object.values(lhr.audits))
            if (audit.score === 0 && lhr.categories.accessibility.auditRefs.some((ref) => ref.id === audit.id && ref.weight > 0))
              console.log(`     - ${audit.id}: ${audit.title}`);
        }
      }
    }
  } finally {
    await chrome.kill();
    if (server) process.kill(-server.pid, "SIGTERM");
  }
  process.exit(failed ? 1 : 0);
}

main().catch((error) => {
  console.error(error);
  process.exit(1);
});
