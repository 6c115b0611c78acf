import type { AppContext } from '../../../platform/context.ts';
import type { Database } from '../../../platform/db/database.ts';
import { inTransaction } from '../../../platform/db/transaction.ts';
import { retryOnUniqueViolation } from '../../../platform/db/unique-violation.ts';
import { conflict, invalidField, invalidFields, notFound } from '../../../platform/errors.ts';
import type { OrgScope } from '../../../platform/http/access.ts';
import { DEFAULT_LOCALE, type Locale } from '../../../platform/i18n/index.ts';
import * as inventory from '../../inventory/service.ts';
import * as register from '../../register/service.ts';
import * as vendors from '../../vendors/service.ts';
import { breachTimeErrors, clockStatus } from '../clock-rules.ts';
import type { TCreateIncident, TIncident, TIncidentSummary, TTriageFacts, TUpdateIncident } from '../contract.ts';
import * as store from '../store.ts';
import { triageBreach } from '../triage-rules.ts';
import { addEvent, auditIncident } from './history.ts';
import { startingSteps } from './playbook.ts';
import { presentIncident, presentSummary } from './present.ts';

export async function listIncidents(ctx: AppContext, scope: OrgScope): Promise<{ items: TIncidentSummary[] }> {
  const rows = await store.listIncidents(ctx.db, scope.orgId);
  const notifications = await store.notificationsOf(
    ctx.db,
    scope.orgId,
    rows.map((row) => row.id),
  );
  const now = ctx.clock.now();
  return {
    items: rows.map((row) =>
      presentSummary(
        row,
        notifications.filter((notification) => notification.incidentId === row.id),
        now,
      ),
    ),
  };
}

export async function getIncident(
  ctx: AppContext,
  scope: OrgScope,
  id: string,
  locale: Locale = DEFAULT_LOCALE,
): Promise<TIncident> {
  const row = await store.findIncident(ctx.db, scope.orgId, id);
  if (!row) throw notFound('incident_not_found');
  const [notifications, steps, events] = await Promise.all([
    store.notificationsOf(ctx.db, scope.orgId, [id]),
    store.stepsOf(ctx.db, scope.orgId, id),
    store.eventsOf(ctx.db, scope.orgId, id),
  ]);
  return presentIncident(ctx, locale, { row, notifications, steps, events });
}

function assertMoments(input: { occurredAt: string | null; awareAt: string }, now: Date) {
  const errors = breachTimeErrors(
    { occurredAt: input.occurredAt ? new Date(input.occurredAt) : null, awareAt: new Date(input.awareAt) },
    now,
  );
  if (errors.length > 0) throw invalidFields(errors);
}

/** Every system, vendor and activity named belongs to the organisation (inside the transaction). */
async function assertReferences(
  tx: Database,
  scope: OrgScope,
  input: Partial<Pick<TCreateIncident, 'systemIds' | 'vendorIds' | 'activityIds'>>,
  activityIds: ReadonlySet<string>,
) {
  if (input.systemIds?.length) await inventory.assertSystemsOfOrg(tx, scope.orgId, input.systemIds);
  if (input.vendorIds?.length) await vendors.assertVendorsOfOrg(tx, scope.orgId, input.vendorIds);
  input.activityIds?.forEach((activityId, index) => {
    if (!activityIds.has(activityId)) throw invalidField(`activityIds.${index}`, 'unknown_reference');
  });
}

const activityIdsOf = async (ctx: AppContext, scope: OrgScope) =>
  new Set((await register.activityHeadsOfOrg(ctx.db, scope.orgId)).map((activity) => activity.id));

