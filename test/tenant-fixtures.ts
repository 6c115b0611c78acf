import { mkdtempSync, writeFileSync } from 'node:fs';
import { tmpdir } from 'node:os';
import path from 'node:path';
import { eq, sql } from 'drizzle-orm';
import { sessions } from '../src/modules/identity/tables.ts';
import { mailMessages } from '../src/platform/mail/tables.ts';
import type { TestApp } from './app.ts';
import type { TestClient } from './client.ts';
import { addMember, createApiToken, type TestOrganisation } from './factories.ts';

/**
 * What the tenant-isolation test needs to know about each kind of object: how to make one in an organisation,
 * which route parameter names it, which body fields refer to it, and a minimal valid body per write route.
 * Adding a route with a new `:param`, a new id field in a body, or a new write route on an object? Extend this
 * file; the isolation test fails until you do.
 */

/** Route parameter (or reference field target) → the id of that organisation's object of that kind. */
export type TenantObjects = Record<string, string>;

async function created(client: TestClient, url: string, body: unknown): Promise<any> {
  const response = await client.post(url, body);
  if (response.status !== 201)
    throw new Error(`POST ${url} failed: ${response.status} ${JSON.stringify(response.body)}`);
  return response.body;
}

/**
 * One object of every kind in the organisation, named with `marker` (so a leak shows up in any response text),
 * made through the API by its owner. The member made here belongs to this organisation only.
 */
export async function createTenantObjects(app: TestApp, org: TestOrganisation, marker: string): Promise<TenantObjects> {
  const owner = org.owner.client;
  const base = `/api/orgs/${org.id}`;
  const member = await addMember(app, org, 'viewer');
  const invitation = await created(owner, `${base}/invitations`, {
    email: `${marker}-invitee@example.nl`,
    role: 'editor',
  });
  const token = await createApiToken(org, { name: `${marker} token`, scopes: ['read', 'write', 'webhook'] });
  const [mail] = await app.ctx.db
    .select({ id: mailMessages.id })
    .from(mailMessages)
    .where(eq(mailMessages.orgId, org.id))
    .limit(1);
  // A failed message is one a retry would requeue: the strongest case for the walk.
  await app.ctx.db
    .update(mailMessages)
    .set({ status: 'failed' })
    .where(eq(mailMessages.id, mail?.id as string));
  const [session] = await app.ctx.db.select({ id: sessions.id }).from(sessions).where(eq(sessions.userId, member.id));

  const dataCategory = await created(owner, `${base}/data-categories`, { nameNl: `${marker} gegevens` });
  const subjectCategory = await created(owner, `${base}/subject-categories`, { nameNl: `${marker} betrokkenen` });
  const vendor = await created(owner, `${base}/vendors`, {
    name: `${marker} leverancier`,
    kind: 'processor',
    country: 'NL',
  });
  const system = await created(owner, `${base}/systems`, {
    name: `${marker} systeem`,
    kind: 'crm',
    locations: [{ role: 'primary', country: 'NL', since: '2024-01-01' }],
  });
  const activity = await created(owner, `${base}/activities`, {
    name: `${marker} activiteit`,
    retention: { kind: 'period', amount: 6, unit: 'months', startEvent: 'einde sollicitatie' },
  });
  // A client organisation it manages: what a processor activity may name as its controller.
  const client = await created(owner, '/api/orgs', { name: `${marker} klant`, managedByOrgId: org.id });
  // An export followed by its progress id (kept in memory, per organisation).
  const exportProgressId = crypto.randomUUID();
  const exported = await owner.get(`${base}/register/export?format=json&progressId=${exportProgressId}`);
  if (exported.status !== 200) throw new Error(`export failed: ${exported.status}`);
  const retention = await createRetentionObjects(owner, base, marker);
  const subjectRequest = await created(owner, `${base}/requests`, {
    right: 'access',
    channel: 'letter',
    receivedAt: '2026-11-20',
    requester: { name: `${marker} verzoeker`, email: `${marker}-verzoeker@example.nl` },
    description: `${marker} wil inzage`,
    locale: 'nl',
  });
  // Discovery lists the register's system that no connector reaches as a check by hand.
  const discovered = await owner.post(`${base}/requests/${subjectRequest.id}/discover`, { identity: {} });
  if (discovered.status !== 200) throw new Error(`discover failed: ${JSON.stringify(discovered.body)}`);
  const findings = await owner.get(`${base}/requests/${subjectRequest.id}/findings`);
  if (!findings.body.items?.length) throw new Error(`discovery found nothing: ${JSON.stringify(findings.body)}`);
  const incident = await created(owner, `${base}/breaches`, {
    title: `${marker} datalek`,
    awareAt: '2026-11-23T08:00:00+01:00',
    systemIds: [system.id],
    activityIds: [activity.id],
  });
  const measure = await created(owner, `${base}/measures`, {
    title: `${marker} maatregel`,
    systemIds: [system.id],
    vendorIds: [vendor.id],
    ownerUserId: member.id,
  });
  const withEvidence = await created(owner, `${base}/measures/${measure.id}/evidence`, {
    kind: 'note',
    note: `${marker} bewijs`,
  });
  const agreement = await created(owner, `${base}/agreements`, {
    direction: 'supplier',
    vendorId: vendor.id,
    title: `${marker} verwerkersovereenkomst`,
    systemIds: [system.id],
    activityIds: [activity.id],
    subProcessorVendorIds: [vendor.id],
  });
  const withDocument = await owner.request(
    'POST',
    `${base}/agreements/${agreement.id}/documents?fileName=${marker}.pdf`,
    Buffer.from(`%PDF-1.7\n${marker}\n%%EOF\n`),
    { 'content-type': 'application/pdf' },
  );
  if (withDocument.status !== 201) throw new Error(`agreement upload failed: ${JSON.stringify(withDocument.body)}`);
  // A published privacy statement (its content names the marker through the organisation and its activity).
  const statementVersion = await created(owner, `${base}/privacy-statement/versions`, {});
  return {
    agreementId: agreement.id,
    documentId: withDocument.body.documents[0].id,
    versionId: statementVersion.id,
    measureId: measure.id,
    evidenceId: withEvidence.evidence[0].id,
    incidentId: incident.id,
    stepId: incident.playbook[0].id,
    findingId: findings.body.items[0].id,
    requestId: subjectRequest.id,
    checkId: discovered.body.request.manualChecks[0].id,
    slug: org.slug,
    ...retention,
    org: org.id,
    'org-owner': org.owner.id,
    userId: member.id,
    invitationId: invitation.id,
    tokenId: token.id,
    token: token.token,
    messageId: mail?.id as string,
    sessionId: session?.id as string,
    dataCategoryId: dataCategory.id,
    subjectCategoryId: subjectCategory.id,
    vendorId: vendor.id,
    systemId: system.id,
    locationId: system.locations[0].id,
    activityId: activity.id,
    clientOrgId: client.id,
    exportProgressId,
  };
}

