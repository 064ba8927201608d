import { describe, expect, it } from "vitest";
import { clientIp, resolveClientIp } from "@/lib/http/client-ip";

describe("resolveClientIp", () => {
  it("uses the socket address when no proxy is trusted, whatever the client claims", () => {
    expect(resolveClientIp("1.2.3.4", "10.0.0.9", 0)).toBe("10.0.0.9");
    expect(resolveClientIp(undefined, "::ffff:127.0.0.1", 0)).toBe("::ffff:127.0.0.1");
  });

  it("behind N proxies takes the Nth entry from the right, ignoring what the client put on the left", () => {
    expect(resolveClientIp("6.6.6.6, 203.0.113.7", "10.0.0.1", 1)).toBe("203.0.113.7");
    expect(resolveClientIp(["6.6.6.6", "203.0.113.7, 10.0.0.2"], "10.0.0.1", 2)).toBe("203.0.113.7");
  });

  it("falls back to the socket when the trusted entry is missing or not an address", () => {
    expect(resolveClientIp(undefined, "10.0.0.1", 1)).toBe("10.0.0.1");
    expect(resolveClientIp("x".repeat(3000), "10.0.0.1", 1)).toBe("10.0.0.1");
    expect(resolveClientIp("not-an-ip", undefined, 1)).toBe("unknown");
  });
});

describe("clientIp", () => {
  it("reads the single address server.ts left, and refuses anything else", () => {
    expect(clientIp(new Headers({ "x-forwarded-for": "203.0.113.7" }))).toBe("203.0.113.7");
    expect(clientIp({ "x-forwarded-for": "<script>" })).toBe("unknown");
    expect(clientIp(undefined)).toBe("unknown");
  });
});
