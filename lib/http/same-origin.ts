// Cross-site request forgery defence for everything a session cookie authorizes: a state-changing
// request must carry an Origin header equal — scheme, host and port — to the portal's public URL
// (NEXTAUTH_URL) or to the address the request was sent to. Browsers always send Origin on such
// requests and a page can't forge it; a missing or "null" Origin is refused too.

type HeaderBag = Pick<Headers, "get">;

function originOf(url: string | undefined): string | null {
  if (!url) return null;
  try {
    const origin = new URL(url).origin;
    return origin === "null" ? null : origin;
  } catch {
    return null;
  }
}

/** The origin this request was addressed to: its Host, with the scheme a proxy reports or http. */
export function requestOrigin(headers: HeaderBag): string | null {
  const host = headers.get("x-forwarded-host")?.split(",")[0]?.trim() || headers.get("host");
  if (!host) return null;
  const proto = headers.get("x-forwarded-proto")?.split(",")[0]?.trim().toLowerCase();
  return originOf(`${proto === "https" ? "https" : "http"}://${host}`);
}

/**
 * True when the request's Origin is the portal's own: NEXTAUTH_URL's, the Host's, or the URL the
 * handler was given (`requestUrl`).
 */
export function isSameOrigin(headers: HeaderBag, requestUrl?: string, publicUrl = process.env.NEXTAUTH_URL): boolean {
  const origin = headers.get("origin");
  if (!origin || origin === "null") return false;
  const claimed = originOf(origin);
  if (!claimed || claimed !== origin.replace(/\/$/, "").toLowerCase()) return false;
  return [originOf(publicUrl), requestOrigin(headers), originOf(requestUrl)].includes(claimed);
}

/** Methods that change nothing and so need no Origin. */
export function isSafeMethod(method: string): boolean {
  return method === "GET" || method === "HEAD" || method === "OPTIONS";
}
