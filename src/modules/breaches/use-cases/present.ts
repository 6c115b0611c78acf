import type { AppContext } from '../../../platform/context.ts';
import type { Locale } from '../../../platform/i18n/index.ts';
import * as identity from '../../identity/service.ts';
import * as inventory from '../../inventory/service.ts';
import * as organisations from '../../organisations/service.ts';
import * as register from '../../register/service.ts';
import * as vendors from '../../vendors/service.ts';
import { clockStatus } from '../clock-rules.ts';
import type { TClock, TIncident, TIncidentSummary, TTriageResult } from '../contract.ts';
import { formatIncidentReference } from '../rules.ts';
import * as store from '../store.ts';
import { renderTriageReasons } from '../triage-rules.ts';

type StoredTriage = TTriageResult & { at: string; by: string | null };
type Decision = { notifyAuthority: boolean; notifySubjects: boolean; reason: string; at: string; by: string | null };

/** The first notification of the authority, if any: it stops the 72-hour clock. */
function authorityNotifiedAt(notifications: readonly store.NotificationRow[]): Date | null {
  const first = notifications.find((notification) => notification.recipient === 'authority');
  return first?.sentAt ?? null;
}

export function clockOf(row: store.IncidentRow, notifications: readonly store.NotificationRow[], now: Date): TClock {
  const notifiedAt = authorityNotifiedAt(notifications);
  const status = clockStatus({ awareAt: row.awareAt, now, notifiedAt });
  return {
    awareAt: row.awareAt.toISOString(),
    deadline: status.deadline.toISOString(),
    deadlineLocal: `${status.deadlineLocal.date}T${status.deadlineLocal.time}${status.deadlineLocal.offset}`,
    minutesLeft: status.minutesLeft,
    isOverdue: status.isOverdue,
    needsLateReason: status.needsDelayReason && !row.lateReason,
    authorityNotifiedAt: notifiedAt?.toISOString() ?? null,
  };
}

export function presentSummary(
  row: store.IncidentRow,
  notifications: readonly store.NotificationRow[],
  now: Date,
): TIncidentSummary {
  const decision = row.decision as Decision | null;
  return {
    id: row.id,
    reference: formatIncidentReference(row.awareAt, row.number),
    title: row.title,
    status: row.status === 'closed' ? 'closed' : 'open',
    awareAt: row.awareAt.toISOString(),
    clock: clockOf(row, notifications, now),
    approxPeople: row.approxPeople,
    decision: decision ? { notifyAuthority: decision.notifyAuthority, notifySubjects: decision.notifySubjects } : null,
  };
}

const byIds = (rows: readonly { id: string; name: string }[], ids: readonly string[]) => {
  const names = new Map(rows.map((row) => [row.id, row.name]));
  return ids.map((id) => ({ id, name: names.get(id) ?? '' }));
};

/** The provider's incident a client's incident came from, and the clients' incidents a provider's created. */
async function providerLinks(
  ctx: AppContext,
  row: store.IncidentRow,
): Promise<Pick<TIncident, 'provider' | 'clientIncidents'>> {
  const providerRow = row.providerIncidentId ? await store.incidentById(ctx.db, row.providerIncidentId) : null;
  const providerOrg = providerRow ? await organisations.organisationByRef(ctx, providerRow.orgId) : null;
  const clientRows = await store.incidentsFromProvider(ctx.db, row.id);
  const now = ctx.clock.now();
  const clientIncidents = await Promise.all(
    clientRows.map(async (client) => {
      const org = await organisations.organisationByRef(ctx, client.orgId);
      const notifications = await store.notificationsOf(ctx.db, client.orgId, [client.id]);
      return {
        organisation: { id: client.orgId, slug: org?.slug ?? '', name: org?.name ?? '' },
        incidentId: client.id,
        reference: formatIncidentReference(client.awareAt, client.number),
        status: client.status as 'open' | 'closed',
        clock: clockOf(client, notifications, now),
      };
    }),
  );
  return {
    provider:
      providerRow && providerOrg
        ? { name: providerOrg.name, reference: formatIncidentReference(providerRow.awareAt, providerRow.number) }
        : null,
    clientIncidents,
  };
}

export async function presentIncident(
  ctx: AppContext,
  locale: Locale,
  parts: {
    row: store.IncidentRow;
    notifications: readonly store.NotificationRow[];
    steps: readonly store.StepRow[];
    events: readonly store.EventRow[];
  },
): Promise<TIncident> {
  const { row, notifications, steps, events } = parts;
  const decision = row.decision as Decision | null;
  const triage = row.triage as StoredTriage | null;
  const userIds = [
    triage?.by ?? null,
    ...steps.map((step) => step.doneBy),
    ...events.map((event) => (event.actorType === 'user' ? event.actorId : null)),
    decision?.by ?? null,
  ].filter((id): id is string => Boolean(id));
  const [systems, vendorRows, activities, users, links] = await Promise.all([
    row.systemIds.length ? inventory.systemsOfOrg(ctx.db, row.orgId, row.systemIds) : [],
    row.vendorIds.length ? vendors.vendorsOfOrg(ctx.db, row.orgId, row.vendorIds) : [],
    row.activityIds.length ? register.activityHeadsOfOrg(ctx.db, row.orgId) : [],
    userIds.length ? identity.userNames(ctx, userIds) : new Map<string, { name: string }>(),
    providerLinks(ctx, row),
  ]);
  const user = (id: string | null) => (id ? { id, name: users.get(id)?.name ?? '' } : null);
  return {
    ...presentSummary(row, notifications, ctx.clock.now()),
    description: row.description,
    occurredAt: row.occurredAt?.toISOString() ?? null,
    reportedBy: row.reportedBy,
    source: row.source as TIncident['source'],
    systems: byIds(systems, row.systemIds),
    vendors: byIds(vendorRows, row.vendorIds),
    activities: byIds(activities as { id: string; name: string }[], row.activityIds),
    isConfidentialityBreach: row.isConfidentialityBreach,
    isIntegrityBreach: row.isIntegrityBreach,
    isAvailabilityBreach: row.isAvailabilityBreach,
    approxRecords: row.approxRecords,
    consequences: row.consequences,
    measuresTaken: row.measuresTaken,
    lateReason: row.lateReason,
    decisionDetail: decision ? { ...decision, by: user(decision.by) } : null,
    triage: triage
      ? { ...triage, reasonTexts: renderTriageReasons(triage.reasons, locale), by: user(triage.by) }
      : null,
    notifications: notifications.map((notification) => ({
      id: notification.id,
      recipient: notification.recipient as TIncident['notifications'][number]['recipient'],
      phase: notification.phase as TIncident['notifications'][number]['phase'],
      sentAt: notification.sentAt.toISOString(),
      reference: notification.reference,
      note: notification.note,
    })),
    ...links,
    playbook: steps.map((step) => ({
      id: step.id,
      phase: step.phase as TIncident['playbook'][number]['phase'],
      stepKey: step.stepKey,
      title: step.title,
      doneAt: step.doneAt?.toISOString() ?? null,
      doneBy: user(step.doneBy),
      note: step.note,
    })),
    timeline: events.map((event) => ({
      id: event.id,
      at: event.at.toISOString(),
      kind: event.kind,
      actor: {
        type: event.actorType,
        id: event.actorId,
        name: event.actorType === 'user' ? (users.get(event.actorId ?? '')?.name ?? null) : null,
      },
      data: event.data,
    })),
  };
}
