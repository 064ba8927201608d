import { describe, expect, it } from "vitest";
import { GET } from "@/app/api/v1/openapi.json/route";
import { API_ERROR_CODES, LICENSE_CODES } from "@/lib/license/codes";
import { licenseOpenApiDocument } from "@/lib/license/openapi";
import { WEBHOOK_EVENT_TYPES } from "@/lib/domain/webhook-events";
import { licenseRateLimits, rateWindow, retryAfterSeconds } from "@/lib/license/rate-limit";

describe("the OpenAPI document", () => {
  it("is served by the app and generated from the zod schemas", async () => {
    const response = GET();
    expect(response.status).toBe(200);
    const document = (await response.json()) as ReturnType<typeof licenseOpenApiDocument>;
    expect(document.openapi).toBe("3.1.0");
    expect(
      Object.keys(document.paths)
        .filter((path) => path.startsWith("/api/v1/licenses/"))
        .sort(),
    ).toEqual(["activate", "check-in", "deactivate", "public-key", "verify"].map((name) => `/api/v1/licenses/${name}`));
    const activate = document.components.schemas.ActivateRequest as {
      required: string[];
      properties: { machine: { required: string[]; properties: { name: { maxLength: number } } } };
    };
    expect(activate.required).toEqual(["serialNumber", "machine", "nonce"]);
    expect(activate.properties.machine.required).toEqual(["id", "name", "os", "appVersion"]);
    expect(activate.properties.machine.properties.name.maxLength).toBe(128);
  });

  it("documents every stable code with its HTTP status", () => {
    const text = licenseOpenApiDocument().info.description;
    for (const [code, status] of [...Object.entries(LICENSE_CODES), ...Object.entries(API_ERROR_CODES)]) {
      expect(text).toContain(`| \`${code}\` | ${status} |`);
    }
    const checkIn = JSON.stringify(licenseOpenApiDocument().paths["/api/v1/licenses/check-in"]);
    expect(checkIn).toContain("NOT_ACTIVATED");
    expect(checkIn).not.toContain("TRANSFER_LIMIT");
  });
});

describe("the OpenAPI document's integration API", () => {
  it("has every route of the API, with its body and answer schemas", async () => {
    const { ROUTES } = await import("@/lib/manufacturer-api/routes");
    const document = licenseOpenApiDocument();
    for (const route of ROUTES) {
      const path = `/api/v1/manufacturer/${route.pattern.map((part) => (part.startsWith(":") ? `{${part.slice(1)}}` : part)).join("/")}`;
      const operation = (document.paths as Record<string, Record<string, { requestBody?: unknown; responses: object }>>)[path]?.[
        route.method.toLowerCase()
      ];
      expect(operation, `${route.method} ${path}`).toBeDefined();
      expect(Boolean(operation!.requestBody), path).toBe(Boolean(route.body));
    }
    const create = document.components.schemas.CustomerCreate as { required: string[]; additionalProperties: boolean };
    expect(create.required).toEqual(["name", "document", "type", "city", "state", "email"]);
    expect(create.additionalProperties).toBe(false);
  });
});

describe("the OpenAPI webhooks section", () => {
  it("describes every event type a receiver can get, with the signature headers", () => {
    const document = licenseOpenApiDocument();
    expect(Object.keys(document.webhooks).sort()).toEqual([...WEBHOOK_EVENT_TYPES, "ping"].sort());
    const suspended = JSON.stringify((document.webhooks as Record<string, unknown>)["serial.suspended"]);
    expect(suspended).toContain("Portal-Signature");
    expect(suspended).toContain("#/components/schemas/SerialWebhookEvent");
    const serial = document.components.schemas.SerialWebhookEvent as {
      required: string[];
      properties: { data: { required: string[] } };
    };
    expect(serial.required).toEqual(["id", "type", "createdAt", "account", "data"]);
    expect(serial.properties.data.required).toContain("serialNumber");
  });
});

describe("rate-limit configuration", () => {
  it("has defaults sized for desktops and reads overrides from the environment", () => {
    expect(licenseRateLimits({})).toEqual({ perSerial: 30, perMachine: 30, perIp: 1200, windowMs: 600_000, bucketMs: 60_000 });
    expect(licenseRateLimits({ LICENSE_RATE_LIMIT_PER_IP: "50000" }).perIp).toBe(50_000);
    expect(() => licenseRateLimits({ LICENSE_RATE_LIMIT_PER_SERIAL: "abc" })).toThrow(/LICENSE_RATE_LIMIT_PER_SERIAL/);
  });

  it("says how long to wait: until the over-limit key's oldest bucket leaves the window", () => {
    const limits = licenseRateLimits({});
    const now = new Date("2026-12-01T12:05:30Z");
    const window = rateWindow(limits, { serialNumber: "ABCD-EFGH-JKLM-NPQR" }, "10.0.0.1", now);
    expect(window.bucketStart.toISOString()).toBe("2026-12-01T12:05:00.000Z");
    const oldest = new Date("2026-12-01T11:58:00Z");
    expect(retryAfterSeconds({ serialUsed: 31, ipUsed: 1, serialOldest: oldest, ipOldest: now }, window, limits, now)).toBe(150);
    expect(
      retryAfterSeconds({ serialUsed: 30, ipUsed: 1200, serialOldest: oldest, ipOldest: now }, window, limits, now),
    ).toBeNull();
  });
});

describe("the OpenAPI document's error answers", () => {
  it("lists 404 and 405 (with Allow) on every operation, as the API answers them", () => {
    for (const [path, item] of Object.entries(licenseOpenApiDocument().paths)) {
      for (const operation of Object.values(item) as { responses: Record<string, { headers?: object }> }[]) {
        expect(Object.keys(operation.responses), path).toEqual(expect.arrayContaining(["404", "405"]));
        expect(operation.responses["405"]?.headers, path).toHaveProperty("Allow");
      }
    }
  });
});
