import { readFileSync } from "node:fs";
import { describe, expect, it } from "vitest";
import { verifyWebhook } from "@/examples/verify-webhook.mjs";
import { DEFAULT_RETRY_POLICY, nextAttemptAt, retryDelayMs } from "@/lib/domain/webhook-retry";
import { checkWebhookUrl, isAllowedAddress } from "@/lib/webhooks/address-policy";
import { signatureHeader, verifySignature } from "@/lib/webhooks/signature";

const production = { allowLocal: false };
const development = { allowLocal: true };

describe("webhook retry schedule", () => {
  it("doubles from 30 s up to 1 h, spread by ±20 %", () => {
    const delays = [1, 2, 3, 4, 8, 20].map((attempts) => retryDelayMs(attempts, DEFAULT_RETRY_POLICY, 0.5));
    expect(delays).toEqual([30_000, 60_000, 120_000, 240_000, 3_600_000, 3_600_000]);
    expect(retryDelayMs(1, DEFAULT_RETRY_POLICY, 0)).toBe(24_000);
    expect(retryDelayMs(1, DEFAULT_RETRY_POLICY, 0.999999)).toBe(36_000);
  });

  it("stops when the next attempt would fall past the 24 h window", () => {
    const start = new Date("2026-12-07T00:00:00Z");
    expect(nextAttemptAt(3, start, new Date("2026-12-07T10:00:00Z"), DEFAULT_RETRY_POLICY, 0.5)).toEqual(
      new Date("2026-12-07T10:02:00Z"),
    );
    expect(nextAttemptAt(30, start, new Date("2026-12-07T23:30:00Z"), DEFAULT_RETRY_POLICY, 0.5)).toBeNull();
  });
});

describe("webhook signature", () => {
  it("the README shows exactly the verification example the tests run", () => {
    const example = readFileSync("examples/verify-webhook.mjs", "utf8");
    expect(readFileSync("README.md", "utf8")).toContain("```js\n" + example + "```");
  });

  it("signs t.body with every valid secret; the README example and our verifier agree", () => {
    const body = '{"id":"e1"}';
    const now = 1_800_000_000_000;
    const header = signatureHeader(["whsec_new", "whsec_old"], now / 1000, body);
    for (const secret of ["whsec_new", "whsec_old"]) {
      expect(verifyWebhook(secret, header, body, now)).toBe(true);
      expect(verifySignature(secret, header, body, now)).toBe(true);
    }
    expect(verifyWebhook("whsec_x", header, body, now)).toBe(false);
    expect(verifyWebhook("whsec_new", header, body, now + 301_000)).toBe(false);
    expect(verifyWebhook("whsec_new", "t=abc,v1=zz", body, now)).toBe(false);
    expect(verifySignature("whsec_new", header.replace(/v1=[0-9a-f]+/g, "v1=00"), body, now)).toBe(false);
  });
});

describe("webhook address policy (SSRF)", () => {
  it.each([
    "10.1.2.3",
    "172.16.0.1",
    "172.31.255.255",
    "192.168.0.10",
    "169.254.169.254",
    "127.0.0.1",
    "::1",
    "fe80::1",
    "fd00::1",
    "::ffff:10.0.0.1",
    "0.0.0.0",
  ])("refuses %s in production", (address) => {
    expect(isAllowedAddress(address, production)).toBe(false);
  });

  it("allows public addresses, and loopback only with the development flag", () => {
    expect(isAllowedAddress("203.0.113.9", production)).toBe(true);
    expect(isAllowedAddress("172.32.0.1", production)).toBe(true);
    expect(isAllowedAddress("2606:4700::1111", production)).toBe(true);
    expect(isAllowedAddress("127.0.0.1", development)).toBe(true);
    expect(isAllowedAddress("10.0.0.1", development)).toBe(false);
  });

  it("checks a URL's scheme, credentials and resolved addresses", async () => {
    expect(await checkWebhookUrl("not a url", production)).toBe("invalid");
    expect(await checkWebhookUrl("http://203.0.113.9/hook", production)).toBe("scheme");
    expect(await checkWebhookUrl("ftp://203.0.113.9/hook", development)).toBe("scheme");
    expect(await checkWebhookUrl("https://user:pw@203.0.113.9/hook", production)).toBe("credentials");
    expect(await checkWebhookUrl("https://203.0.113.9/hook", production)).toBeNull();
    expect(await checkWebhookUrl("https://[::1]/hook", production)).toBe("private");
    expect(await checkWebhookUrl("https://localhost:4000/hook", production)).toBe("private");
    expect(await checkWebhookUrl("http://localhost:4000/hook", development)).toBeNull();
    expect(await checkWebhookUrl("https://10.0.0.5/hook", development)).toBe("private");
    expect(await checkWebhookUrl("https://no-such-host.invalid/hook", production)).toBe("unresolvable");
  });
});
