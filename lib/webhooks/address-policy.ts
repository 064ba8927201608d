// Where webhooks may be sent (SSRF guard). In production only https URLs whose host resolves to
// public addresses; the check runs when an endpoint is saved and again at every connection (a DNS
// answer can change). WEBHOOKS_ALLOW_LOCALHOST=1 — set by the demo, implied in development and
// test — also allows http:// and the loopback addresses, so a receiver on this computer works.
import { lookup as dnsLookup, type LookupAddress } from "node:dns";
import { promises as dns } from "node:dns";
import { BlockList, isIP, type LookupFunction } from "node:net";

const PRIVATE = new BlockList();
for (const [network, prefix] of [
  ["0.0.0.0", 8],
  ["10.0.0.0", 8],
  ["100.64.0.0", 10],
  ["169.254.0.0", 16],
  ["172.16.0.0", 12],
  ["192.0.0.0", 24],
  ["192.168.0.0", 16],
  ["198.18.0.0", 15],
  ["224.0.0.0", 4],
  ["240.0.0.0", 4],
] as const) {
  PRIVATE.addSubnet(network, prefix, "ipv4");
}
for (const [network, prefix] of [
  ["::", 128],
  ["fc00::", 7],
  ["fe80::", 10],
  ["ff00::", 8],
  ["64:ff9b::", 96],
] as const) {
  PRIVATE.addSubnet(network, prefix, "ipv6");
}
const LOOPBACK = new BlockList();
LOOPBACK.addSubnet("127.0.0.0", 8, "ipv4");
LOOPBACK.addAddress("::1", "ipv6");

export type AddressPolicy = { allowLocal: boolean };

export function webhookAddressPolicy(env: Record<string, string | undefined> = process.env): AddressPolicy {
  return {
    allowLocal: env.WEBHOOKS_ALLOW_LOCALHOST === "1" || env.NODE_ENV === "development" || env.NODE_ENV === "test",
  };
}

function family(address: string): "ipv4" | "ipv6" {
  return isIP(address) === 6 ? "ipv6" : "ipv4";
}

/** An IPv4-mapped IPv6 address (::ffff:10.0.0.1) is judged as the IPv4 address it is. */
function unmapped(address: string): string {
  const match = /^::ffff:(\d+\.\d+\.\d+\.\d+)$/i.exec(address);
  return match ? match[1]! : address;
}

export function isAllowedAddress(address: string, policy: AddressPolicy): boolean {
  const ip = unmapped(address);
  if (LOOPBACK.check(ip, family(ip))) return policy.allowLocal;
  return !PRIVATE.check(ip, family(ip));
}

export type UrlProblem = "invalid" | "scheme" | "credentials" | "private" | "unresolvable";

/** Checks a URL an endpoint is saved with; null when it may receive webhooks. */
export async function checkWebhookUrl(raw: string, policy: AddressPolicy): Promise<UrlProblem | null> {
  let url: URL;
  try {
    url = new URL(raw);
  } catch {
    return "invalid";
  }
  if (url.protocol !== "https:" && !(policy.allowLocal && url.protocol === "http:")) return "scheme";
  if (url.username || url.password) return "credentials";
  const host = url.hostname.replace(/^\[|\]$/g, "");
  let addresses: string[];
  if (isIP(host)) {
    addresses = [host];
  } else {
    try {
      addresses = (await dns.lookup(host, { all: true, verbatim: true })).map((entry) => entry.address);
    } catch {
      return "unresolvable";
    }
  }
  return addresses.length > 0 && addresses.every((address) => isAllowedAddress(address, policy)) ? null : "private";
}

export class RefusedAddressError extends Error {
  constructor(host: string) {
    super(`refused address for ${host} (private network)`);
    this.name = "RefusedAddressError";
  }
}

/** A `lookup` for http.request that drops refused addresses, so a connection can only reach allowed ones. */
export function guardedLookup(policy: AddressPolicy): LookupFunction {
  return (hostname, options, callback) => {
    dnsLookup(hostname, { ...options, all: true }, (error, entries: LookupAddress[]) => {
      if (error) return callback(error, "", 0);
      const allowed = entries.filter((entry) => isAllowedAddress(entry.address, policy));
      if (allowed.length === 0) return callback(new RefusedAddressError(hostname), "", 0);
      if (options.all) return (callback as unknown as (e: null, all: LookupAddress[]) => void)(null, allowed);
      callback(null, allowed[0]!.address, allowed[0]!.family);
    });
  };
}