/**
 * A files connector on an empty directory, a record type, a policy with a legal hold, an approved preview and a
 * run (queued: the test app runs no jobs).
 */
async function createRetentionObjects(owner: TestClient, base: string, marker: string) {
  const root = mkdtempSync(path.join(tmpdir(), 'privacydesk-tenant-'));
  // A letter that names the requester of createTenantObjects: what discovery finds for the request.
  writeFileSync(path.join(root, 'brief.txt'), `Beste ${marker}, uw adres ${marker}-verzoeker@example.nl`);
  const connector = await created(owner, `${base}/connectors`, {
    name: `${marker} koppeling`,
    kind: 'files',
    settings: { root },
  });
  const recordType = await created(owner, `${base}/connectors/${connector.id}/record-types`, {
    name: `${marker} bestanden`,
    definition: { directory: '', pattern: '*' },
  });
  const otherRecordType = await created(owner, `${base}/connectors/${connector.id}/record-types`, {
    name: `${marker} brieven`,
    definition: { directory: '', pattern: '*.txt' },
  });
  const policy = await created(owner, `${base}/retention/policies`, {
    ...minimalPolicy(recordType.id),
    name: `${marker} beleid`,
    holds: [{ kind: 'records', keys: ['cv.pdf'], reason: `${marker} geschil` }],
  });
  const preview = await created(owner, `${base}/retention/policies/${policy.id}/previews`, {});
  const approved = await owner.post(`${base}/retention/policies/${policy.id}/previews/${preview.id}/approve`, {});
  if (approved.status !== 200) throw new Error(`approve failed: ${JSON.stringify(approved.body)}`);
  const run = await created(owner, `${base}/retention/policies/${policy.id}/runs`, {});
  return {
    connectorId: connector.id,
    recordTypeId: recordType.id,
    otherRecordTypeId: otherRecordType.id,
    policyId: policy.id,
    holdId: policy.holds[0].id,
    previewId: preview.id,
    runId: run.id,
  };
}

