import { describe, expect, it } from "vitest";
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
