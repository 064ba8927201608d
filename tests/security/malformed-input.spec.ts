// Finding: malformed input reached 500s and stack traces — server actions posted with bodies that
// are not FormData (84 of 88 answered INTERNAL or 500), a body over 1 MB, and the login with
// callbackUrl=\\evil.example or a crafted next-auth.callback-url cookie. Fuzzed here against the
// real server: at least 200 malformed requests each, no 5xx, no stack trace in the server log.
import { readFileSync } from "node:fs";
import path from "node:path";
import { expect, test, type APIRequestContext } from "@playwright/test";
import { logMark, logSince, stackTraceLines } from "./server-log";

const PORT = process.env.E2E_PORT ?? "3100";
const DIST_DIR = process.env.NEXT_DIST_DIR ?? (PORT === "3100" ? ".next" : `.next-e2e-${PORT}`);

/** The build's server action ids (what a page's forms post as Next-Action). */
function actionIds(): string[] {
  const manifest = JSON.parse(readFileSync(path.join(DIST_DIR, "server", "server-reference-manifest.json"), "utf8")) as {
    node: Record<string, unknown>;
  };
  return Object.keys(manifest.node);
}

const ARG_BODIES = [
  "",
  "not json",
  "[null,{}]",
  "[]",
  "{}",
  "null",
  "[null]",
  "[1,2,3]",
  '["$K1"]',
  '[null,"$K1"]',
  '["$Q1"]',
  '["$@1"]',
  '["$F1"]',
  '["$B1"]',
  '["$T"]',
  '["$h1"]',
  '["$W1"]',
  '["$D"]',
  '["$n99999999999999999999999"]',
  '["$undefined","$-Infinity","$NaN"]',
  '[null,{"serialNumber":"ABCD-EFGH-JKLM-NPQR","__proto__":{"x":1}}]',
  `"${"a".repeat(5000)}"`,
  `${"[".repeat(3000)}${"]".repeat(3000)}`,
  "\u0000\u0001\u0002",
  '[null,"\\ud800"]',
];
const CONTENT_TYPES = [
  "text/plain;charset=UTF-8",
  "application/json",
  "application/x-www-form-urlencoded",
  "multipart/form-data",
  "multipart/form-data; boundary=----x",
  "",
];

function multipart(fields: Record<string, string>): { body: string; type: string } {
  const boundary = "----fuzz7MA4YWxkTrZu0gW";
  const parts = Object.entries(fields).map(
    ([name, value]) => `--${boundary}\r\nContent-Disposition: form-data; name="${name}"\r\n\r\n${value}\r\n`,
  );
  return { body: `${parts.join("")}--${boundary}--\r\n`, type: `multipart/form-data; boundary=${boundary}` };
}

type Probe = { name: string; status: number };

async function post(request: APIRequestContext, url: string, headers: Record<string, string>, body: string | Buffer) {
  const response = await request.post(url, { headers, data: body, maxRedirects: 0, failOnStatusCode: false });
  return response.status();
}

test.describe.configure({ mode: "serial" });