const minimalPolicy = (recordTypeId: string) => ({
  name: 'Nieuw beleid',
  recordTypeId,
  startEvent: { timestampField: 'mtime' },
  period: { kind: 'after', amount: 4, unit: 'weeks' },
});

/** Route parameters that name shared catalogue entries, not an organisation's objects, with a valid value. */
export const SHARED_PARAMS: Record<string, string> = {
  templateId: 'ict_provider',
  /** A destination whose adequacy decision asks the scope question. */
  country: 'CA',
};

/** Body fields and query filters holding an id, by name → the kind of object (a key of TenantObjects) they name. */
export const REFERENCE_FIELDS: Record<string, string> = {
  managedByOrgId: 'org',
  ownerUserId: 'userId',
  vendorId: 'vendorId',
  parentVendorId: 'vendorId',
  providerVendorId: 'vendorId',
  recipientVendorIds: 'vendorId',
  dataCategoryIds: 'dataCategoryId',
  subjectCategoryIds: 'subjectCategoryId',
  systemIds: 'systemId',
  dataCategoryId: 'dataCategoryId',
  subjectCategoryId: 'subjectCategoryId',
  systemId: 'systemId',
  activityIds: 'activityId',
  /** `controllers[].organisationId`: a client organisation the organisation manages. */
  organisationId: 'clientOrgId',
  /** A provider's incident told to the client organisations it manages. */
  clientOrgIds: 'clientOrgId',
  /** A processor agreement with a client organisation the organisation manages. */
  clientOrgId: 'clientOrgId',
  /** The sub-processors a processor agreement allows. */
  subProcessorVendorIds: 'vendorId',
  /** The outbox cursor: the last message of the previous page. */
  before: 'messageId',
  /** An export's progress id (`register/export?progressId=`, `register/export/progress?id=`). */
  progressId: 'exportProgressId',
  id: 'exportProgressId',
  recordTypeId: 'recordTypeId',
  targetRecordTypeId: 'otherRecordTypeId',
  activityId: 'activityId',
  /** Manual retention handling names its subject (here a system) as `subject.id`. */
  'subject.id': 'systemId',
  vendorIds: 'vendorId',
  /** A decision on a record discovery found for a request. */
  findingId: 'findingId',
  /** A request is assigned to one of the organisation's privacy officers or owners. */
  userId: 'org-owner',
};

