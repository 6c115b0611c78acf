import type { z } from 'zod';
import { recordAudit } from '../../platform/audit/writer.ts';
import type { AppContext } from '../../platform/context.ts';
import { inTransaction } from '../../platform/db/transaction.ts';
import { conflict, notFound } from '../../platform/errors.ts';
import type { OrgScope } from '../../platform/http/access.ts';
import { deliverMailJob } from '../../platform/mail/outbox.ts';
import type { TOutboxMessage, ZListOutboxQuery, ZOutboxMessageDetail } from './contract.ts';
import { findMessage, listMessages, type MailRow, requeueMessage } from './store.ts';

function present(row: MailRow): TOutboxMessage {
  return {
    id: row.id,
    recipient: row.recipient,
    locale: row.locale,
    template: row.template,
    subject: row.subject,
    status: row.status as TOutboxMessage['status'],
    attempts: row.attempts,
    lastError: row.lastError,
    createdAt: row.createdAt.toISOString(),
    sentAt: row.sentAt?.toISOString() ?? null,
  };
}

export async function listOutbox(ctx: AppContext, scope: OrgScope, query: z.output<typeof ZListOutboxQuery>) {
  const rows = await listMessages(ctx.db, scope.orgId, {
    status: query.status,
    before: query.before,
    limit: query.limit + 1,
  });
  const page = rows.slice(0, query.limit);
  return {
    messages: page.map(present),
    isSmtpConfigured: ctx.outbox.isSmtpConfigured,
    nextCursor: rows.length > query.limit ? (page.at(-1)?.id ?? null) : null,
  };
}

export async function getOutboxMessage(
  ctx: AppContext,
  scope: OrgScope,
  id: string,
): Promise<z.output<typeof ZOutboxMessageDetail>> {
  const row = await findMessage(ctx.db, scope.orgId, id);
  if (!row) throw notFound('message_not_found');
  return {
    ...present(row),
    isSensitive: row.isSensitive,
    body: row.isSensitive ? null : ctx.secrets.open(row.bodySealed),
  };
}

/** Sends a failed or held message again (held ones only once SMTP is configured). */
export async function retryOutboxMessage(ctx: AppContext, scope: OrgScope, id: string): Promise<void> {
  await inTransaction(ctx.db, async (tx, afterCommit) => {
    const row = await findMessage(tx, scope.orgId, id);
    if (!row) throw notFound('message_not_found');
    if (!ctx.outbox.isSmtpConfigured) throw conflict('smtp_not_configured');
    if (row.status !== 'failed' && row.status !== 'held') throw conflict('message_not_retryable');
    await requeueMessage(tx, scope.orgId, id);
    await recordAudit(tx, ctx.clock.now(), {
      orgId: scope.orgId,
      actor: scope.actor,
      action: 'mail.retried',
      target: { type: 'mail', id },
    });
    afterCommit(() => ctx.jobs.send(deliverMailJob, { messageId: id }).then(() => undefined));
  });
}
