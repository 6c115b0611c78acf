import { ConnectorError } from '../connector.ts';

const UNREACHABLE = new Set(['ECONNREFUSED', 'EHOSTUNREACH', 'ENETUNREACH', 'ENOTFOUND', 'EAI_AGAIN', 'ECONNRESET']);
const TIMEOUTS = new Set(['CONNECT_TIMEOUT', 'GREETING_TIMEOUT', 'UPGRADE_TIMEOUT', 'ETIMEOUT', 'ETIMEDOUT']);
const CLOSED = new Set(['NoConnection', 'EConnectionClosed', 'ClosedAfterConnectText', 'ClosedAfterConnectTLS']);

interface ImapFailure {
  code?: string;
  authenticationFailed?: boolean;
  serverResponseCode?: string;
  responseText?: string;
  message?: string;
  mailboxMissing?: boolean;
}

/** The ConnectorError for an imapflow or socket error; the detail carries the server's text, never credentials. */
export function imapError(error: unknown, context: string): ConnectorError {
  if (error instanceof ConnectorError) return error;
  const failure = (error ?? {}) as ImapFailure;
  const text = [context, failure.responseText ?? failure.message ?? String(error)].join(': ');
  const code = failure.code ?? '';
  if (failure.authenticationFailed) return new ConnectorError('auth_failed', text);
  if (failure.mailboxMissing) return new ConnectorError('schema_changed', text);
  if (UNREACHABLE.has(code) || CLOSED.has(code)) return new ConnectorError('unreachable', text, true);
  if (TIMEOUTS.has(code)) return new ConnectorError('timeout', text, true);
  switch (failure.serverResponseCode?.toUpperCase()) {
    case 'NONEXISTENT':
      return new ConnectorError('schema_changed', text);
    case 'NOPERM':
      return new ConnectorError('permission_denied', text);
    case 'AUTHENTICATIONFAILED':
    case 'AUTHORIZATIONFAILED':
      return new ConnectorError('auth_failed', text);
    case 'UNAVAILABLE':
    case 'INUSE':
      return new ConnectorError('failed', text, true);
    default:
      return new ConnectorError('failed', text);
  }
}
