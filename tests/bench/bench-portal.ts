// What the benchmarks that drive a real portal server share: waiting for it to answer, and signing
// in through next-auth's own endpoints.
import type { ChildProcess } from "node:child_process";

/** Resolves once /api/health answers 200; fails (after stopping it) when the server exits or 120 s pass. */
export async function waitUntilHealthy(
  child: ChildProcess,
  baseUrl: string,
  stop: () => Promise<void>,
  output: () => string,
): Promise<void> {
  const deadline = Date.now() + 120_000;
  while (Date.now() < deadline) {
    if (child.exitCode !== null) throw new Error(`the server exited (${child.exitCode}):\n${output()}`);
    try {
      if ((await fetch(`${baseUrl}/api/health`)).ok) return;
    } catch {
      // not listening yet
    }
    await new Promise((resolve) => setTimeout(resolve, 250));
  }
  await stop();
  throw new Error(`the server did not answer /api/health within 120 s:\n${output()}`);
}

/** Signs in through next-auth's credentials callback; returns the Cookie header to send. */
export async function signIn(baseUrl: string, email: string, password: string): Promise<string> {
  const jar = new Map<string, string>();
  const keep = (response: Response) => {
    for (const cookie of response.headers.getSetCookie()) {
      const [pair] = cookie.split(";");
      const index = pair!.indexOf("=");
      jar.set(pair!.slice(0, index), pair!.slice(index + 1));
    }
  };
  const header = () => [...jar].map(([name, value]) => `${name}=${value}`).join("; ");
  const csrf = await fetch(`${baseUrl}/api/auth/csrf`);
  keep(csrf);
  const { csrfToken } = (await csrf.json()) as { csrfToken: string };
  const login = await fetch(`${baseUrl}/api/auth/callback/credentials`, {
    method: "POST",
    redirect: "manual",
    headers: { "content-type": "application/x-www-form-urlencoded", cookie: header() },
    body: new URLSearchParams({ email, password, csrfToken, json: "true", callbackUrl: "/" }),
  });
  keep(login);
  if (![...jar.keys()].some((name) => name.includes("session-token"))) {
    throw new Error(`login as ${email} failed (${login.status})`);
  }
  return header();
}
