// The caller's IP, for the per-IP limits. server.ts replaces X-Forwarded-For with one trusted
// address before any handler runs (resolveClientIp), so clientIp() reads a single value.
import { isIP } from "node:net";

type HeaderBag = Headers | Record<string, string | string[] | undefined>;

function read(headers: HeaderBag, name: string): string | undefined {
  if (headers instanceof Headers) return headers.get(name) ?? undefined;
  const value = headers[name];
  return Array.isArray(value) ? value[0] : value;
}

/**
 * The client's address: the socket's, or — behind `trustedProxies` reverse proxies, each of which
 * appends the address it received from — the entry that many places from the right of
 * X-Forwarded-For. Entries further left are whatever the client claimed and are never used.
 */
export function resolveClientIp(
  forwardedFor: string | string[] | undefined,
  socketAddress: string | undefined,
  trustedProxies: number,
): string {
  const socket = socketAddress && isIP(socketAddress) ? socketAddress : "unknown";
  if (trustedProxies <= 0) return socket;
  const chain = [forwardedFor ?? []]
    .flat()
    .join(",")
    .split(",")
    .map((entry) => entry.trim())
    .filter(Boolean);
  const candidate = chain[chain.length - trustedProxies];
  return candidate && isIP(candidate) ? candidate : socket;
}

export function clientIp(headers: HeaderBag | undefined): string {
  if (!headers) return "unknown";
  const value = read(headers, "x-forwarded-for")?.split(",").at(-1)?.trim();
  return value && isIP(value) ? value : "unknown";
}
