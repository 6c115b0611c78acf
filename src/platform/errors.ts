/** How an error should be treated by whoever presents it; the HTTP layer maps each kind to a status. */
export type ErrorKind =
  | 'invalid'
  | 'unauthenticated'
  | 'forbidden'
  | 'not_found'
  | 'conflict'
  | 'too_large'
  | 'unsupported_media_type'
  | 'rate_limited'
  | 'unavailable';

export interface FieldError {
  /** Dotted path of the field in the request, e.g. `address.postcode`. */
  path: string;
  /** Stable code; the message key is `validation.<code>`. */
  code: string;
  params?: Record<string, unknown>;
}

/**
 * The one error type of privacydesk. `code` is stable and documented (clients switch on it); the message shown
 * to a person is looked up as `errors.<code>` in the caller's language.
 */
export class AppError extends Error {
  readonly kind: ErrorKind;
  readonly code: string;
  readonly params: Record<string, unknown>;
  readonly fieldErrors: FieldError[];

  constructor(
    kind: ErrorKind,
    code: string,
    options: { params?: Record<string, unknown>; fieldErrors?: FieldError[] } = {},
  ) {
    super(code);
    this.name = 'AppError';
    this.kind = kind;
    this.code = code;
    this.params = options.params ?? {};
    this.fieldErrors = options.fieldErrors ?? [];
  }
}

export const notFound = (code = 'not_found') => new AppError('not_found', code);
export const forbidden = (code = 'forbidden') => new AppError('forbidden', code);
export const conflict = (code: string, params?: Record<string, unknown>) =>
  new AppError('conflict', code, params ? { params } : {});
export const invalidFields = (fieldErrors: FieldError[], code = 'validation_failed') =>
  new AppError('invalid', code, { fieldErrors });
export const invalidField = (path: string, code: string, params?: Record<string, unknown>) =>
  invalidFields([{ path, code, ...(params ? { params } : {}) }]);
