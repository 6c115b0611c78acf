/**
 * The organisation's playbook (draaiboek): the steps every new incident starts with. It starts as the standard
 * playbook; privacy officers and owners change it (their own steps, another order, standard steps left out) and can
 * go back to the standard. Incidents already recorded keep the steps they started with.
 */
import { recordAudit } from '../../../platform/audit/writer.ts';
import type { AppContext } from '../../../platform/context.ts';
import type { Database } from '../../../platform/db/database.ts';
import { inTransaction } from '../../../platform/db/transaction.ts';
import { invalidFields } from '../../../platform/errors.ts';
import type { OrgScope } from '../../../platform/http/access.ts';
import type { TPlaybookTemplate } from '../contract.ts';
import { type PlaybookStep, playbookErrors, startingPlaybook } from '../rules.ts';
import * as store from '../store.ts';

const asSteps = (rows: readonly store.PlaybookStepRow[]): PlaybookStep[] =>
  rows.map((row) => ({ phase: row.phase as PlaybookStep['phase'], stepKey: row.stepKey, title: row.title }));

/** The steps a new incident of this organisation starts with (inside the caller's transaction). */
export async function startingSteps(tx: Database, orgId: string): Promise<PlaybookStep[]> {
  return startingPlaybook(asSteps(await store.playbookOf(tx, orgId)));
}

export async function getPlaybook(ctx: AppContext, scope: OrgScope): Promise<TPlaybookTemplate> {
  const own = asSteps(await store.playbookOf(ctx.db, scope.orgId));
  return { isStandard: own.length === 0, steps: startingPlaybook(own) };
}

/** Replaces the playbook as a whole; an empty list goes back to the standard playbook. */
export async function savePlaybook(
  ctx: AppContext,
  scope: OrgScope,
  input: { steps: PlaybookStep[] },
): Promise<TPlaybookTemplate> {
  const errors = playbookErrors(input.steps);
  if (errors.length > 0) throw invalidFields(errors);
  const steps = input.steps.map((step) => ({ ...step, title: step.stepKey ? '' : step.title.trim() }));
  await inTransaction(ctx.db, async (tx) => {
    await store.replacePlaybook(tx, scope.orgId, steps);
    await recordAudit(tx, ctx.clock.now(), {
      orgId: scope.orgId,
      actor: scope.actor,
      action: 'breach_playbook.updated',
      target: { type: 'organisation', id: scope.orgId },
      data: { steps: steps.length, standard: steps.length === 0 },
    });
  });
  return getPlaybook(ctx, scope);
}
