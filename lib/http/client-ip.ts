// The caller's IP as the custom server (server.ts) recorded it in X-Forwarded-For. Behind a proxy,
// set TRUST_PROXY=1 so the proxy's header is kept instead.
type HeaderBag = Headers | Record<string, string | string[] | undefined>;

function read(headers: HeaderBag, name: string): string | undefined {
  if (headers instanceof Headers) return headers.get(name) ?? undefined;
  const value = headers[name];
  return Array.isArray(value) ? value[0] : value;
}

export function clientIp(headers: HeaderBag | undefined): string {
  if (!headers) return "unknown";
  const forwarded = read(headers, "x-forwarded-for")?.split(",")[0]?.trim();
  return forwarded || read(headers, "x-real-ip")?.trim() || "unknown";
}