/** Records an incident; the clock starts at the moment of awareness and the standard playbook is laid out. */
export async function createIncident(ctx: AppContext, scope: OrgScope, input: TCreateIncident): Promise<TIncident> {
  assertMoments(input, ctx.clock.now());
  const activityIds = await activityIdsOf(ctx, scope);
  const id = await retryOnUniqueViolation(() =>
    inTransaction(ctx.db, async (tx) => {
      await assertReferences(tx, scope, input, activityIds);
      const number = await store.nextIncidentNumber(tx, scope.orgId);
      const row = await store.insertIncident(tx, {
        ...input,
        orgId: scope.orgId,
        number,
        occurredAt: input.occurredAt ? new Date(input.occurredAt) : null,
        awareAt: new Date(input.awareAt),
      });
      await store.insertSteps(
        tx,
        (await startingSteps(tx, scope.orgId)).map((step, position) => ({
          ...step,
          orgId: scope.orgId,
          incidentId: row.id,
          position,
        })),
      );
      await addEvent(ctx, tx, scope, row.id, 'recorded', { source: input.source });
      await auditIncident(ctx, tx, scope, row, 'breach_incident.recorded', { source: input.source });
      return row.id;
    }),
  );
  return getIncident(ctx, scope, id);
}

async function changeIncident(
  ctx: AppContext,
  scope: OrgScope,
  id: string,
  change: (tx: Database, row: store.IncidentRow) => Promise<void>,
  locale: Locale = DEFAULT_LOCALE,
): Promise<TIncident> {
  await inTransaction(ctx.db, async (tx) => {
    const row = await store.lockIncident(tx, scope.orgId, id);
    if (!row) throw notFound('incident_not_found');
    if (row.status === 'closed') throw conflict('incident_closed');
    await change(tx, row);
  });
  return getIncident(ctx, scope, id, locale);
}

export async function updateIncident(ctx: AppContext, scope: OrgScope, id: string, input: TUpdateIncident) {
  const current = await store.findIncident(ctx.db, scope.orgId, id);
  if (!current) throw notFound('incident_not_found');
  assertMoments(
    {
      occurredAt: input.occurredAt !== undefined ? input.occurredAt : (current.occurredAt?.toISOString() ?? null),
      awareAt: input.awareAt ?? current.awareAt.toISOString(),
    },
    ctx.clock.now(),
  );
  const activityIds = input.activityIds ? await activityIdsOf(ctx, scope) : new Set<string>();
  return changeIncident(ctx, scope, id, async (tx, row) => {
    await assertReferences(tx, scope, input, activityIds);
    const { occurredAt, awareAt, ...rest } = input;
    await store.updateIncident(tx, scope.orgId, id, {
      ...rest,
      ...(occurredAt !== undefined ? { occurredAt: occurredAt ? new Date(occurredAt) : null } : {}),
      ...(awareAt ? { awareAt: new Date(awareAt) } : {}),
    });
    const fields = Object.keys(input);
    await addEvent(ctx, tx, scope, id, 'updated', { fields });
    await auditIncident(ctx, tx, scope, row, 'breach_incident.updated', { fields });
  });
}

/**
 * Runs the triage on the facts given and keeps its recommendation, reasons and the facts it used; the user decides
 * afterwards (decideIncident).
 */
export function triageIncident(
  ctx: AppContext,
  scope: OrgScope,
  id: string,
  facts: TTriageFacts,
  locale: Locale = DEFAULT_LOCALE,
) {
  return changeIncident(
    ctx,
    scope,
    id,
    async (tx, row) => {
      const result = triageBreach(facts);
      const triage = {
        ...result,
        at: ctx.clock.now().toISOString(),
        by: scope.actor.type === 'user' ? scope.actor.id : null,
      };
      await store.updateIncident(tx, scope.orgId, id, { triage });
      const data = {
        notifyAuthority: result.notifyAuthority,
        notifySubjects: result.notifySubjects,
        severity: result.severity,
        version: result.version,
      };
      await addEvent(ctx, tx, scope, id, 'triaged', data);
      await auditIncident(ctx, tx, scope, row, 'breach_incident.triaged', data);
    },
    locale,
  );
}

/** The user's decision on notifying, with the reason; the triage only recommends. */
export function decideIncident(
  ctx: AppContext,
  scope: OrgScope,
  id: string,
  input: { notifyAuthority: boolean; notifySubjects: boolean; reason: string },
) {
  return changeIncident(ctx, scope, id, async (tx, row) => {
    const decision = {
      ...input,
      at: ctx.clock.now().toISOString(),
      by: scope.actor.type === 'user' ? scope.actor.id : null,
    };
    await store.updateIncident(tx, scope.orgId, id, { decision });
    const data = { notifyAuthority: input.notifyAuthority, notifySubjects: input.notifySubjects };
    await addEvent(ctx, tx, scope, id, 'decided', data);
    await auditIncident(ctx, tx, scope, row, 'breach_incident.decided', data);
  });
}

