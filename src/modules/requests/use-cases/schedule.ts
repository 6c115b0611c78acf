/**
 * What the requests desk does on its own: reminders to whoever handles a request a week and a day before it is
 * due and on the day (once each, whatever instance runs the job), and minimisation after closing — the content
 * goes, the proof stays — plus the removal of submissions nobody confirmed.
 */
import { recordAudit } from '../../../platform/audit/writer.ts';
import type { AppContext } from '../../../platform/context.ts';
import { inTransaction } from '../../../platform/db/transaction.ts';
import type { Actor, OrgScope } from '../../../platform/http/access.ts';
import { isLocale } from '../../../platform/i18n/index.ts';
import { calendarDateIn } from '../../../shared/dates.ts';
import * as identity from '../../identity/service.ts';
import * as organisations from '../../organisations/service.ts';
import type { TRequestRight } from '../contract.ts';
import { reminderLetter } from '../letters.ts';
import { CONTENT_KEPT_DAYS, reminderDue, reminderOnceKey, UNCONFIRMED_KEPT_DAYS } from '../rules.ts';
import * as store from '../store.ts';
import { addEvent } from './events.ts';
import { referenceOf } from './present.ts';

const SCHEDULER: Actor = { type: 'system', id: 'requests_schedule' };
const DAY_MS = 24 * 60 * 60 * 1000;

/** Who is reminded: the assignee, or when nobody is assigned, the organisation's privacy officers and owners. */
async function reminderRecipients(ctx: AppContext, row: store.RequestRow) {
  if (row.assigneeUserId) {
    const user = await identity.findUserById(ctx.db, row.assigneeUserId);
    return user ? [user] : [];
  }
  const scope: OrgScope = { orgId: row.orgId, role: 'owner', actor: SCHEDULER };
  const members = await organisations.listMembers(ctx, scope);
  const officers = members.filter((member) => member.role === 'privacy_officer' || member.role === 'owner');
  const users = await Promise.all(officers.map((member) => identity.findUserById(ctx.db, member.userId)));
  return users.filter((user) => user !== null && user !== undefined);
}

/** Sends the reminders due today; returns how many requests were reminded about. */
export async function sendDueReminders(ctx: AppContext): Promise<number> {
  const today = calendarDateIn(ctx.clock.now());
  const rows = await store.openRequestsEverywhere(ctx.db);
  const sent = await store.sentOnceKeys(
    ctx.db,
    rows.map((row) => row.id),
  );
  let reminded = 0;
  for (const row of rows) {
    const kind = reminderDue(row.dueOn, today, sent.get(row.id) ?? new Set());
    if (!kind) continue;
    const [org, recipients] = await Promise.all([
      organisations.organisationByRef(ctx, row.orgId),
      reminderRecipients(ctx, row),
    ]);
    const reference = referenceOf(row) ?? '';
    const link = `${ctx.config.publicUrl}/o/${org?.slug ?? row.orgId}/requests/${row.id}`;
    const isNew = await inTransaction(ctx.db, async (tx, afterCommit) => {
      const onceKey = reminderOnceKey(kind, row.dueOn);
      const data = { kind, due: row.dueOn, recipients: recipients.length };
      const inserted = await store.insertEventOnce(tx, {
        orgId: row.orgId,
        requestId: row.id,
        at: ctx.clock.now(),
        kind: 'reminder_sent',
        actorType: SCHEDULER.type,
        actorId: SCHEDULER.id,
        data,
        onceKey,
      });
      if (!inserted) return false;
      for (const user of recipients) {
        const locale = isLocale(user.locale) ? user.locale : 'nl';
        const letter = reminderLetter(locale, {
          name: user.name,
          organisation: org?.name ?? '',
          reference,
          right: row.right as TRequestRight,
          due: row.dueOn,
          link,
        });
        await ctx.outbox.queue(
          tx,
          {
            orgId: row.orgId,
            to: user.email,
            locale,
            template: letter.template,
            subject: letter.subject,
            text: letter.text,
          },
          afterCommit,
        );
      }
      return true;
    });
    if (isNew) reminded += 1;
  }
  return reminded;
}

/**
 * Drops the content of requests closed longer than CONTENT_KEPT_DAYS ago (the person's details, the text, the
 * notes) and removes unconfirmed submissions older than UNCONFIRMED_KEPT_DAYS. Returns the counts.
 */
export async function minimiseRequests(ctx: AppContext): Promise<{ minimised: number; removedUnconfirmed: number }> {
  const now = ctx.clock.now();
  const due = await store.closedBefore(ctx.db, new Date(now.getTime() - CONTENT_KEPT_DAYS * DAY_MS));
  for (const row of due) {
    await inTransaction(ctx.db, async (tx) => {
      await store.updateRequest(tx, row.orgId, row.id, {
        contentSealed: null,
        emailHash: null,
        identityNote: null,
        minimisedAt: now,
      });
      await store.dropEventNotes(tx, row.orgId, row.id);
      await store.deleteFindings(tx, row.orgId, row.id);
      await addEvent(ctx, tx, row, 'minimised', SCHEDULER);
      await recordAudit(tx, now, {
        orgId: row.orgId,
        actor: SCHEDULER,
        action: 'subject_request.minimised',
        target: { type: 'subject_request', id: row.id, name: referenceOf(row) },
        data: { keptDays: CONTENT_KEPT_DAYS },
      });
    });
  }
  const removedUnconfirmed = await inTransaction(ctx.db, (tx) =>
    store.deleteUnconfirmedBefore(tx, new Date(now.getTime() - UNCONFIRMED_KEPT_DAYS * DAY_MS)),
  );
  return { minimised: due.length, removedUnconfirmed };
}
