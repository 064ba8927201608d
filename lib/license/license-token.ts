// License answers as JWS compact tokens (RFC 7515) signed with EdDSA/Ed25519 (RFC 8037): any JOSE
// library can check them with the published key, and the desktop can trust a cached one offline.
import { sign, verify, type KeyObject } from "node:crypto";
import type { License } from "@/lib/validation/license-responses";
import type { LicenseSigningKey } from "./signing-key";

const headerCache = new WeakMap<LicenseSigningKey, string>();

function encodedHeader(key: LicenseSigningKey): string {
  let header = headerCache.get(key);
  if (!header) {
    header = Buffer.from(JSON.stringify({ alg: "EdDSA", typ: "JWT", kid: key.kid })).toString("base64url");
    headerCache.set(key, header);
  }
  return header;
}

/** Signs the license as serialized in `payloadJson`, so the caller can reuse the same JSON text. */
export function signLicenseJson(payloadJson: string, key: LicenseSigningKey): string {
  const input = `${encodedHeader(key)}.${Buffer.from(payloadJson).toString("base64url")}`;
  return `${input}.${sign(null, Buffer.from(input), key.privateKey).toString("base64url")}`;
}

export function signLicense(license: License, key: LicenseSigningKey): string {
  return signLicenseJson(JSON.stringify(license), key);
}

export type TokenCheck =
  { ok: true; payload: Record<string, unknown> } | { ok: false; problem: "malformed" | "unknown-key" | "bad-signature" };

function parseJson(part: string): unknown {
  try {
    return JSON.parse(Buffer.from(part, "base64url").toString("utf8"));
  } catch {
    return null;
  }
}

/** Checks a token's signature and header; says nothing yet about its freshness or content. */
export function checkLicenseToken(token: string, key: { kid: string; publicKey: KeyObject }): TokenCheck {
  const parts = token.split(".");
  if (parts.length !== 3) return { ok: false, problem: "malformed" };
  const [headerPart, payloadPart, signaturePart] = parts as [string, string, string];
  const header = parseJson(headerPart) as { alg?: unknown; kid?: unknown } | null;
  if (!header || header.alg !== "EdDSA") return { ok: false, problem: "malformed" };
  if (header.kid !== key.kid) return { ok: false, problem: "unknown-key" };
  const signature = Buffer.from(signaturePart, "base64url");
  // base64url decoding ignores stray characters; re-encoding catches a signature edited that way.
  if (signature.length !== 64 || signature.toString("base64url") !== signaturePart)
    return { ok: false, problem: "bad-signature" };
  if (!verify(null, Buffer.from(`${headerPart}.${payloadPart}`), key.publicKey, signature)) {
    return { ok: false, problem: "bad-signature" };
  }
  const payload = parseJson(payloadPart);
  if (!payload || typeof payload !== "object") return { ok: false, problem: "malformed" };
  return { ok: true, payload: payload as Record<string, unknown> };
}
