import { createPublicKey, generateKeyPairSync, sign, verify } from "node:crypto";
import { NextRequest } from "next/server";
import { describe, expect, it } from "vitest";
import { GET as publicKeyRoute, POST as licenseRoute } from "@/app/api/v1/licenses/[action]/route";
import { closeLicenseDb } from "@/lib/data/license-db";
import { resetSigningKey } from "@/lib/license/signing-key";
import { publicKeyResponseSchema, verifyResponseSchema } from "@/lib/validation/license-responses";
import { testDatabase } from "../support/test-database";
import { licenseServer, machine, nonce, serialFixture, testClock, testSigningKey } from "./license-test-client";

const clock = testClock();
const api = licenseServer({ clock });
const HOUR = 60 * 60 * 1000;

function decode(token: string) {
  const [header, payload, signature] = token.split(".") as [string, string, string];
  return {
    header: JSON.parse(Buffer.from(header, "base64url").toString()) as Record<string, unknown>,
    payload: JSON.parse(Buffer.from(payload, "base64url").toString()) as Record<string, unknown>,
    signingInput: Buffer.from(`${header}.${payload}`),
    signature: Buffer.from(signature, "base64url"),
  };
}

async function signedAnswer() {
  const db = await testDatabase();
  const { serial } = await serialFixture(db);
  const computer = machine();
  const sent = nonce();
  const answer = await api.call("activate", { serialNumber: serial, machine: computer, nonce: sent });
  expect(answer.status).toBe(200);
  return { serial, computer, sent, token: answer.body.token!, license: answer.body.license! };
}

describe("signed license answers", () => {
  it("verify offline with the published key (PEM and JWK): the token's payload is exactly the license", async () => {
    const { token, license } = await signedAnswer();
    const published = publicKeyResponseSchema.parse((await api.raw("public-key")).body);
    const { header, payload, signingInput, signature } = decode(token);

    expect(header).toEqual({ alg: "EdDSA", typ: "JWT", kid: published.kid });
    expect(payload).toEqual(license);
    for (const key of [createPublicKey(published.publicKeyPem), createPublicKey({ key: published.jwk, format: "jwk" })]) {
      expect(verify(null, signingInput, key, signature)).toBe(true);
    }
    // A desktop that trusted an altered answer would be a crack: moving one date breaks the signature.
    const forged = Buffer.from(JSON.stringify({ ...payload, validUntil: "2099-12-31T00:00:00.000Z" })).toString("base64url");
    const forgedInput = Buffer.from(`${token.split(".")[0]}.${forged}`);
    expect(verify(null, forgedInput, createPublicKey(published.publicKeyPem), signature)).toBe(false);
  });

  it("publishes the same key through the custom server's handler and Next's route handler", async () => {
    const configured = testSigningKey();
    process.env.LICENSE_SIGNING_KEY = configured.privateKey.export({ type: "pkcs8", format: "pem" }).toString();
    resetSigningKey();
    try {
      const viaNext = await publicKeyRoute(new NextRequest("http://localhost/api/v1/licenses/public-key"));
      expect(viaNext.status).toBe(200);
      expect(publicKeyResponseSchema.parse(await viaNext.json())).toMatchObject({
        kid: configured.kid,
        publicKeyPem: configured.publicKeyPem,
      });

      const db = await testDatabase();
      const { serial } = await serialFixture(db);
      const viaNextActivation = await licenseRoute(
        new NextRequest("http://localhost/api/v1/licenses/activate", {
          method: "POST",
          headers: { "content-type": "application/json", "x-forwarded-for": "10.7.7.7" },
          body: JSON.stringify({ serialNumber: serial, machine: machine(), nonce: nonce() }),
        }),
      );
      expect(viaNextActivation.status).toBe(200);
      const { token } = (await viaNextActivation.json()) as { token: string };
      const { signingInput, signature, header } = decode(token);
      expect(header.kid).toBe(configured.kid);
      expect(verify(null, signingInput, configured.publicKey, signature)).toBe(true);
    } finally {
      delete process.env.LICENSE_SIGNING_KEY;
      resetSigningKey();
      await closeLicenseDb();
    }
  });
});

describe("POST /api/v1/licenses/verify", () => {
  it("accepts an authentic, fresh token that answers the caller's own request", async () => {
    const { token, sent, serial, computer } = await signedAnswer();
    const answer = await api.call("verify", { token, nonce: sent, serialNumber: serial, machineId: computer.id });
    expect(answer.status).toBe(200);
    expect(verifyResponseSchema.parse(answer.body).license.nonce).toBe(sent);
  });

  it("rejects an altered token with SIGNATURE_INVALID", async () => {
    const { token } = await signedAnswer();
    const [header, payload, signature] = token.split(".") as [string, string, string];
    const claims = JSON.parse(Buffer.from(payload, "base64url").toString()) as Record<string, unknown>;
    const altered = Buffer.from(JSON.stringify({ ...claims, validUntil: "2099-01-01T00:00:00.000Z" })).toString("base64url");
    const flipped = signature.slice(0, -2) + (signature.endsWith("AA") ? "AB" : "AA");
    const otherKey = generateKeyPairSync("ed25519").privateKey;
    // Signed by someone else's key under our kid: a forger's server.
    const foreign = `${header}.${payload}.${sign(null, Buffer.from(`${header}.${payload}`), otherKey).toString("base64url")}`;

    for (const bad of [`${header}.${altered}.${signature}`, `${header}.${payload}.${flipped}`, foreign]) {
      const answer = await api.call("verify", { token: bad });
      expect(answer.status).toBe(422);
      expect(answer.body.error?.code).toBe("SIGNATURE_INVALID");
    }
    const malformed = await api.call("verify", { token: "nao-e-um-token" });
    expect(malformed.status).toBe(400);
    expect(malformed.body.error?.code).toBe("VALIDATION");
  });

  it("rejects a replayed token (another request's nonce, serial or computer) with TOKEN_REPLAYED", async () => {
    const { token, serial, computer } = await signedAnswer();
    for (const expected of [{ nonce: nonce() }, { serialNumber: "QQQQ-QQQQ-QQQQ-QQQQ" }, { machineId: machine().id }]) {
      const answer = await api.call("verify", { token, ...expected });
      expect(answer.status, JSON.stringify(expected)).toBe(422);
      expect(answer.body.error?.code).toBe("TOKEN_REPLAYED");
    }
    expect((await api.call("verify", { token, serialNumber: serial, machineId: computer.id })).status).toBe(200);
  });

  it("rejects a stale token, past its validUntil, with TOKEN_EXPIRED", async () => {
    const { token, license } = await signedAnswer();
    clock.now = new Date(Date.parse(license.validUntil) + HOUR);
    try {
      const answer = await api.call("verify", { token });
      expect(answer.status).toBe(422);
      expect(answer.body.error?.code).toBe("TOKEN_EXPIRED");
    } finally {
      clock.now = new Date();
    }
  });
});
