// The server's log (JSON lines, lib/runtime/logger.ts) after signing in through the form, failing a
// login, browsing and asking for a password reset: one request line per request with its id,
// account, status and duration — and never a password, a session cookie, the session secret, the
// license signing key or a reset token. Reads the whole log of this e2e run (scripts/e2e-server.ts).
import { readFileSync } from "node:fs";
import path from "node:path";
import { expect, test } from "@playwright/test";
import { logMark, logSince } from "./server-log";

const DEMO_PASSWORD = "demo1234";
const WRONG_PASSWORD = "senha-errada-Xy9";
const NEXTAUTH_SECRET = "e2e-secret-e2e-secret-e2e-secret-e2e-secret";

/** The base64 body of the license signing key the e2e server uses (.data/license-signing-key.pem). */
function signingKeyBody(): string | null {
  try {
    const pem = readFileSync(path.join(".data", "license-signing-key.pem"), "utf8");
    return pem.replace(/-----[^-]+-----/g, "").replace(/\s+/g, "");
  } catch {
    return null;
  }
}

test("the server log has a JSON line per request and no secret", async ({ page }) => {
  const mark = logMark();
  await page.goto("/login");
  await page.getByLabel("E-mail").fill("fabricante@demo.test");
  await page.getByLabel("Senha").fill(WRONG_PASSWORD);
  await page.getByRole("button", { name: "Entrar" }).click();
  await expect(page.getByRole("alert")).toBeVisible();
  await page.getByLabel("Senha").fill(DEMO_PASSWORD);
  await page.getByRole("button", { name: "Entrar" }).click();
  await expect(page).toHaveURL(/\/$/);
  await page.goto("/fabricante/assinaturas?cliente=aurora");
  await expect(page.getByRole("heading", { level: 1, name: "Assinaturas" })).toBeVisible();
  const cookies = await page.context().cookies();
  const session = cookies.find((cookie) => cookie.name.includes("next-auth.session-token"));
  expect(session, "signed in").toBeDefined();
  const csrf = cookies.find((cookie) => cookie.name.includes("csrf-token"));
  // A password reset link's token travels in the path: masked in the request line.
  await page.goto("/redefinir-senha/abcdefghijklmnopqrstuvwxyz0123456789");

  await expect
    .poll(() => logSince(mark).includes('"path":"/redefinir-senha/[token]"'), { message: "the reset request was logged" })
    .toBe(true);
  const runLog = logSince(0);
  const sinceMark = logSince(mark);
  const requests = sinceMark
    .split("\n")
    .filter((line) => line.startsWith("{"))
    .map((line) => JSON.parse(line) as Record<string, unknown>)
    .filter((entry) => entry.msg === "request");
  const list = requests.find((entry) => entry.path === "/fabricante/assinaturas" && entry.method === "GET");
  expect(list, "the list's request line").toMatchObject({ status: 200 });
  expect(list!.reqId).toMatch(/^[0-9a-f]{12}$/);
  expect(typeof list!.ms).toBe("number");
  // A signed-in page render names its account and user, like server actions and route handlers.
  expect(list!.account).toMatch(/^[0-9a-f-]{36}$/);
  expect(list!.user).toMatch(/^[0-9a-f-]{36}$/);

  const secrets: [string, string | undefined | null][] = [
    ["demo password", DEMO_PASSWORD],
    ["wrong password", WRONG_PASSWORD],
    ["session cookie", session?.value],
    ["csrf cookie", csrf?.value.split("%7C")[0]],
    ["NEXTAUTH_SECRET", NEXTAUTH_SECRET],
    ["license signing key", signingKeyBody()?.slice(0, 40)],
    ["reset token", "abcdefghijklmnopqrstuvwxyz0123456789"],
  ];
  for (const [name, value] of secrets) {
    if (!value) continue;
    expect(runLog.includes(value), `${name} in the server log`).toBe(false);
  }
  expect(runLog).not.toMatch(/BEGIN PRIVATE KEY/);
});
