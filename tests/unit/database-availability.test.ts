import { describe, expect, it } from "vitest";
import { isConnectionLost, isDatabaseUnavailable } from "@/lib/db/availability";

describe("database availability errors", () => {
  it("a restart, a refusal or a lost connection means PostgreSQL is away, also wrapped by Prisma", () => {
    expect(
      isConnectionLost(Object.assign(new Error("terminating connection due to administrator command"), { code: "57P01" })),
    ).toBe(true);
    expect(isConnectionLost(Object.assign(new Error("the database system is shutting down"), { code: "57P03" }))).toBe(true);
    expect(isConnectionLost(Object.assign(new Error("connect ECONNREFUSED 127.0.0.1:5432"), { code: "ECONNREFUSED" }))).toBe(
      true,
    );
    expect(isConnectionLost(new Error("Connection terminated unexpectedly"))).toBe(true);
    const prisma = Object.assign(new Error("Invalid `prisma.user.findUnique()` invocation"), {
      code: "P2039",
      cause: Object.assign(new Error("x"), { code: "57P03" }),
    });
    expect(isConnectionLost(prisma)).toBe(true);
  });

  it("a busy pool is answered 503 but doesn't mark PostgreSQL away; a bad statement is neither", () => {
    const busy = new Error("timeout exceeded when trying to connect");
    expect(isDatabaseUnavailable(busy)).toBe(true);
    expect(isConnectionLost(busy)).toBe(false);
    const bad = Object.assign(new Error('duplicate key value violates unique constraint "x"'), { code: "23505" });
    expect(isDatabaseUnavailable(bad)).toBe(false);
    expect(isDatabaseUnavailable(null)).toBe(false);
  });
});
