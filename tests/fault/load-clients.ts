// The clients the fault scripts load a portal with: signed-in sessions, keep-alive HTTP, and a
// record of every answer (kind, start, duration, status, Retry-After, body kind or error).
import { randomBytes } from "node:crypto";
import http from "node:http";
import pg from "pg";

export type Outcome = {
  kind: string;
  start: number;
  ms: number;
  status: number;
  retryAfter?: string;
  body?: string;
  error?: string;
};

export const agent = new http.Agent({ keepAlive: true, maxSockets: 400 });

export function request(
  url: string,
  options: { method?: string; headers?: Record<string, string>; body?: string; timeoutMs?: number } = {},
): Promise<{ status: number; headers: http.IncomingHttpHeaders; body: string }> {
  return new Promise((resolve, reject) => {
    const req = http.request(url, { method: options.method ?? "GET", headers: options.headers, agent }, (res) => {
      const chunks: Buffer[] = [];
      res.on("data", (chunk: Buffer) => chunks.push(chunk));
      res.on("end", () =>
        resolve({ status: res.statusCode ?? 0, headers: res.headers, body: Buffer.concat(chunks).toString("utf8") }),
      );
      res.on("error", reject);
    });
    req.setTimeout(options.timeoutMs ?? 30_000, () => req.destroy(new Error("client timeout")));
    req.on("error", reject);
    req.end(options.body);
  });
}

/** Records one request of kind: its status, duration and what the 503 said. */
export async function timed(
  outcomes: Outcome[],
  kind: string,
  run: () => ReturnType<typeof request>,
): Promise<Awaited<ReturnType<typeof request>> | null> {
  const start = Date.now();
  try {
    const response = await run();
    const outcome: Outcome = { kind, start, ms: Date.now() - start, status: response.status };
    if (response.status >= 300 && response.status !== 503) outcome.body = response.body.slice(0, 200);
    if (response.status === 503) {
      outcome.retryAfter = response.headers["retry-after"] as string | undefined;
      outcome.body = String(response.headers["content-type"]).startsWith("application/json")
        ? "json"
        : response.body.includes("Portal temporariamente indisponível")
          ? "pt-BR page"
          : "other";
    }
    outcomes.push(outcome);
    return response;
  } catch (error) {
    outcomes.push({ kind, start, ms: Date.now() - start, status: 0, error: (error as Error).message });
    return null;
  }
}

/** Signs in through next-auth's credentials endpoint; returns the Cookie header of the session. */
export async function signIn(baseUrl: string, email: string, password: string, ip = "10.250.0.1"): Promise<string> {
  // Each user from its own address (the server trusts one proxy: TRUST_PROXY=1).
  const csrf = await request(`${baseUrl}/api/auth/csrf`, { headers: { "x-forwarded-for": ip } });
  const csrfCookie = [csrf.headers["set-cookie"] ?? []].flat().map((cookie) => cookie.split(";")[0]!);
  const { csrfToken } = JSON.parse(csrf.body) as { csrfToken: string };
  const response = await request(`${baseUrl}/api/auth/callback/credentials`, {
    method: "POST",
    headers: { "content-type": "application/x-www-form-urlencoded", cookie: csrfCookie.join("; "), "x-forwarded-for": ip },
    body: new URLSearchParams({ email, password, csrfToken, json: "true", callbackUrl: "/" }).toString(),
  });
  const cookies = [response.headers["set-cookie"] ?? []].flat().map((cookie) => cookie.split(";")[0]!);
  const session = cookies.find((cookie) => cookie.includes("session-token"));
  if (!session) throw new Error(`sign-in of ${email} failed (${response.status})`);
  return session;
}

export function nonce(): string {
  return randomBytes(12).toString("base64url");
}

export const sleep = (ms: number) => new Promise((resolve) => setTimeout(resolve, ms));

/** Counts by status (or error) for the report. */
export function countBy(outcomes: Outcome[]): Record<string, number> {
  const counts: Record<string, number> = {};
  for (const outcome of outcomes) {
    const key = outcome.error ? `error: ${outcome.error}` : String(outcome.status);
    counts[key] = (counts[key] ?? 0) + 1;
  }
  return counts;
}

/** One statement on its own connection (the scripts' setup and checks). */
export async function pgQuery(url: string, text: string): Promise<Record<string, unknown>[]> {
  const client = new pg.Client({ connectionString: url });
  await client.connect();
  try {
    return (await client.query(text)).rows as Record<string, unknown>[];
  } finally {
    await client.end();
  }
}
