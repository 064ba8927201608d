// Tokens of the links the portal e-mails (invitations, password resets): 32 random bytes in
// base64url for the link, and only their SHA-256 in the database.
import { createHash, randomBytes } from "node:crypto";

export function hashLinkToken(token: string): string {
  return createHash("sha256").update(token).digest("hex");
}

export function newLinkToken(): { token: string; hash: string } {
  const token = randomBytes(32).toString("base64url");
  return { token, hash: hashLinkToken(token) };
}
