/**
 * A breach in a provider's own systems that touches the clients it manages (Art. 33(2): a processor tells each
 * controller without undue delay). The provider records it once and tells the clients it picks: each gets an incident
 * in its own register, linked to the provider's, with its own 72-hour clock starting now (the moment the client
 * becomes aware), the standard playbook, and a mail to its privacy officers and owners. The provider's incident
 * records a notification of each controller.
 */
import { recordAudit } from '../../../platform/audit/writer.ts';
import type { AppContext } from '../../../platform/context.ts';
import type { Database } from '../../../platform/db/database.ts';
import { inTransaction } from '../../../platform/db/transaction.ts';
import { conflict, notFound } from '../../../platform/errors.ts';
import type { OrgScope } from '../../../platform/http/access.ts';
import { isLocale } from '../../../platform/i18n/index.ts';
import * as identity from '../../identity/service.ts';
import * as organisations from '../../organisations/service.ts';
import { clockStatus } from '../clock-rules.ts';
import { providerNoticeLetter } from '../letters.ts';
import { formatIncidentReference } from '../rules.ts';
import * as store from '../store.ts';
import { recordIncidentStep } from './history.ts';
import { getIncident } from './incidents.ts';
import { startingSteps } from './playbook.ts';

interface ClientToTell {
  id: string;
  slug: string;
  name: string;
  recipients: { email: string; name: string; locale: string }[];
}

async function clientsToTell(
  ctx: AppContext,
  scope: OrgScope,
  clientOrgIds: readonly string[],
): Promise<ClientToTell[]> {
  await organisations.assertClientsOfOrg(
    ctx.db,
    scope.orgId,
    clientOrgIds.map((id, index) => ({ id, path: `clientOrgIds.${index}` })),
  );
  const clients = await organisations.clientOrganisations(ctx.db, scope.orgId);
  return Promise.all(
    clients
      .filter((client) => clientOrgIds.includes(client.id))
      .map(async (client) => {
        const members = await organisations.listMembers(ctx, { ...scope, orgId: client.id, role: 'owner' });
        const officers = members.filter((m) => m.role === 'privacy_officer' || m.role === 'owner');
        const users = await Promise.all(officers.map((m) => identity.findUserById(ctx.db, m.userId)));
        const recipients = users.filter((user) => user !== null && user !== undefined);
        return { id: client.id, slug: client.slug, name: client.name, recipients };
      }),
  );
}

/** The client's own incident, copied from what the provider knows; the client fills in its own counts and scope. */
async function recordClientIncident(
  ctx: AppContext,
  tx: Database,
  scope: OrgScope,
  provider: { row: store.IncidentRow; name: string },
  client: ClientToTell,
  afterCommit: Parameters<AppContext['outbox']['queue']>[2],
) {
  const now = ctx.clock.now();
  const { row } = provider;
  const number = await store.nextIncidentNumber(tx, client.id);
  const created = await store.insertIncident(tx, {
    orgId: client.id,
    number,
    title: row.title,
    description: row.description,
    occurredAt: row.occurredAt,
    awareAt: now,
    reportedBy: provider.name,
    source: 'provider',
    providerIncidentId: row.id,
    isConfidentialityBreach: row.isConfidentialityBreach,
    isIntegrityBreach: row.isIntegrityBreach,
    isAvailabilityBreach: row.isAvailabilityBreach,
  });
  await store.insertSteps(
    tx,
    (await startingSteps(tx, client.id)).map((step, position) => ({
      ...step,
      orgId: client.id,
      incidentId: created.id,
      position,
    })),
  );
  const reference = formatIncidentReference(created.awareAt, created.number);
  const data = { source: 'provider' };
  await store.insertEvent(tx, {
    orgId: client.id,
    incidentId: created.id,
    at: now,
    kind: 'recorded',
    actorType: scope.actor.type,
    actorId: scope.actor.id,
    data,
  });
  await recordAudit(tx, now, {
    orgId: client.id,
    actor: scope.actor,
    action: 'breach_incident.recorded',
    target: { type: 'breach_incident', id: created.id, name: reference },
    data,
  });
  const deadline = clockStatus({ awareAt: now, now }).deadlineLocal;
  const link = `${ctx.config.publicUrl}/o/${client.slug}/breaches/${created.id}`;
  for (const user of client.recipients) {
    const locale = isLocale(user.locale) ? user.locale : 'nl';
    const letter = providerNoticeLetter(locale, {
      name: user.name,
      organisation: client.name,
      provider: provider.name,
      reference,
      deadline,
      link,
    });
    await ctx.outbox.queue(tx, { orgId: client.id, to: user.email, locale, ...letter }, afterCommit);
  }
}

/** Tells the clients picked; clients already told about this incident are skipped. */
export async function notifyClients(ctx: AppContext, scope: OrgScope, id: string, input: { clientOrgIds: string[] }) {
  const clients = await clientsToTell(ctx, scope, [...new Set(input.clientOrgIds)]);
  const alreadyTold = new Set((await store.incidentsFromProvider(ctx.db, id)).map((row) => row.orgId));
  const provider = await organisations.getOrganisation(ctx, scope);
  await inTransaction(ctx.db, async (tx, afterCommit) => {
    const row = await store.lockIncident(tx, scope.orgId, id);
    if (!row) throw notFound('incident_not_found');
    if (row.status === 'closed') throw conflict('incident_closed');
    const now = ctx.clock.now();
    const toTell = clients.filter((client) => !alreadyTold.has(client.id));
    for (const client of toTell) {
      await recordClientIncident(ctx, tx, scope, { row, name: provider.name }, client, afterCommit);
      await store.insertNotification(tx, {
        orgId: scope.orgId,
        incidentId: id,
        recipient: 'controller',
        phase: 'initial',
        sentAt: now,
        reference: client.name,
        note: '',
        createdBy: scope.actor.type === 'user' ? scope.actor.id : null,
      });
    }
    if (toTell.length === 0) return;
    const data = { count: toTell.length };
    await recordIncidentStep(ctx, tx, scope, row, {
      kind: 'clients_notified',
      action: 'breach_incident.clients_notified',
      data,
    });
  });
  return getIncident(ctx, scope, id);
}
