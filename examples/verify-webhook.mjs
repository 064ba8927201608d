import { createHmac, timingSafeEqual } from "node:crypto";

// True when `rawBody` was signed with `secret` (header Portal-Signature) less than 5 minutes ago.
export function verifyWebhook(secret, signatureHeader, rawBody, now = Date.now()) {
  const parts = signatureHeader.split(",").map((part) => part.split("="));
  const timestamp = Number(parts.find(([key]) => key === "t")?.[1]);
  if (!(Math.abs(now / 1000 - timestamp) <= 300)) return false;
  const expected = createHmac("sha256", secret).update(`${timestamp}.${rawBody}`).digest();
  return parts.some(([key, v]) => key === "v1" && /^[0-9a-f]{64}$/.test(v) && timingSafeEqual(Buffer.from(v, "hex"), expected));
}
