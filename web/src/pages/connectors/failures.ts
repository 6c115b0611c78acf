import type { TFailureCode } from '../../api/connectors.ts';

type Translate = (key: string, params?: Record<string, unknown>) => string;

/**
 * A failure in words a small-business owner can act on, per code (`connectors.failures.<code>`), with the
 * store's own technical detail after it when there is one.
 */
export function failureText(t: Translate, code: TFailureCode | string | null, detail = ''): string {
  const message = t(`connectors.failures.${code ?? 'failed'}`, { defaultValue: t('connectors.failures.failed') });
  return detail ? `${message} (${detail})` : message;
}
