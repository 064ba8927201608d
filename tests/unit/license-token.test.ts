import { generateKeyPairSync } from "node:crypto";
import { mkdtempSync, readFileSync, statSync } from "node:fs";
import os from "node:os";
import path from "node:path";
import { describe, expect, it } from "vitest";
import { buildLicense } from "@/lib/license/license-state";
import { checkLicenseToken, signLicense } from "@/lib/license/license-token";
import { KEY_FILE_NAME, loadSigningKey, SigningKeyError } from "@/lib/license/signing-key";

const pem = () => generateKeyPairSync("ed25519").privateKey.export({ type: "pkcs8", format: "pem" }).toString();
const license = buildLicense({
  facts: {
    serialNumber: "ABCD-EFGH-JKLM-NPQR",
    status: "ATIVA",
    expiresAt: new Date("2027-01-01T00:00:00Z"),
    graceDays: 15,
    reason: null,
  },
  machineId: "machine-0001",
  nonce: "nonce-nonce-nonce-1",
  now: new Date("2026-12-01T00:00:00Z"),
});

describe("license tokens (JWS, EdDSA)", () => {
  const key = loadSigningKey({ env: { LICENSE_SIGNING_KEY: pem() } });

  it("round-trips: the payload is the license, the header names the key", () => {
    const token = signLicense(license, key);
    expect(checkLicenseToken(token, key)).toEqual({ ok: true, payload: license });
    const header = JSON.parse(Buffer.from(token.split(".")[0]!, "base64url").toString());
    expect(header).toEqual({ alg: "EdDSA", typ: "JWT", kid: key.kid });
  });

  it("detects any change to header, payload or signature, and tokens of another key", () => {
    const [header, payload, signature] = signLicense(license, key).split(".") as [string, string, string];
    const payloadOf = (changes: object) => Buffer.from(JSON.stringify({ ...license, ...changes })).toString("base64url");
    const otherKey = loadSigningKey({ env: { LICENSE_SIGNING_KEY: pem() } });
    const cases: [string, string][] = [
      [`${header}.${payloadOf({ allowed: false })}.${signature}`, "bad-signature"],
      [`${header}.${payload}.${signature.replace(/^./, (c) => (c === "A" ? "B" : "A"))}`, "bad-signature"],
      [`${header}.${payload}.${signature}x`, "bad-signature"],
      [`${Buffer.from('{"alg":"none","kid":"x"}').toString("base64url")}.${payload}.`, "malformed"],
      [`${header}.${payload}`, "malformed"],
      [signLicense(license, otherKey), "unknown-key"],
    ];
    for (const [token, problem] of cases) expect(checkLicenseToken(token, key), token).toEqual({ ok: false, problem });
  });
});

describe("the signing key", () => {
  it("accepts PKCS8 as PEM (also with escaped newlines) or base64 DER, with a stable kid", () => {
    const text = pem();
    const fromPem = loadSigningKey({ env: { LICENSE_SIGNING_KEY: text } });
    const escaped = loadSigningKey({ env: { LICENSE_SIGNING_KEY: text.replace(/\n/g, "\\n") } });
    const der = fromPem.privateKey.export({ type: "pkcs8", format: "der" }).toString("base64");
    const fromDer = loadSigningKey({ env: { LICENSE_SIGNING_KEY: der } });
    expect(new Set([fromPem.kid, escaped.kid, fromDer.kid]).size).toBe(1);
    expect(fromPem).toMatchObject({ source: "env", jwk: { kty: "OKP", crv: "Ed25519", alg: "EdDSA", kid: fromPem.kid } });
  });

  it("refuses a key that is not Ed25519 or not a key at all, with a clear message", () => {
    const rsa = generateKeyPairSync("rsa", { modulusLength: 1024 })
      .privateKey.export({ type: "pkcs8", format: "pem" })
      .toString();
    expect(() => loadSigningKey({ env: { LICENSE_SIGNING_KEY: rsa } })).toThrow(/Ed25519/);
    expect(() => loadSigningKey({ env: { LICENSE_SIGNING_KEY: "not a key" } })).toThrow(SigningKeyError);
  });

  it("without configuration, generates one key under the data directory, private to the owner, and keeps it", () => {
    const dataDir = path.join(mkdtempSync(path.join(os.tmpdir(), "license-key-")), "nested");
    const first = loadSigningKey({ env: {}, dataDir });
    const second = loadSigningKey({ env: {}, dataDir });
    const file = path.join(dataDir, KEY_FILE_NAME);
    expect(first).toMatchObject({ source: "file" });
    expect(second.kid).toBe(first.kid);
    expect(readFileSync(file, "utf8")).toContain("BEGIN PRIVATE KEY");
    expect(statSync(file).mode & 0o077).toBe(0);
  });
});
