import { describe, expect, it } from "vitest";
import { GET } from "@/app/api/health/route";
import { testDatabase } from "../support/test-database";

describe("GET /api/health", () => {
  it("answers 200 when the database is up and every migration is applied", async () => {
    await testDatabase();
    const response = await GET();
    expect(response.status).toBe(200);
    expect(await response.json()).toMatchObject({ status: "ok", database: "up", pendingMigrations: [] });
  });

  it("answers 503 when a migration is pending", async () => {
    const db = await testDatabase();
    await db.sql.query(`DELETE FROM "_prisma_migrations"`);
    const response = await GET();
    expect(response.status).toBe(503);
    const body = (await response.json()) as { status: string; pendingMigrations: string[] };
    expect(body.status).toBe("migrations-pending");
    expect(body.pendingMigrations.length).toBeGreaterThan(0);
  });
});
