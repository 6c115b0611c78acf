const ADDRESS = /[^\s<>()[\]"',;:]+@[^\s<>()[\]"',;:]+/g;
const MAX_LENGTH = 300;

/** Replaces every e-mail address in a text (SMTP replies quote the recipient) with `<address>`. */
export function redactAddresses(text: string): string {
  return text.replace(ADDRESS, '<address>');
}

/**
 * One line that says what went wrong, safe for logs and job records: the error's class and code and its message
 * with e-mail addresses removed. Never the stack, SQL detail or parameters, which may hold personal data.
 */
export function describeError(error: unknown): string {
  if (typeof error === 'string') return clip(redactAddresses(error));
  if (!isErrorLike(error)) return 'unknown error';
  const { name, code, message } = error;
  const parts = [
    typeof name === 'string' && name !== 'Error' ? name : undefined,
    typeof code === 'string' || typeof code === 'number' ? String(code) : undefined,
    redactAddresses(message),
  ];
  return clip(parts.filter(Boolean).join(' '));
}

/** An Error, or a copy of one (pg-boss reports worker errors as plain objects spread from the error). */
function isErrorLike(value: unknown): value is { name?: unknown; code?: unknown; message: string } {
  return typeof value === 'object' && value !== null && typeof (value as { message?: unknown }).message === 'string';
}

function clip(text: string): string {
  const oneLine = text.replace(/\s+/g, ' ').trim();
  return oneLine.length > MAX_LENGTH ? `${oneLine.slice(0, MAX_LENGTH - 1)}…` : oneLine;
}
