import { describe, expect, it } from "vitest";
import { NextRequest } from "next/server";
import { safeAuthCookieHeader, sanitizeAuthRequest } from "@/lib/auth/sanitize-auth-request";
import { safeCallbackPath, safeRedirectUrl } from "@/lib/http/safe-callback";

describe("safeCallbackPath", () => {
  it("keeps paths of this site, with their query", () => {
    expect(safeCallbackPath("/fabricante/assinaturas?status=ATIVA")).toBe("/fabricante/assinaturas?status=ATIVA");
    expect(safeCallbackPath("/")).toBe("/");
    expect(safeCallbackPath(undefined)).toBe("/");
    expect(safeCallbackPath(["/minhas-assinaturas", "//evil.com"])).toBe("/minhas-assinaturas");
  });

  it.each([
    "//evil.com",
    "/.//evil.com",
    "/..//evil.com",
    "http://portal.invalid//evil.com",
    "/\\evil.com",
    "\\\\evil.com",
    "https://evil.com/x",
    "javascript:alert(1)",
    "%2F%2Fevil.com",
    "////evil.com",
  ])("refuses %s", (value) => {
    const path = safeCallbackPath(value);
    expect(path.startsWith("//") || path.startsWith("/\\")).toBe(false);
    expect(new URL(path, "http://portal.test").host).toBe("portal.test");
  });
});

describe("safeRedirectUrl (next-auth's redirect callback)", () => {
  const base = "http://localhost:3000";
  it("keeps this site's URLs and paths", () => {
    expect(safeRedirectUrl("/fabricante/assinaturas?x=1", base)).toBe("http://localhost:3000/fabricante/assinaturas?x=1");
    expect(safeRedirectUrl("http://localhost:3000/minhas-assinaturas", base)).toBe("http://localhost:3000/minhas-assinaturas");
  });

  it.each([
    "\\\\evil.example",
    "\\evil.example",
    "http://localhost:3000.evil.example/",
    "https://localhost:3000/",
    "//evil.example",
    "http://[::1",
    "%",
    "",
    "javascript:alert(1)",
    "http://localhost:3000@evil.example/",
  ])("sends %j home instead of failing or leaving", (value) => {
    const target = new URL(safeRedirectUrl(value, base));
    expect(target.origin).toBe(base);
  });
});

describe("what next-auth is allowed to see", () => {
  it("replaces a callbackUrl next-auth can't parse, keeps one it can", () => {
    const bad = sanitizeAuthRequest(new NextRequest("http://localhost:3000/api/auth/signin?callbackUrl=%5C%5Cevil.example"));
    expect(bad.nextUrl.searchParams.get("callbackUrl")).toBe("http://localhost:3000/");
    const good = new NextRequest("http://localhost:3000/api/auth/signin?callbackUrl=%2Ffabricante");
    expect(sanitizeAuthRequest(good)).toBe(good);
  });

  it("drops a callback-url cookie next-auth can't parse, keeping the other cookies", () => {
    const request = new NextRequest("http://localhost:3000/api/auth/session", {
      headers: { cookie: "next-auth.callback-url=%5C%5Cevil.example; next-auth.session-token=abc" },
    });
    expect(safeAuthCookieHeader(request)).toBe("next-auth.session-token=abc");
    const fine = new NextRequest("http://localhost:3000/api/auth/session", {
      headers: { cookie: "next-auth.callback-url=http%3A%2F%2Flocalhost%3A3000%2F" },
    });
    expect(safeAuthCookieHeader(fine)).toBeNull();
  });
});