test.describe("malformed input", () => {
  test.setTimeout(240_000);

  test("server actions: 200+ malformed posts answer 4xx (or a refused result), never 5xx, no stack trace", async ({
    page,
    baseURL,
  }) => {
    const { csrfToken } = (await (await page.request.get("/api/auth/csrf")).json()) as { csrfToken: string };
    await page.request.post("/api/auth/callback/credentials", {
      form: { email: "fabricante@demo.test", password: "demo1234", csrfToken, json: "true", callbackUrl: "/" },
    });
    const ids = actionIds();
    expect(ids.length).toBeGreaterThan(3);
    const mark = logMark();
    const probes: Probe[] = [];
    const origin = baseURL!;
    const targets = [...ids.slice(0, 4), "0".repeat(42), "x", "../../etc"];
    for (const [index, id] of targets.entries()) {
      const url = index % 2 ? "/fabricante/assinaturas" : "/";
      for (const [n, body] of ARG_BODIES.entries()) {
        const type = CONTENT_TYPES[(n + index) % CONTENT_TYPES.length]!;
        const headers: Record<string, string> = { origin, "next-action": id, accept: "text/x-component" };
        if (type) headers["content-type"] = type;
        probes.push({ name: `${id} ${type} ${body.slice(0, 40)}`, status: await post(page.request, url, headers, body) });
        const form = multipart({ "0": body, "1_serialNumber": "ABCD-EFGH-JKLM-NPQR" });
        probes.push({
          name: `${id} multipart ${body.slice(0, 40)}`,
          status: await post(page.request, url, { origin, "next-action": id, "content-type": form.type }, form.body),
        });
      }
    }
    // Over 1 MB, another origin, another scheme, no origin, and form posts without Next-Action.
    const big = multipart({ "0": '["$K1"]', "1_x": "a".repeat(1_200_000) });
    for (const id of ids.slice(0, 3)) {
      probes.push({
        name: "1.2 MB",
        status: await post(page.request, "/", { origin, "next-action": id, "content-type": big.type }, big.body),
      });
      for (const foreign of ["http://evil.example", origin.replace("http:", "https:"), "null"]) {
        const form = multipart({ "0": '["$K1"]' });
        probes.push({
          name: `Origin ${foreign}`,
          status: await post(page.request, "/", { origin: foreign, "next-action": id, "content-type": form.type }, form.body),
        });
      }
      probes.push({
        name: "no origin",
        status: await post(page.request, "/", { "next-action": id, "content-type": "text/plain" }, "[]"),
      });
    }
    for (const body of ARG_BODIES.slice(0, 10)) {
      const form = multipart({ $ACTION_ID_x: "", "0": body });
      probes.push({
        name: `form post ${body}`,
        status: await post(page.request, "/", { origin, "content-type": form.type }, form.body),
      });
    }

    expect(probes.length).toBeGreaterThanOrEqual(200);
    const failures = probes.filter((probe) => probe.status >= 500);
    expect(failures, JSON.stringify(failures.slice(0, 10))).toEqual([]);
    const log = logSince(mark);
    expect(stackTraceLines(log), log.slice(0, 3000)).toEqual([]);
  });

  test("login: 200+ crafted callbackUrl values, callback-url cookies and bodies answer no 5xx, no stack trace", async ({
    playwright,
    baseURL,
  }) => {
    const mark = logMark();
    const probes: Probe[] = [];
    const callbacks = [
      "\\\\evil.example",
      "\\evil.example",
      "http://localhost:3000.evil.example/",
      `${baseURL}.evil.example/`,
      "//evil.example",
      "/\\evil.example",
      "https://evil.example",
      "javascript:alert(1)",
      "http://[::1",
      "http://%",
      "%",
      "%E0%A4%A",
      "\u0000",
      "a".repeat(5000),
      "http://user:pass@evil.example",
      `${baseURL}@evil.example`,
      "data:text/html,<script>alert(1)</script>",
      "/fabricante/assinaturas",
      "",
      " ",
    ];
    const context = await playwright.request.newContext({ baseURL });
    const csrf = (await (await context.get("/api/auth/csrf")).json()) as { csrfToken: string };
    for (const callbackUrl of callbacks) {
      const q = encodeURIComponent(callbackUrl);
      probes.push({
        name: `signin ?callbackUrl=${q}`,
        status: (await context.get(`/api/auth/signin?callbackUrl=${q}`, { maxRedirects: 0 })).status(),
      });
      probes.push({
        name: `login page ${q}`,
        status: (await context.get(`/login?callbackUrl=${q}`, { maxRedirects: 0 })).status(),
      });
      for (const email of ["", "nao-e-email", "a\u0000@b.co"]) {
        // Malformed e-mails never count as failures, so the fuzz doesn't lock this address.
        const form = { email, password: "x", csrfToken: csrf.csrfToken, callbackUrl, json: "true" };
        probes.push({
          name: `callback ${email} ${q}`,
          status: (await context.post("/api/auth/callback/credentials", { form, maxRedirects: 0 })).status(),
        });
      }
      probes.push({
        name: `callback without csrf ${q}`,
        status: (
          await context.post("/api/auth/callback/credentials", { form: { callbackUrl, email: "x" }, maxRedirects: 0 })
        ).status(),
      });
      for (const path of ["/api/auth/session", "/api/auth/providers", "/api/auth/signin", "/api/auth/csrf"]) {
        const cookie = `next-auth.callback-url=${encodeURIComponent(callbackUrl)}; next-auth.csrf-token=${"x".repeat(10)}`;
        probes.push({
          name: `${path} cookie ${q}`,
          status: (await context.get(path, { headers: { cookie }, maxRedirects: 0 })).status(),
        });
      }
    }
    const bodies: [string, string | Buffer][] = [
      ["text/plain", "email=a@b.co&password=x"],
      ["application/json", '{"email":"a@b.co","password":"x"}'],
      ["application/json", "not json"],
      ["application/x-www-form-urlencoded", "%%%%"],
      ["application/x-www-form-urlencoded", "email=%E0%A4%A&password=%"],
      ["multipart/form-data", "garbage"],
      ["multipart/form-data; boundary=x", "--x\r\nbroken"],
      ["application/x-www-form-urlencoded", `email=${"a".repeat(2_000_000)}`],
      ["", Buffer.from([0xff, 0xfe, 0x00, 0x01])],
    ];
    for (const [type, body] of bodies) {
      for (const path of [
        "/api/auth/callback/credentials",
        "/api/auth/signin/credentials",
        "/api/auth/signout",
        "/api/auth/_log",
        "/api/auth/nada",
      ]) {
        const headers: Record<string, string> = type ? { "content-type": type } : {};
        probes.push({ name: `${path} ${type}`, status: await post(context, path, headers, body) });
      }
    }
    await context.dispose();

    expect(probes.length).toBeGreaterThanOrEqual(200);
    const failures = probes.filter((probe) => probe.status >= 500);
    expect(failures, JSON.stringify(failures.slice(0, 10))).toEqual([]);
    const log = logSince(mark);
    expect(stackTraceLines(log), log.slice(0, 3000)).toEqual([]);
  });
});
