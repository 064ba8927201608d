import { describe, expect, it } from "vitest";
import { loginErrorView } from "@/components/auth/login-error";
import { loginSchema } from "@/lib/validation/login";

describe("login form validation", () => {
  it("reports each empty or malformed field with its own message key", () => {
    const result = loginSchema.safeParse({ email: "", password: "" });
    expect(result.success).toBe(false);
    const byField = Object.fromEntries(result.error!.issues.map((issue) => [issue.path[0], issue.message]));
    expect(byField).toEqual({ email: "emailRequired", password: "passwordRequired" });
    const malformed = loginSchema.safeParse({ email: "not-an-email", password: "x" });
    expect(malformed.error!.issues[0]!.message).toBe("emailInvalid");
  });

  it("normalizes the e-mail", () => {
    expect(loginSchema.parse({ email: "  Fabricante@Demo.TEST ", password: "x" }).email).toBe("fabricante@demo.test");
  });

  it("rejects missing fields and non-strings", () => {
    expect(loginSchema.safeParse({}).success).toBe(false);
    expect(loginSchema.safeParse({ email: ["a@b.co"], password: 1 }).success).toBe(false);
  });
});

describe("login error messages", () => {
  it("maps next-auth errors to what the form shows", () => {
    expect(loginErrorView("CredentialsSignin")).toEqual({ key: "invalidCredentials" });
    expect(loginErrorView("THROTTLED:12")).toEqual({ key: "throttled", minutes: 12 });
    expect(loginErrorView("SessionRequired")).toEqual({ key: "sessionExpired" });
    expect(loginErrorView("Something else")).toEqual({ key: "unexpected" });
    expect(loginErrorView(null)).toBeNull();
  });
});
