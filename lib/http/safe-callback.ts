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
