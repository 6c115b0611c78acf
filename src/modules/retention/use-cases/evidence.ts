import type { AppContext } from '../../../platform/context.ts';
import type { OrgScope } from '../../../platform/http/access.ts';
import { writeCsv } from '../../register-io/service.ts';
import * as store from '../store.ts';
import { findPolicyOrFail } from './policies.ts';
import { presentRun } from './present.ts';

const COLUMNS = [
  'runId',
  'status',
  'trigger',
  'startedAt',
  'finishedAt',
  'expected',
  'processed',
  'deleted',
  'anonymised',
  'archived',
  'held',
  'failed',
  'error',
] as const;

/**
 * A policy's run history as evidence: every run with its counts and outcome, as JSON or CSV. Which records each
 * batch acted on is in the audit trail (hashed keys), which this file points to by run id.
 */
export async function exportRunEvidence(ctx: AppContext, scope: OrgScope, policyId: string, format: 'csv' | 'json') {
  const policy = await findPolicyOrFail(ctx.db, scope, policyId);
  const runs = (await store.listRuns(ctx.db, scope.orgId, policyId, 10_000)).map(presentRun);
  const fileName = `retention-runs-${policy.id}.${format}`;
  if (format === 'json') {
    const body = JSON.stringify(
      { policy: { id: policy.id, name: policy.name }, exportedAt: ctx.clock.now().toISOString(), runs },
      null,
      2,
    );
    return { fileName, contentType: 'application/json', body };
  }
  const rows = runs.map((run) =>
    [
      run.id,
      run.status,
      run.trigger,
      run.startedAt ?? '',
      run.finishedAt ?? '',
      run.progress.expected ?? '',
      run.progress.processed,
      run.counts.deleted,
      run.counts.anonymised,
      run.counts.archived,
      run.counts.held,
      run.counts.failed,
      run.error?.code ?? '',
    ].map(String),
  );
  return { fileName, contentType: 'text/csv; charset=utf-8', body: writeCsv([[...COLUMNS], ...rows], ',') };
}
