const ADDRESS = /[^\s<>()[\]"',;:]+@[^\s<>()[\]"',;:]+/g;
const MAX_LENGTH = 300;

/** Replaces every e-mail address in a text (SMTP replies quote the recipient) with `<address>`. */
export function redactAddresses(text: string): string {
  return text.replace(ADDRESS, '<address>');
}

/**
 * An error message without the personal data it may quote: Drizzle appends the query's bound values
 * (`params: …`: password hashes, e-mail addresses, phone numbers), PostgreSQL quotes the value it refused
 * (`invalid input syntax for type uuid: "…"`), SMTP replies name the recipient.
 */
export function safeMessage(message: string): string {
  const withoutParameters = message.split(/\r?\nparams:/)[0] ?? '';
  return redactAddresses(withoutParameters.replace(/(:\s*)"[^"]*"/g, '$1"…"'));
}

interface ErrorLike {
  name?: unknown;
  code?: unknown;
  message: string;
  cause?: unknown;
  stack?: unknown;
}

/** The SQLSTATE (or other code) of an error or of the database error it wraps. */
function codeOf(error: ErrorLike): string | undefined {
  for (let current: unknown = error, depth = 0; isErrorLike(current) && depth < 5; depth += 1) {
    const { code } = current;
    if (typeof code === 'string' || typeof code === 'number') return String(code);
    current = current.cause;
  }
  return undefined;
}

/**
 * One line that says what went wrong, safe for logs and job records: the error's class and code and its message
 * with e-mail addresses removed. Never the stack, SQL detail or parameters, which may hold personal data.
 */
export function describeError(error: unknown): string {
  if (typeof error === 'string') return clip(safeMessage(error));
  if (!isErrorLike(error)) return 'unknown error';
  const { name, message, cause } = error;
  const parts = [
    typeof name === 'string' && name !== 'Error' ? name : undefined,
    codeOf(error),
    safeMessage(message),
    isErrorLike(cause) && cause.message !== message ? `(${safeMessage(cause.message)})` : undefined,
  ];
  return clip(parts.filter(Boolean).join(' '));
}

/** An error as the request log shows it: class, code, safe message (and its cause's), and the stack's frames only. */
export function errorForLog(error: unknown): {
  type: string;
  message: string;
  stack: string;
  [detail: string]: unknown;
} {
  if (!isErrorLike(error)) return { type: typeof error, message: describeError(error), stack: '' };
  const { name, message, cause, stack } = error;
  return {
    type: typeof name === 'string' ? name : 'Error',
    code: codeOf(error),
    message: safeMessage(message),
    ...(isErrorLike(cause) ? { cause: safeMessage(cause.message) } : {}),
    // The stack's first line repeats the message (with its parameters): only the frames are kept.
    stack:
      typeof stack === 'string'
        ? stack
            .split('\n')
            .filter((line) => /^\s+at /.test(line))
            .join('\n')
        : '',
  };
}

/** An Error, or a copy of one (pg-boss reports worker errors as plain objects spread from the error). */
function isErrorLike(value: unknown): value is ErrorLike {
  return typeof value === 'object' && value !== null && typeof (value as { message?: unknown }).message === 'string';
}

function clip(text: string): string {
  const oneLine = text.replace(/\s+/g, ' ').trim();
  return oneLine.length > MAX_LENGTH ? `${oneLine.slice(0, MAX_LENGTH - 1)}…` : oneLine;
}
