import { ConnectorError, type ConnectorFailureCode } from '../connector.ts';

const NETWORK_CODES: Record<string, ConnectorFailureCode> = {
  ECONNREFUSED: 'unreachable',
  ECONNRESET: 'unreachable',
  EHOSTUNREACH: 'unreachable',
  ENETUNREACH: 'unreachable',
  ENOTFOUND: 'unreachable',
  EAI_AGAIN: 'unreachable',
  ETIMEDOUT: 'timeout',
  PROTOCOL_SEQUENCE_TIMEOUT: 'timeout',
};

/** The failure code of a network-level error (no SQL state), if it is one. */
export function networkFailure(error: unknown): ConnectorFailureCode | null {
  const code = (error as { code?: unknown })?.code;
  if (typeof code === 'string' && code in NETWORK_CODES) return NETWORK_CODES[code]!;
  const message = error instanceof Error ? error.message : '';
  if (/timeout|timed out/i.test(message)) return 'timeout';
  return null;
}

/**
 * A driver message safe to show and log: the password, every bound value and anything quoted in a data error are
 * replaced, so neither secrets nor personal data reach a log line.
 */
export function safeDetail(
  error: unknown,
  secrets: readonly string[],
  params: readonly unknown[],
  isDataError: boolean,
): string {
  let detail = error instanceof Error ? error.message : String(error);
  const hidden = [
    ...secrets.filter((secret) => typeof secret === 'string'),
    ...params.flat().map((value) => (value === null ? '' : String(value))),
  ]
    .filter((text) => text.length >= 3)
    .sort((a, b) => b.length - a.length);
  for (const text of hidden) detail = detail.split(text).join('…');
  if (isDataError) detail = detail.replace(/'[^']*'|"[^"]*"|\([^)]*\)=\([^)]*\)/g, '…');
  return detail.slice(0, 500) || 'no detail';
}

export const connectorError = (code: ConnectorFailureCode, detail: string) =>
  new ConnectorError(code, detail, code === 'timeout' || code === 'unreachable');
