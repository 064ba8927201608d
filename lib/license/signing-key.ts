// The Ed25519 key that signs license answers. Production sets LICENSE_SIGNING_KEY (the same on
// every server, or desktops would see valid answers as forged); without it, like the session
// secret, one is generated once into .data/ so a newcomer needs nothing configured.
import { createHash, createPrivateKey, createPublicKey, generateKeyPairSync, type KeyObject } from "node:crypto";
import { mkdirSync, readFileSync, writeFileSync } from "node:fs";
import path from "node:path";

export type LicenseSigningKey = {
  privateKey: KeyObject;
  publicKey: KeyObject;
  /** Short fingerprint of the public key, sent as the tokens' `kid`. */
  kid: string;
  publicKeyPem: string;
  jwk: { kty: "OKP"; crv: "Ed25519"; x: string; kid: string; alg: "EdDSA"; use: "sig" };
  source: "env" | "file";
};

export const KEY_FILE_NAME = "license-signing-key.pem";

export class SigningKeyError extends Error {}

function parseConfiguredKey(value: string): KeyObject {
  const text = value.trim().replace(/\\n/g, "\n");
  try {
    return text.includes("-----BEGIN")
      ? createPrivateKey({ key: text, format: "pem" })
      : createPrivateKey({ key: Buffer.from(text, "base64"), format: "der", type: "pkcs8" });
  } catch {
    throw new SigningKeyError("LICENSE_SIGNING_KEY deve ser uma chave privada Ed25519 em PKCS8 (PEM ou base64 do DER).");
  }
}

function readOrCreateKeyFile(dataDir: string): KeyObject {
  const file = path.join(dataDir, KEY_FILE_NAME);
  try {
    return createPrivateKey({ key: readFileSync(file, "utf8"), format: "pem" });
  } catch (error) {
    if ((error as NodeJS.ErrnoException).code !== "ENOENT") {
      throw new SigningKeyError(`O arquivo ${file} não contém uma chave privada válida; apague-o para gerar outra.`);
    }
  }
  mkdirSync(dataDir, { recursive: true });
  const { privateKey } = generateKeyPairSync("ed25519");
  try {
    // "wx": when two processes start together, the first file written wins and both use it.
    writeFileSync(file, privateKey.export({ type: "pkcs8", format: "pem" }), { mode: 0o600, flag: "wx" });
    return privateKey;
  } catch (error) {
    if ((error as NodeJS.ErrnoException).code !== "EEXIST") throw error;
    return createPrivateKey({ key: readFileSync(file, "utf8"), format: "pem" });
  }
}

export function loadSigningKey(options: { env?: Record<string, string | undefined>; dataDir?: string } = {}): LicenseSigningKey {
  const env = options.env ?? process.env;
  const configured = env.LICENSE_SIGNING_KEY?.trim();
  const privateKey = configured
    ? parseConfiguredKey(configured)
    : readOrCreateKeyFile(options.dataDir ?? path.join(process.cwd(), ".data"));
  if (privateKey.asymmetricKeyType !== "ed25519") {
    throw new SigningKeyError("LICENSE_SIGNING_KEY deve ser uma chave Ed25519.");
  }
  const publicKey = createPublicKey(privateKey);
  const spki = publicKey.export({ type: "spki", format: "der" });
  const kid = createHash("sha256").update(spki).digest("base64url").slice(0, 16);
  const x = publicKey.export({ format: "jwk" }).x!;
  return {
    privateKey,
    publicKey,
    kid,
    publicKeyPem: publicKey.export({ type: "spki", format: "pem" }).toString(),
    jwk: { kty: "OKP", crv: "Ed25519", x, kid, alg: "EdDSA", use: "sig" },
    source: configured ? "env" : "file",
  };
}

const registry = globalThis as unknown as { [key: symbol]: LicenseSigningKey | undefined };
const KEY = Symbol.for("portal-assinaturas.license-signing-key");

/** The process-wide key, loaded on first use; shared by the custom server and Next's bundle. */
export function getSigningKey(): LicenseSigningKey {
  return (registry[KEY] ??= loadSigningKey());
}

/** Tests: forget the cached key so the next call loads it again from the environment. */
export function resetSigningKey(): void {
  delete registry[KEY];
}
