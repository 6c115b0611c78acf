/** What happened to an incident: on its timeline (the officer's view) and in the audit trail (by reference only). */
import type { AuditAction } from '../../../platform/audit/actions.ts';
import { recordAudit } from '../../../platform/audit/writer.ts';
import type { AppContext } from '../../../platform/context.ts';
import type { Database } from '../../../platform/db/database.ts';
import type { OrgScope } from '../../../platform/http/access.ts';
import { formatIncidentReference } from '../rules.ts';
import type * as store from '../store.ts';
import { insertEvent } from '../store.ts';

/** Adds an event to the incident's timeline. */
export async function addEvent(
  ctx: AppContext,
  tx: Database,
  scope: OrgScope,
  incidentId: string,
  kind: string,
  data: Record<string, unknown> = {},
) {
  await insertEvent(tx, {
    orgId: scope.orgId,
    incidentId,
    at: ctx.clock.now(),
    kind,
    actorType: scope.actor.type,
    actorId: scope.actor.id,
    data,
  });
}

/** Records an action on the incident in the audit trail, naming it by its reference. */
export async function auditIncident(
  ctx: AppContext,
  tx: Database,
  scope: OrgScope,
  row: store.IncidentRow,
  action: AuditAction,
  data: Record<string, unknown> = {},
) {
  await recordAudit(tx, ctx.clock.now(), {
    orgId: scope.orgId,
    actor: scope.actor,
    action,
    target: { type: 'breach_incident', id: row.id, name: formatIncidentReference(row.awareAt, row.number) },
    data,
  });
}

/** Both: the timeline event and the audit entry, with the same data. */
export async function recordIncidentStep(
  ctx: AppContext,
  tx: Database,
  scope: OrgScope,
  row: store.IncidentRow,
  step: { kind: string; action: AuditAction; data?: Record<string, unknown> },
) {
  await addEvent(ctx, tx, scope, row.id, step.kind, step.data);
  await auditIncident(ctx, tx, scope, row, step.action, step.data);
}
