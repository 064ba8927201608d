// Expected failures, typed, each with its HTTP status. Anything else is a bug: logged with a
// request id and shown to the user only as a generic message.

export const ERROR_STATUS = {
  UNAUTHENTICATED: 401,
  FORBIDDEN: 403,
  NOT_FOUND: 404,
  CONFLICT: 409,
  VALIDATION: 400,
  RATE_LIMITED: 429,
  /** An upload over its size limit (Importar CSV). */
  PAYLOAD_TOO_LARGE: 413,
  ACCOUNT_NOT_MEMBER: 403,
  /** A write whose Origin is not the portal's (cross-site request forgery). */
  CROSS_ORIGIN: 403,
} as const;

export type ErrorCode = keyof typeof ERROR_STATUS;

export type FieldErrors = Record<string, string[]>;

/** A message catalog key (any namespace, e.g. "actions.conflict.SUSPEND") and its values. */
export type MessageRef = { key: string; values?: Record<string, string | number> };

export class AppError extends Error {
  readonly status: number;
  constructor(
    readonly code: ErrorCode,
    /** Already localized text for the user; when absent the errors catalog's text for `code` is used. */
    readonly userMessage?: string,
    /** Per field, texts or keys of the "validation" message namespace. */
    readonly fieldErrors?: FieldErrors,
    readonly retryAfterSeconds?: number,
    /** A catalog message to show instead of the generic one for `code`. */
    readonly messageRef?: MessageRef,
  ) {
    super(userMessage ?? messageRef?.key ?? code);
    this.name = "AppError";
    this.status = ERROR_STATUS[code];
  }

  static withMessage(code: ErrorCode, key: string, values?: MessageRef["values"], fieldErrors?: FieldErrors): AppError {
    return new AppError(code, undefined, fieldErrors, undefined, { key, values });
  }
}

export function isAppError(error: unknown): error is AppError {
  return error instanceof AppError;
}
