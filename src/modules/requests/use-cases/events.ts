import type { AppContext } from '../../../platform/context.ts';
import type { Database } from '../../../platform/db/database.ts';
import type { AfterCommit } from '../../../platform/db/transaction.ts';
import type { Actor } from '../../../platform/http/access.ts';
import type { Locale } from '../../../platform/i18n/index.ts';
import type { REQUEST_EVENT_KINDS } from '../contract.ts';
import type { Letter } from '../letters.ts';
import * as store from '../store.ts';

type EventKind = (typeof REQUEST_EVENT_KINDS)[number];

/** Adds a step to a request's timeline; a note's text is sealed. */
export async function addEvent(
  ctx: AppContext,
  tx: Database,
  request: { orgId: string; id: string },
  kind: EventKind,
  actor: Actor,
  extra: { data?: Record<string, unknown>; note?: string | null } = {},
): Promise<void> {
  await store.insertEvent(tx, {
    orgId: request.orgId,
    requestId: request.id,
    at: ctx.clock.now(),
    kind,
    actorType: actor.type,
    actorId: actor.id,
    data: extra.data ?? {},
    noteSealed: extra.note ? ctx.secrets.seal(extra.note) : null,
  });
}

/** Queues a letter through the outbox and keeps it with the request (template and outbox message id). */
export async function sendLetter(
  ctx: AppContext,
  tx: Database,
  request: { orgId: string; id: string },
  mail: { to: string; locale: Locale; letter: Letter; isSensitive?: boolean },
  actor: Actor,
  afterCommit: (fn: AfterCommit) => void,
): Promise<void> {
  const messageId = await ctx.outbox.queue(
    tx,
    {
      orgId: request.orgId,
      to: mail.to,
      locale: mail.locale,
      template: mail.letter.template,
      subject: mail.letter.subject,
      text: mail.letter.text,
      isSensitive: mail.isSensitive ?? false,
    },
    afterCommit,
  );
  await addEvent(ctx, tx, request, 'mail_queued', actor, {
    data: { template: mail.letter.template, messageId },
  });
}
