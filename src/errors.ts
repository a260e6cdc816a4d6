// Directus's error vocabulary: every failure leaves the server as
// {"errors":[{"message","extensions":{"code",...}}]} with Directus's status for that code.

export const STATUS_BY_CODE = {
  CONTAINS_NULL_VALUES: 400,
  CONTENT_TOO_LARGE: 413,
  FAILED_VALIDATION: 400,
  FORBIDDEN: 403,
  ILLEGAL_ASSET_TRANSFORMATION: 400,
  INTERNAL_SERVER_ERROR: 500,
  INVALID_CREDENTIALS: 401,
  INVALID_FOREIGN_KEY: 400,
  INVALID_INVITE: 400,
  INVALID_IP: 401,
  INVALID_OTP: 401,
  INVALID_PAYLOAD: 400,
  INVALID_QUERY: 400,
  INVALID_TOKEN: 403,
  LIMIT_EXCEEDED: 403,
  METHOD_NOT_ALLOWED: 405,
  NOT_NULL_VIOLATION: 400,
  RECORD_NOT_UNIQUE: 400,
  REQUESTS_EXCEEDED: 429,
  ROUTE_NOT_FOUND: 404,
  SERVICE_UNAVAILABLE: 503,
  TOKEN_EXPIRED: 401,
  UNPROCESSABLE_CONTENT: 422,
  UNSUPPORTED_MEDIA_TYPE: 415,
  USER_SUSPENDED: 401,
  VALUE_OUT_OF_RANGE: 400,
  VALUE_TOO_LONG: 400,
  VERSION_HASH_MISMATCH: 422,
} as const;

export type ErrorCode = keyof typeof STATUS_BY_CODE;

export class DirectusError extends Error {
  readonly status: number;
  /** further errors answered with this one (Directus lists every failed validation) */
  more: DirectusError[] = [];
  /** response headers that go with this error (e.g. clearing a dead session cookie) */
  headers?: Record<string, string | string[]>;
  constructor(
    readonly code: ErrorCode,
    message: string,
    readonly extensions: Record<string, unknown> = {},
  ) {
    super(message);
    this.status = STATUS_BY_CODE[code];
  }
}

// Constructors for the errors whose messages Directus formats in a fixed way.
export const forbidden = () => new DirectusError('FORBIDDEN', "You don't have permission to access this.");
// Directus repeats the reason (without its "Invalid query." prefix) in extensions.reason.
export const invalidQuery = (reason: string) => new DirectusError('INVALID_QUERY', `Invalid query. ${reason}.`, { reason });
export const invalidPayload = (reason: string, ext: Record<string, unknown> = {}) =>
  new DirectusError('INVALID_PAYLOAD', `Invalid payload. ${reason}.`, { reason, ...ext });
export const routeNotFound = (path: string) => new DirectusError('ROUTE_NOT_FOUND', `Route ${path} doesn't exist.`, { path });
export const invalidCredentials = () => new DirectusError('INVALID_CREDENTIALS', 'Invalid user credentials.');
export const invalidToken = () => new DirectusError('INVALID_TOKEN', 'Invalid token.');
export const tokenExpired = () => new DirectusError('TOKEN_EXPIRED', 'Token expired.');
export const userSuspended = () => new DirectusError('USER_SUSPENDED', 'User suspended.');
export const invalidOtp = () => new DirectusError('INVALID_OTP', 'Invalid user OTP.');
export const unsupportedMediaType = (mediaType: string, where = 'Content-Type header') =>
  new DirectusError('UNSUPPORTED_MEDIA_TYPE', `Unsupported media type "${mediaType}" in ${where}.`, { mediaType, where });

/** The JSON body for a list of errors; the status is the first error's. */
export function errorBody(errors: DirectusError[]): string {
  return JSON.stringify({
    errors: errors.flatMap((e) => [e, ...e.more]).map((e) => ({ message: e.message, extensions: { ...e.extensions, code: e.code } })),
  });
}

/** An error with a code and status of the caller's choosing (a flow's "throw error" operation). */
export function customError(code: string, status: number, message: string): DirectusError {
  return Object.assign(new DirectusError('INTERNAL_SERVER_ERROR', message), { code, status });
}
