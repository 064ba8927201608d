// API keys of the integration API (DESIGN.md §6): what a key looks like, its scopes, and which
// scope a request needs. The key itself is never stored; only its SHA-256 and a visible prefix.

export const API_KEY_SCOPES = ["read", "write"] as const;
export type ApiKeyScope = (typeof API_KEY_SCOPES)[number];

/** Every key starts with this, so a leaked one is recognizable (secret scanners, logs). */
export const API_KEY_MARKER = "pak_";
/** The part of the key the portal shows: the marker and 8 characters of the secret. */
export const API_KEY_PREFIX_LENGTH = API_KEY_MARKER.length + 8;
/** Marker and 43 base64url characters (32 random bytes). */
export const API_KEY_PATTERN = /^pak_[A-Za-z0-9_-]{43}$/;

export function apiKeyPrefix(key: string): string {
  return key.slice(0, API_KEY_PREFIX_LENGTH);
}

/** GET reads; every other method writes. */
export function scopeForMethod(method: string): ApiKeyScope {
  return method === "GET" || method === "HEAD" ? "read" : "write";
}
