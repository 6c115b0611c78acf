/**
 * The 72-hour clock's reminders: at 24 hours and at 8 hours before the deadline, a mail to the organisation's
 * privacy officers and owners, once each (the once-key on the incident's timeline holds whatever instance runs the
 * job), until the authority is notified or the user decided it need not be.
 */
import type { AppContext } from '../../../platform/context.ts';
import { inTransaction } from '../../../platform/db/transaction.ts';
import type { Actor, OrgScope } from '../../../platform/http/access.ts';
import { isLocale } from '../../../platform/i18n/index.ts';
import * as identity from '../../identity/service.ts';
import * as organisations from '../../organisations/service.ts';
import { clockStatus, NOTIFICATION_HOURS } from '../clock-rules.ts';
import { clockReminderLetter } from '../letters.ts';
import { clockReminderOnceKey, dueClockReminder, formatIncidentReference } from '../rules.ts';
import * as store from '../store.ts';

const SCHEDULER: Actor = { type: 'system', id: 'breaches_clock' };
const HOUR_MS = 60 * 60 * 1000;

async function officersAndOwners(ctx: AppContext, orgId: string) {
  const scope: OrgScope = { orgId, role: 'owner', actor: SCHEDULER };
  const members = await organisations.listMembers(ctx, scope);
  const officers = members.filter((member) => member.role === 'privacy_officer' || member.role === 'owner');
  const users = await Promise.all(officers.map((member) => identity.findUserById(ctx.db, member.userId)));
  return users.filter((user) => user !== null && user !== undefined);
}

/** The reminder due for one incident now, if any. */
function reminderDueFor(
  row: store.IncidentRow,
  notifications: readonly store.NotificationRow[],
  sent: ReadonlySet<string>,
  now: Date,
) {
  const status = clockStatus({ awareAt: row.awareAt, now });
  const decision = row.decision as { notifyAuthority?: boolean } | null;
  const hoursLeft = dueClockReminder({
    reminders: status.reminders,
    isOverdue: status.isOverdue,
    isAuthorityNotified: notifications.some((n) => n.incidentId === row.id && n.recipient === 'authority'),
    decidedToNotifyAuthority: typeof decision?.notifyAuthority === 'boolean' ? decision.notifyAuthority : null,
    sentOnceKeys: sent,
  });
  return hoursLeft === null ? null : { hoursLeft, deadline: status.deadlineLocal };
}

/** Sends the reminders due now; returns how many incidents were reminded about. */
export async function sendClockReminders(ctx: AppContext): Promise<number> {
  const now = ctx.clock.now();
  const rows = await store.openIncidentsAwareSince(ctx.db, new Date(now.getTime() - NOTIFICATION_HOURS * HOUR_MS));
  const ids = rows.map((row) => row.id);
  const sent = await store.onceKeysOf(ctx.db, ids);
  let reminded = 0;
  for (const row of rows) {
    const notifications = await store.notificationsOf(ctx.db, row.orgId, [row.id]);
    const due = reminderDueFor(row, notifications, sent.get(row.id) ?? new Set(), now);
    if (!due) continue;
    if (await sendReminder(ctx, row, due)) reminded += 1;
  }
  return reminded;
}

async function sendReminder(
  ctx: AppContext,
  row: store.IncidentRow,
  due: { hoursLeft: number; deadline: ReturnType<typeof clockStatus>['deadlineLocal'] },
): Promise<boolean> {
  const [org, recipients] = await Promise.all([
    organisations.organisationByRef(ctx, row.orgId),
    officersAndOwners(ctx, row.orgId),
  ]);
  const reference = formatIncidentReference(row.awareAt, row.number);
  const link = `${ctx.config.publicUrl}/o/${org?.slug ?? row.orgId}/breaches/${row.id}`;
  return inTransaction(ctx.db, async (tx, afterCommit) => {
    const isNew = await store.insertEventOnce(tx, {
      orgId: row.orgId,
      incidentId: row.id,
      at: ctx.clock.now(),
      kind: 'reminder_sent',
      actorType: SCHEDULER.type,
      actorId: SCHEDULER.id,
      data: { hoursLeft: due.hoursLeft, recipients: recipients.length },
      onceKey: clockReminderOnceKey(due.hoursLeft),
    });
    if (!isNew) return false;
    for (const user of recipients) {
      const locale = isLocale(user.locale) ? user.locale : 'nl';
      const letter = clockReminderLetter(locale, {
        name: user.name,
        organisation: org?.name ?? '',
        reference,
        hoursLeft: due.hoursLeft,
        deadline: due.deadline,
        link,
      });
      await ctx.outbox.queue(tx, { orgId: row.orgId, to: user.email, locale, ...letter }, afterCommit);
    }
    return true;
  });
}
