import type { z } from 'zod';
import type { ZMailStatus, ZOutboxMessageDetail, ZOutboxPage } from '../../../src/modules/outbox/contract.ts';
import { http, withQuery } from './http.ts';

export type { TOutboxMessage } from '../../../src/modules/outbox/contract.ts';
export type TOutboxPage = z.infer<typeof ZOutboxPage>;
export type TOutboxMessageDetail = z.infer<typeof ZOutboxMessageDetail>;
export type TMailStatus = z.infer<typeof ZMailStatus>;
export const MAIL_STATUSES: readonly TMailStatus[] = ['queued', 'sending', 'sent', 'failed', 'held'];

const base = (org: string) => `/api/orgs/${encodeURIComponent(org)}/outbox`;

export const outboxApi = {
  list: (org: string, status: TMailStatus | undefined, before?: string, limit = 50) =>
    http.get<TOutboxPage>(withQuery(base(org), { status, before, limit })),
  get: (org: string, messageId: string) =>
    http.get<TOutboxMessageDetail>(`${base(org)}/${encodeURIComponent(messageId)}`),
  retry: (org: string, messageId: string) => http.post<void>(`${base(org)}/${encodeURIComponent(messageId)}/retry`),
};
