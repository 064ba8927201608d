// Finding: no security headers across 15 pages and APIs — no Content-Security-Policy, no
// frame-ancestors / X-Frame-Options (a serial page with its Ações menu loaded inside another site's
// iframe), no Referrer-Policy, no Permissions-Policy, nosniff only on the CSV.
import { createServer } from "node:http";
import type { AddressInfo } from "node:net";
import { expect, test, type APIResponse } from "@playwright/test";

const DEMO_PASSWORD = "demo1234";

const PAGES = ["/login", "/", "/fabricante/assinaturas", "/fabricante/configuracoes"];
const APIS = [
  "/api/health",
  "/api/v1/openapi.json",
  "/api/v1/licenses/public-key",
  "/api/fabricante/assinaturas/exportar",
  "/api/auth/csrf",
];

function expectBrowserProtections(response: APIResponse, url: string) {
  const headers = response.headers();
  expect(headers["x-frame-options"], url).toBe("DENY");
  expect(headers["x-content-type-options"], url).toBe("nosniff");
  expect(headers["referrer-policy"], url).toBe("strict-origin-when-cross-origin");
  expect(headers["permissions-policy"], url).toContain("camera=()");
  // Plain http here: no HSTS (it is sent when NEXTAUTH_URL is https://).
  expect(headers["strict-transport-security"], url).toBeUndefined();
}

test.describe("security headers", () => {
  test.beforeEach(async ({ page }) => {
    const { csrfToken } = (await (await page.request.get("/api/auth/csrf")).json()) as { csrfToken: string };
    const login = await page.request.post("/api/auth/callback/credentials", {
      form: { email: "fabricante@demo.test", password: DEMO_PASSWORD, csrfToken, json: "true", callbackUrl: "/" },
    });
    expect(login.ok()).toBe(true);
  });

  test("every page has a strict CSP with a fresh nonce that Next's scripts carry, and the other headers", async ({ page }) => {
    const nonces = new Set<string>();
    for (const url of PAGES) {
      const response = await page.request.get(url);
      expect(response.status(), url).toBe(200);
      expectBrowserProtections(response, url);
      const policy = response.headers()["content-security-policy"] ?? "";
      const nonce = /'nonce-([^']+)'/.exec(policy)?.[1];
      expect(nonce, `${url}: ${policy}`).toBeTruthy();
      expect(policy).toContain("frame-ancestors 'none'");
      expect(policy).toContain("object-src 'none'");
      expect(policy).not.toMatch(/script-src[^;]*'unsafe-inline'/);
      const html = await response.text();
      const scripts = [...html.matchAll(/<script\b[^>]*>/g)].map((match) => match[0]);
      expect(scripts.length, url).toBeGreaterThan(0);
      for (const tag of scripts) expect(tag, url).toContain(`nonce="${nonce}"`);
      nonces.add(nonce!);
    }
    expect(nonces.size).toBe(PAGES.length);
  });

  test("APIs carry nosniff, no framing, the referrer and permissions policies", async ({ page }) => {
    for (const url of APIS) expectBrowserProtections(await page.request.get(url), url);
    const license = await page.request.post("/api/v1/licenses/check-in", { data: "{}" });
    expectBrowserProtections(license, "/api/v1/licenses/check-in");
  });

  test("pages work in Chromium under the policy: no violation, React hydrates", async ({ page }) => {
    const violations: string[] = [];
    page.on("console", (message) => {
      if (/Content Security Policy|Refused to/i.test(message.text())) violations.push(message.text());
    });
    for (const url of ["/fabricante/assinaturas", "/fabricante/configuracoes"]) {
      await page.goto(url);
      await expect(page.getByRole("heading", { level: 1 })).toBeVisible();
      // React marks the elements it hydrated; blocked scripts would leave none.
      await expect
        .poll(() =>
          page.evaluate(() => Object.keys(document.querySelector("main") ?? {}).some((key) => key.startsWith("__react"))),
        )
        .toBe(true);
    }
    expect(violations).toEqual([]);
  });

  test("another site can't frame a portal page (clickjacking)", async ({ page, baseURL }) => {
    // The attacker's page, on another origin, framing the portal's list of serials.
    const evil = createServer((_req, res) => {
      res.writeHead(200, { "content-type": "text/html; charset=utf-8" });
      res.end(`<h1>Ganhe um prêmio</h1><iframe src="${baseURL}/fabricante/assinaturas"></iframe>`);
    });
    await new Promise<void>((resolve) => evil.listen(0, "127.0.0.1", resolve));
    try {
      const framed = page.waitForResponse((response) => response.url().startsWith(`${baseURL}/`));
      await page.goto(`http://127.0.0.1:${(evil.address() as AddressInfo).port}/`);
      expect((await framed).status()).toBeLessThan(400);
      // The portal answered, but Chromium refuses to show it inside another site's page.
      const frame = page.frames().find((candidate) => candidate !== page.mainFrame())!;
      await expect.poll(() => frame.url()).toMatch(/^chrome-error:/);
    } finally {
      await new Promise((resolve) => evil.close(resolve));
    }
  });
});
