/**
 * Reminders of measures due for review: to the measure's owner, or when it has none (or they left), to the
 * organisation's privacy officers and owners. One reminder per review date, whatever instance runs the job.
 */
import { recordAudit } from '../../../platform/audit/writer.ts';
import type { AppContext } from '../../../platform/context.ts';
import { inTransaction } from '../../../platform/db/transaction.ts';
import type { Actor, OrgScope } from '../../../platform/http/access.ts';
import { isLocale, type Locale, translate } from '../../../platform/i18n/index.ts';
import { composeText } from '../../../platform/mail/layout.ts';
import { calendarDateIn } from '../../../shared/dates.ts';
import * as identity from '../../identity/service.ts';
import * as organisations from '../../organisations/service.ts';
import { reviewReminderDue } from '../rules.ts';
import * as store from '../store.ts';
import { measureTitle } from './present.ts';

const SCHEDULER: Actor = { type: 'system', id: 'measures_review' };

async function recipientsOf(ctx: AppContext, row: store.MeasureRow) {
  const scope: OrgScope = { orgId: row.orgId, role: 'owner', actor: SCHEDULER };
  const members = await organisations.listMembers(ctx, scope);
  const owner = members.find((member) => member.userId === row.ownerUserId);
  const chosen = owner
    ? [owner]
    : members.filter((member) => member.role === 'privacy_officer' || member.role === 'owner');
  const users = await Promise.all(chosen.map((member) => identity.findUserById(ctx.db, member.userId)));
  return users.filter((user) => user !== null && user !== undefined);
}

function reminderMail(locale: Locale, input: { name: string; measure: string; reviewDate: string; link: string }) {
  return {
    template: 'measures.review_reminder',
    subject: translate(locale, 'mail.measure_review.subject', { measure: input.measure }),
    text: composeText(locale, [
      translate(locale, 'mail.greeting', { name: input.name }),
      translate(locale, 'mail.measure_review.body', { measure: input.measure, reviewDate: input.reviewDate }),
      input.link,
    ]),
  };
}

/** Sends the review reminders due today; returns how many measures were reminded about. */
export async function sendReviewReminders(ctx: AppContext): Promise<number> {
  const today = calendarDateIn(ctx.clock.now());
  const due = (await store.measuresWithReviewDate(ctx.db)).filter((row) => reviewReminderDue(row, today));
  let reminded = 0;
  for (const row of due) {
    const [org, recipients] = await Promise.all([
      organisations.organisationByRef(ctx, row.orgId),
      recipientsOf(ctx, row),
    ]);
    const link = `${ctx.config.publicUrl}/o/${org?.slug ?? row.orgId}/measures/${row.id}`;
    const claimed = await inTransaction(ctx.db, async (tx, afterCommit) => {
      if (!(await store.claimReviewReminder(tx, row.id, row.reviewDate as string))) return false;
      for (const user of recipients) {
        const locale = isLocale(user.locale) ? user.locale : 'nl';
        const mail = reminderMail(locale, {
          name: user.name,
          measure: measureTitle(row, locale),
          reviewDate: row.reviewDate as string,
          link,
        });
        await ctx.outbox.queue(tx, { orgId: row.orgId, to: user.email, locale, ...mail }, afterCommit);
      }
      await recordAudit(tx, ctx.clock.now(), {
        orgId: row.orgId,
        actor: SCHEDULER,
        action: 'security_measure.review_reminded',
        target: { type: 'security_measure', id: row.id, name: measureTitle(row, 'nl') },
        data: { reviewDate: row.reviewDate, recipients: recipients.length },
      });
      return true;
    });
    if (claimed) reminded += 1;
  }
  return reminded;
}
