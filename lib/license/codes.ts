// The stable codes of the desktop license API and the HTTP status each one travels with. The
// desktop application branches on these strings, so they are never renamed, only added to.

/** What a license answer says about this computer (the `code` of the signed license). */
export const LICENSE_CODES = {
  /** Allowed: the subscription is paid up. */
  OK: 200,
  /** Allowed with a warning: expired, inside the Período de Tolerância. */
  GRACE_PERIOD: 200,
  /** The desktop released this computer (answer to deactivate). */
  RELEASED: 200,
  SUSPENDED: 403,
  CANCELLED: 403,
  EXPIRED: 403,
  PENDING: 403,
  /** Too many machine changes in the last 30 days. */
  TRANSFER_LIMIT: 409,
  /** This computer is not the serial's active one (it moved, or the manufacturer freed it). */
  NOT_ACTIVATED: 409,
} as const;
export type LicenseCode = keyof typeof LICENSE_CODES;

/** Failures that carry no license state. */
export const API_ERROR_CODES = {
  VALIDATION: 400,
  INVALID_JSON: 400,
  UNKNOWN_SERIAL: 404,
  NOT_FOUND: 404,
  METHOD_NOT_ALLOWED: 405,
  CONFLICT: 409,
  PAYLOAD_TOO_LARGE: 413,
  UNSUPPORTED_MEDIA_TYPE: 415,
  /** verify: the token is not one this portal signed, or it was altered. */
  SIGNATURE_INVALID: 422,
  /** verify: signed, but past its validUntil. */
  TOKEN_EXPIRED: 422,
  /** verify: signed and fresh, but for another request (nonce, serial or computer differ). */
  TOKEN_REPLAYED: 422,
  RATE_LIMITED: 429,
  INTERNAL: 500,
  /** The database is away (restarting, failing over): try again after Retry-After seconds. */
  UNAVAILABLE: 503,
} as const;
export type ApiErrorCode = keyof typeof API_ERROR_CODES;

export const ALLOWED_CODES: readonly LicenseCode[] = ["OK", "GRACE_PERIOD"];