/**
 * Records a notification made. The first notification of the authority after the 72 hours needs the reason for
 * the delay (Art. 33(1)), given now or recorded before.
 */
export function recordNotification(
  ctx: AppContext,
  scope: OrgScope,
  id: string,
  input: {
    recipient: 'authority' | 'subjects' | 'controller';
    phase: 'initial' | 'supplementary' | 'final';
    sentAt: string;
    reference: string;
    note: string;
    lateReason?: string | undefined;
  },
) {
  const sentAt = new Date(input.sentAt);
  if (sentAt.getTime() > ctx.clock.now().getTime()) throw invalidField('sentAt', 'date_in_future');
  return changeIncident(ctx, scope, id, async (tx, row) => {
    if (sentAt.getTime() < row.awareAt.getTime()) throw invalidField('sentAt', 'breach_notified_before_aware');
    const late = clockStatus({ awareAt: row.awareAt, now: sentAt, notifiedAt: sentAt }).needsDelayReason;
    const lateReason = input.lateReason?.trim() || row.lateReason;
    if (input.recipient === 'authority' && late && !lateReason)
      throw invalidField('lateReason', 'late_reason_required');
    if (input.lateReason) await store.updateIncident(tx, scope.orgId, id, { lateReason: input.lateReason });
    await store.insertNotification(tx, {
      orgId: scope.orgId,
      incidentId: id,
      recipient: input.recipient,
      phase: input.phase,
      sentAt,
      reference: input.reference,
      note: input.note,
      createdBy: scope.actor.type === 'user' ? scope.actor.id : null,
    });
    const data = { recipient: input.recipient, phase: input.phase, isLate: late };
    await addEvent(ctx, tx, scope, id, 'notified', data);
    await auditIncident(ctx, tx, scope, row, 'breach_incident.notified', data);
  });
}

export function updateStep(
  ctx: AppContext,
  scope: OrgScope,
  id: string,
  stepId: string,
  input: { isDone: boolean; note?: string | undefined },
) {
  return changeIncident(ctx, scope, id, async (tx) => {
    const step = await store.updateStep(tx, scope.orgId, id, stepId, {
      doneAt: input.isDone ? ctx.clock.now() : null,
      doneBy: input.isDone && scope.actor.type === 'user' ? scope.actor.id : null,
      ...(input.note !== undefined ? { note: input.note } : {}),
    });
    if (!step) throw notFound('playbook_step_not_found');
    await addEvent(ctx, tx, scope, id, input.isDone ? 'step_done' : 'step_reopened', {
      phase: step.phase,
      stepKey: step.stepKey,
      title: step.title,
    });
  });
}

export function addStep(ctx: AppContext, scope: OrgScope, id: string, input: { phase: string; title: string }) {
  return changeIncident(ctx, scope, id, async (tx) => {
    const steps = await store.stepsOf(tx, scope.orgId, id);
    await store.insertSteps(tx, [
      { orgId: scope.orgId, incidentId: id, phase: input.phase, position: steps.length, title: input.title },
    ]);
    await addEvent(ctx, tx, scope, id, 'step_added', { phase: input.phase, title: input.title });
  });
}

/** Closes the incident; it stays in the register. A decision on notifying must have been recorded. */
export function closeIncident(ctx: AppContext, scope: OrgScope, id: string) {
  return changeIncident(ctx, scope, id, async (tx, row) => {
    if (!row.decision) throw conflict('incident_undecided');
    await store.updateIncident(tx, scope.orgId, id, { status: 'closed', closedAt: ctx.clock.now() });
    await addEvent(ctx, tx, scope, id, 'closed');
    await auditIncident(ctx, tx, scope, row, 'breach_incident.closed');
  });
}
