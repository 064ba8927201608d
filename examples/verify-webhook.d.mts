// Types of the README's verification example (verify-webhook.mjs), for the tests that run it.
export function verifyWebhook(secret: string, signatureHeader: string, rawBody: string, now?: number): boolean;