/** A minimal valid body per write route (`METHOD /url/:pattern`) that names an object or refers to one. */
export const MINIMAL_BODIES: Record<string, Record<string, unknown>> = {
  'POST /api/orgs': { name: 'Klantorganisatie' },
  'PUT /api/orgs/:org/members/:userId/role': { role: 'viewer' },
  'PATCH /api/orgs/:org/data-categories/:dataCategoryId': { description: 'gewijzigd' },
  'PATCH /api/orgs/:org/subject-categories/:subjectCategoryId': { description: 'gewijzigd' },
  'POST /api/orgs/:org/vendors': { name: 'Nieuwe leverancier', kind: 'processor', country: 'NL' },
  'PATCH /api/orgs/:org/vendors/:vendorId': { notes: 'gewijzigd' },
  'POST /api/orgs/:org/vendors/:vendorId/retire': {},
  'POST /api/orgs/:org/systems': { name: 'Nieuw systeem', kind: 'crm' },
  'PATCH /api/orgs/:org/systems/:systemId': { description: 'gewijzigd' },
  'POST /api/orgs/:org/systems/:systemId/locations': { role: 'backup', country: 'DE', since: '2024-01-01' },
  'PATCH /api/orgs/:org/systems/:systemId/locations/:locationId': { notes: 'gewijzigd' },
  'POST /api/orgs/:org/activities': { name: 'Nieuwe activiteit' },
  'PATCH /api/orgs/:org/activities/:activityId': { description: 'gewijzigd' },
  'PATCH /api/orgs/:org/activities': { activityIds: [], reviewDate: '2027-06-01' },
  'PUT /api/orgs/:org/register/transfer-scopes/:country': { isWithinScope: true },
  'POST /api/orgs/:org/connectors': {
    name: 'Nieuwe koppeling',
    kind: 'files',
    settings: { root: mkdtempSync(path.join(tmpdir(), 'privacydesk-tenant-')) },
  },
  'PATCH /api/orgs/:org/connectors/:connectorId': { name: 'Gewijzigde koppeling' },
  'POST /api/orgs/:org/connectors/:connectorId/record-types': {
    name: 'Nieuwe soort',
    definition: { directory: '', pattern: '*.txt' },
  },
  'PATCH /api/orgs/:org/connectors/:connectorId/record-types/:recordTypeId': { name: 'Gewijzigde soort' },
  'POST /api/orgs/:org/retention/policies': minimalPolicy(OWN_OBJECT('recordTypeId')),
  'PATCH /api/orgs/:org/retention/policies/:policyId': { marginPercent: 20 },
  'POST /api/orgs/:org/retention/policies/:policyId/holds': { kind: 'records', keys: ['brief.pdf'], reason: 'Geschil' },
  'POST /api/orgs/:org/retention/policies/:policyId/status': { status: 'paused' },
  'POST /api/orgs/:org/retention/policies/from-activity': {
    name: 'Vanuit verwerking',
    activityId: OWN_OBJECT('activityId'),
    recordTypeId: OWN_OBJECT('recordTypeId'),
    timestampField: 'mtime',
  },
  'POST /api/orgs/:org/retention/policies/:policyId/runs': {},
  'POST /api/orgs/:org/requests': {
    right: 'erasure',
    channel: 'phone',
    receivedAt: '2026-11-20',
    requester: { name: 'Bellende klant' },
    locale: 'nl',
  },
  'POST /api/orgs/:org/requests/:requestId/assign': { userId: OWN_OBJECT('org-owner') },
  'POST /api/orgs/:org/requests/:requestId/identity': { method: 'known_contact' },
  'POST /api/orgs/:org/requests/:requestId/identity-check': { message: 'Noem uw klantnummer' },
  'POST /api/orgs/:org/requests/:requestId/extend': { reason: 'Veel systemen' },
  'POST /api/orgs/:org/requests/:requestId/notes': { text: 'Gebeld' },
  'POST /api/orgs/:org/requests/:requestId/close': { outcome: 'withdrawn' },
  'POST /api/orgs/:org/requests/:requestId/discover': { identity: { customerNumbers: ['K-1001'] } },
  'POST /api/orgs/:org/requests/:requestId/checks/:checkId': { outcome: 'Niets gevonden' },
  'PUT /api/orgs/:org/requests/:requestId/findings': {
    decisions: [{ findingId: OWN_OBJECT('findingId'), decision: 'keep', reason: 'Fiscale bewaarplicht' }],
  },
  'POST /api/orgs/:org/requests/:requestId/carry-out': { expected: {} },
  'POST /api/orgs/:org/requests/:requestId/export': {},
  'POST /api/orgs/:org/breaches': { title: 'Nieuw incident', awareAt: '2026-11-23T08:00:00+01:00' },
  'PATCH /api/orgs/:org/breaches/:incidentId': { consequences: 'Onbekend' },
  'POST /api/orgs/:org/breaches/:incidentId/decision': {
    notifyAuthority: false,
    notifySubjects: false,
    reason: 'Laag risico',
  },
  'POST /api/orgs/:org/breaches/:incidentId/notifications': {
    recipient: 'authority',
    phase: 'initial',
    sentAt: '2026-11-23T09:00:00+01:00',
  },
  'POST /api/orgs/:org/breaches/:incidentId/steps': { phase: 'evaluate', title: 'Evalueren' },
  'PATCH /api/orgs/:org/breaches/:incidentId/steps/:stepId': { isDone: true },
  'POST /api/orgs/:org/breaches/:incidentId/triage': {
    facts: {
      dataCategories: ['basicIdentity'],
      peopleAffected: 3,
      breachKinds: ['confidentiality'],
      confidentiality: { recipient: 'unknown', exfiltration: 'no' },
      maliciousIntent: false,
      easeOfIdentification: 'full',
    },
  },
  'POST /api/orgs/:org/breaches/:incidentId/subject-letters/preview': {
    whatHappened: 'Mail naar verkeerd adres',
    consequences: 'Klein',
    measures: 'Verwijderd',
    contact: 'Bel 020-1234567',
  },
  'POST /api/orgs/:org/breaches/:incidentId/subject-letters': {
    whatHappened: 'Mail naar verkeerd adres',
    consequences: 'Klein',
    measures: 'Verwijderd',
    contact: 'Bel 020-1234567',
    recipients: [{ email: 'iemand@example.nl' }],
  },
  'POST /api/orgs/:org/breaches/:incidentId/clients': { clientOrgIds: [OWN_OBJECT('clientOrgId')] },
  'PUT /api/orgs/:org/breach-playbook': { steps: [{ phase: 'contain', title: 'Bellen' }] },
  'POST /api/orgs/:org/measures': { title: 'Nieuwe maatregel' },
  'PATCH /api/orgs/:org/measures/:measureId': { description: 'gewijzigd' },
  'POST /api/orgs/:org/measures/:measureId/evidence': { kind: 'note', note: 'Gezien' },
  'POST /api/orgs/:org/agreements': { direction: 'client', externalName: 'Klant' },
  'PATCH /api/orgs/:org/agreements/:agreementId': { notes: 'gewijzigd' },
  'PUT /api/orgs/:org/agreements/:agreementId/checklist': { items: { a: { isPresent: true, reference: 'art. 2' } } },
  'POST /api/orgs/:org/discover': { identity: { emails: ['iemand@example.nl'] } },
  'PUT /api/orgs/:org/retention/manual-handling': {
    subject: { kind: 'system', id: OWN_OBJECT('systemId') },
    ownerUserId: OWN_OBJECT('org-owner'),
    reviewDate: '2027-06-01',
  },
};

