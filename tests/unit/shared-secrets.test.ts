import { describe, expect, it } from "vitest";
import { requireSharedSecrets } from "@/lib/runtime/bootstrap-env";

const URL = "postgresql://postgres@127.0.0.1:5432/portal";
const SECRET = "x".repeat(40);

describe("requireSharedSecrets (production start on PostgreSQL)", () => {
  it("refuses without NEXTAUTH_SECRET or LICENSE_SIGNING_KEY, naming what is missing", () => {
    expect(() => requireSharedSecrets({ NODE_ENV: "production", DATABASE_URL: URL })).toThrow(
      /NEXTAUTH_SECRET e LICENSE_SIGNING_KEY/,
    );
    expect(() => requireSharedSecrets({ NODE_ENV: "production", DATABASE_URL: URL, NEXTAUTH_SECRET: SECRET })).toThrow(
      /defina LICENSE_SIGNING_KEY/,
    );
    expect(() =>
      requireSharedSecrets({ NODE_ENV: "production", DATABASE_URL: URL, LICENSE_SIGNING_KEY: "k", NEXTAUTH_SECRET: " " }),
    ).toThrow(/defina NEXTAUTH_SECRET/);
  });

  it("lets a production start with both secrets, the embedded database or a development start go", () => {
    expect(() =>
      requireSharedSecrets({ NODE_ENV: "production", DATABASE_URL: URL, NEXTAUTH_SECRET: SECRET, LICENSE_SIGNING_KEY: "k" }),
    ).not.toThrow();
    expect(() => requireSharedSecrets({ NODE_ENV: "production" })).not.toThrow();
    expect(() => requireSharedSecrets({ NODE_ENV: "development", DATABASE_URL: URL })).not.toThrow();
  });
});
