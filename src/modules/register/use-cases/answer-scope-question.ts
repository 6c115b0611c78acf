import { recordAudit } from '../../../platform/audit/writer.ts';
import type { AppContext } from '../../../platform/context.ts';
import { inTransaction } from '../../../platform/db/transaction.ts';
import type { OrgScope } from '../../../platform/http/access.ts';
import { classifyDestination } from '../../../shared/transfer-check.ts';
import type { TScopeAnswerRequest, TScopeQuestion } from '../contract.ts';
import * as store from '../store.ts';
import { refreshCompletenessBeforeCommit } from './refresh-completeness.ts';

/**
 * Records whether the organisation's recipients in a country fall within its adequacy decision's scope (Canada,
 * Israel, South Korea). Once per organisation and country; answering again replaces the answer.
 */
export async function answerScopeQuestion(
  ctx: AppContext,
  scope: OrgScope,
  country: 'CA' | 'IL' | 'KR',
  input: TScopeAnswerRequest,
): Promise<TScopeQuestion> {
  const answeredAt = ctx.clock.now();
  await inTransaction(ctx.db, async (tx) => {
    await store.saveScopeAnswer(tx, { orgId: scope.orgId, country, ...input, answeredAt });
    await recordAudit(tx, answeredAt, {
      orgId: scope.orgId,
      actor: scope.actor,
      action: 'transfer_scope.answered',
      target: { type: 'country', id: country },
      data: { isWithinScope: input.isWithinScope },
    });
    // An answer changes the verdict on every destination in that country, whichever activity it serves.
    await refreshCompletenessBeforeCommit(ctx, tx, scope.orgId, { wholeOrganisation: true });
  });
  return {
    country,
    scope: classifyDestination(country).adequacy?.scope ?? { en: '', nl: '' },
    answer: { isWithinScope: input.isWithinScope, note: input.note, answeredAt: answeredAt.toISOString() },
  };
}
