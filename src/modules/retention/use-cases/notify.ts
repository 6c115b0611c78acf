import type { AppContext } from '../../../platform/context.ts';
import type { AfterCommit } from '../../../platform/db/transaction.ts';
import { isLocale, translate } from '../../../platform/i18n/index.ts';
import { composeText } from '../../../platform/mail/layout.ts';
import * as identity from '../../identity/service.ts';
import type * as store from '../store.ts';

/** Tells the policy's owner that a run failed, with the reason and where to look; nothing about the records. */
export async function notifyRunFailed(
  ctx: AppContext,
  tx: AppContext['db'],
  failure: { policy: store.PolicyRow; orgSlug: string; error: { code: string } | undefined },
  afterCommit: (fn: AfterCommit) => void,
): Promise<void> {
  const { policy, orgSlug, error } = failure;
  if (!policy.ownerUserId) return;
  const owner = await identity.findUserById(tx, policy.ownerUserId);
  if (!owner) return;
  const locale = isLocale(owner.locale) ? owner.locale : 'nl';
  const reason = translate(locale, `errors.connector_${error?.code ?? 'failed'}`, { detail: '' });
  const link = `${ctx.config.publicUrl}/o/${orgSlug}/retention/policies/${policy.id}`;
  await ctx.outbox.queue(
    tx,
    {
      orgId: policy.orgId,
      to: owner.email,
      locale,
      template: 'retention.run_failed',
      subject: translate(locale, 'mail.retention_run_failed.subject', { policy: policy.name }),
      text: composeText(locale, [
        translate(locale, 'mail.greeting', { name: owner.name }),
        translate(locale, 'mail.retention_run_failed.body', { policy: policy.name, reason }),
        link,
      ]),
    },
    afterCommit,
  );
}