/**
 * In a minimal body, a placeholder for an object of the organisation the request is made in (a required reference
 * such as a policy's record type); the test fills it in with that organisation's object before sending.
 */
export function OWN_OBJECT(kind: string): string {
  return `{own:${kind}}`;
}

/** The body with every OWN_OBJECT placeholder replaced by the organisation's object of that kind. */
export function withOwnObjects(body: unknown, objects: TenantObjects): unknown {
  return JSON.parse(
    JSON.stringify(body ?? null).replace(/"\{own:([\w-]+)\}"/g, (_, kind: string) => JSON.stringify(objects[kind])),
  );
}

/** Kinds of object that belong to the object a route's URL names (a request's findings), not to the organisation. */
export const OBJECTS_UNDER_URL = new Set(['findingId']);

/** Minimal items of arrays of objects in bodies, for reference fields inside them (`locations[].providerVendorId`). */
export const MINIMAL_ITEMS: Record<string, Record<string, unknown>> = {
  locations: { role: 'primary', country: 'NL', since: '2024-01-01' },
  controllers: { kind: 'managed_org' },
  action: { kind: 'archive', fieldMapping: [{ from: 'name', to: 'name' }] },
  subject: { kind: 'system' },
  decisions: { decision: 'keep', reason: 'Fiscale bewaarplicht' },
};

/** Where organisation rows live: every table with an org_id column (so new modules are covered unasked). */
export async function tenantTables(app: TestApp): Promise<string[]> {
  const result = await app.ctx.db.execute(
    sql`select table_name from information_schema.columns
        where column_name = 'org_id' and table_schema = 'public' order by table_name`,
  );
  return (result as unknown as { rows: { table_name: string }[] }).rows.map((row) => row.table_name);
}

/**
 * Everything that belongs to an organisation: its row, every tenant table's rows, its audit head, and its
 * members' accounts and sessions. Last-used and last-seen times are left out: using a token or cookie is no change.
 */
export async function tenantSnapshot(app: TestApp, orgId: string, tables: string[]) {
  const rows = async (query: ReturnType<typeof sql>) =>
    ((await app.ctx.db.execute(query)) as unknown as { rows: Record<string, unknown>[] }).rows.map(
      ({ last_used_at: _used, last_seen_at: _seen, ...row }) => row,
    );
  const snapshot: Record<string, unknown> = {
    organisation: await rows(sql`select * from organisations where id = ${orgId}`),
    head: await rows(sql`select * from audit_chain_heads where chain = ${orgId}`),
    users: await rows(
      sql`select * from users where id in (select user_id from memberships where org_id = ${orgId}) order by id`,
    ),
    sessions: await rows(
      sql`select * from sessions where user_id in (select user_id from memberships where org_id = ${orgId}) order by id`,
    ),
  };
  for (const table of tables) {
    snapshot[table] = await rows(sql`select * from ${sql.identifier(table)} where org_id = ${orgId} order by 1, 2`);
  }
  return snapshot;
}
