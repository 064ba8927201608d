import { describe, expect, it } from "vitest";
import { safeCallbackPath } from "@/lib/http/safe-callback";

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
