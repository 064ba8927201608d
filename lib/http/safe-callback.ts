// Where to send a user after login: only a path of this site. Anything that could leave the site
// ("//evil.com", "/\evil.com", an absolute URL) becomes "/".
export function safeCallbackPath(value: string | string[] | undefined): string {
  const candidate = Array.isArray(value) ? value[0] : value;
  if (!candidate) return "/";
  try {
    const url = new URL(candidate, "http://portal.invalid");
    if (url.origin !== "http://portal.invalid") return "/";
    const path = `${url.pathname}${url.search}`;
    // A path that starts with two slashes (or a backslash) is read by browsers as another host.
    return /^\/[^/\\]/.test(path) || path === "/" ? path : "/";
  } catch {
    return "/";
  }
}

/**
 * next-auth's redirect callback: an absolute URL of this site or a path, else the home page.
 * next-auth's own version throws on values like `\\evil.example` (in callbackUrl or in its
 * callback-url cookie), which became a 500 with a stack trace.
 */
export function safeRedirectUrl(url: string, baseUrl: string): string {
  let base: URL;
  try {
    base = new URL(baseUrl);
  } catch {
    return "/";
  }
  let candidate = url;
  try {
    const absolute = new URL(url);
    candidate = absolute.origin === base.origin ? `${absolute.pathname}${absolute.search}` : "/";
  } catch {
    // Not absolute: a path (or junk), judged below.
  }
  return new URL(safeCallbackPath(candidate), base).toString();
}
