import type { TMailStatus } from '../../api/outbox.ts';

export const STATUS_COLOURS: Record<TMailStatus, string> = {
  queued: 'blue',
  sending: 'cyan',
  sent: 'green',
  failed: 'red',
  held: 'orange',
};

/** Failed mail, and mail held back for want of SMTP, may be sent again. */
export const isRetryable = (status: TMailStatus) => status === 'failed' || status === 'held';
