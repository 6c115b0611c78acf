/**
 * The privacy officer's desk: every request with its legal deadline, entered by hand when it came by letter or
 * phone, assigned, identity checked, extended once, annotated and closed — each step on the request's timeline
 * and in the audit trail.
 */

import type { AuditAction } from '../../../platform/audit/actions.ts';
import { recordAudit } from '../../../platform/audit/writer.ts';
import type { AppContext } from '../../../platform/context.ts';
import type { Database } from '../../../platform/db/database.ts';
import { type AfterCommit, inTransaction } from '../../../platform/db/transaction.ts';
import { retryOnUniqueViolation } from '../../../platform/db/unique-violation.ts';
import { AppError, conflict, invalidField, notFound } from '../../../platform/errors.ts';
import type { OrgScope } from '../../../platform/http/access.ts';
import { calendarDateIn, startOfDay } from '../../../shared/dates.ts';
import * as inventory from '../../inventory/service.ts';
import * as organisations from '../../organisations/service.ts';
import type { TCreateRequest, TRequest, TRequestSummary } from '../contract.ts';
import {
  closingLetter,
  extensionLetter,
  type HandledRecords,
  identityCheckLetter,
  type RecordsAccount,
  receiptLetter,
} from '../letters.ts';
import { backupsGoneOn, dueDatesOf, extensionRefusal, isWorkable, normaliseEmail } from '../rules.ts';
import * as store from '../store.ts';
import { addEvent, sendLetter } from './events.ts';
import { openContent, presentRequest, presentSummary, referenceOf, sealContent, userNamesOf } from './present.ts';

export async function findRequestOrFail(db: Database, scope: OrgScope, id: string): Promise<store.RequestRow> {
  const row = await store.findRequest(db, scope.orgId, id);
  if (!row) throw notFound('request_not_found');
  return row;
}

export async function listRequests(
  ctx: AppContext,
  scope: OrgScope,
  state: store.RequestState,
): Promise<{ items: TRequestSummary[] }> {
  const rows = await store.listRequests(ctx.db, [scope.orgId], state);
  const names = await userNamesOf(ctx, rows);
  return { items: sortForDesk(rows.map((row) => presentSummary(ctx, row, names))) };
}

/** Overdue first, then by due date: what needs doing now stands on top. */
function sortForDesk<T extends TRequestSummary>(items: T[]): T[] {
  return items.sort(
    (a, b) =>
      Number(b.deadline.isOverdue) - Number(a.deadline.isOverdue) || a.deadline.due.localeCompare(b.deadline.due),
  );
}

/** A provider's view: the open requests of every client organisation it manages. */
export async function listClientRequests(ctx: AppContext, scope: OrgScope) {
  const clients = await organisations.clientOrganisations(ctx.db, scope.orgId);
  const rows = await store.listRequests(
    ctx.db,
    clients.map((client) => client.id),
    'open',
  );
  const names = await userNamesOf(ctx, rows);
  const byId = new Map(clients.map((client) => [client.id, client]));
  const items = rows.map((row) => {
    const client = byId.get(row.orgId);
    return {
      ...presentSummary(ctx, row, names),
      organisation: { id: row.orgId, slug: client?.slug ?? '', name: client?.name ?? '' },
    };
  });
  return { items: sortForDesk(items) };
}

export async function getRequest(ctx: AppContext, scope: OrgScope, id: string): Promise<TRequest> {
  const row = await findRequestOrFail(ctx.db, scope, id);
  const [events, checks] = await Promise.all([
    store.eventsOf(ctx.db, scope.orgId, id),
    store.checksOf(ctx.db, scope.orgId, id),
  ]);
  const systems = checks.length
    ? await inventory.systemsOfOrg(
        ctx.db,
        scope.orgId,
        checks.map((c) => c.systemId),
      )
    : [];
  const owners = new Map(systems.map((system) => [system.id, system.ownerUserId]));
  const names = await userNamesOf(
    ctx,
    [row],
    [
      ...events.map((event) => (event.actorType === 'user' ? event.actorId : null)),
      ...checks.map((check) => check.checkedBy),
      ...owners.values(),
    ],
  );
  return presentRequest(ctx, row, events, checks, names, owners);
}

/** The moment of receipt of a request entered by hand: an instant as given, a bare date as its start in Amsterdam. */
function receiptMoment(receivedAt: string): Date {
  return receivedAt.length === 10 ? startOfDay(receivedAt) : new Date(receivedAt);
}

/** A request that came by e-mail, letter, phone or in person; the person gets a receipt when an address is known. */
export async function createRequest(ctx: AppContext, scope: OrgScope, input: TCreateRequest): Promise<TRequest> {
  const receivedAt = receiptMoment(input.receivedAt);
  if (receivedAt.getTime() > ctx.clock.now().getTime()) {
    throw new AppError('invalid', 'validation_failed', {
      fieldErrors: [{ path: 'receivedAt', code: 'date_in_future' }],
    });
  }
  const org = await organisations.organisationByRef(ctx, scope.orgId);
  if (!org) throw notFound('organisation_not_found');
  const { receivedOn, originalDue } = dueDatesOf(receivedAt);
  const id = await retryOnUniqueViolation(() =>
    inTransaction(ctx.db, async (tx, afterCommit) => {
      const number = await store.nextRequestNumber(tx, scope.orgId);
      const row = await store.insertRequest(tx, {
        orgId: scope.orgId,
        number,
        right: input.right,
        channel: input.channel,
        status: 'open',
        locale: input.locale,
        contentSealed: sealContent(ctx, {
          name: input.requester.name,
          email: input.requester.email ?? null,
          phone: input.requester.phone ?? null,
          postalAddress: input.requester.postalAddress ?? null,
          description: input.description ?? null,
        }),
        emailHash: input.requester.email ? ctx.identifiers.hash(normaliseEmail(input.requester.email)) : null,
        receivedAt,
        originalDueOn: originalDue,
        dueOn: originalDue,
      });
      const reference = referenceOf(row) as string;
      await addEvent(ctx, tx, row, 'created', scope.actor, { data: { channel: input.channel } });
      await audit(tx, ctx, scope, row, 'subject_request.created', { right: input.right, channel: input.channel });
      if (input.requester.email) {
        const letter = receiptLetter(input.locale, {
          name: input.requester.name,
          organisation: org.name,
          reference,
          right: input.right,
          receivedOn,
          due: originalDue,
        });
        await sendLetter(
          ctx,
          tx,
          row,
          { to: input.requester.email, locale: input.locale, letter },
          scope.actor,
          afterCommit,
        );
      }
      return row.id;
    }),
  );
  return getRequest(ctx, scope, id);
}

async function audit(
  tx: Database,
  ctx: AppContext,
  scope: OrgScope,
  row: store.RequestRow,
  action: AuditAction,
  data: Record<string, unknown> = {},
) {
  await recordAudit(tx, ctx.clock.now(), {
    orgId: scope.orgId,
    actor: scope.actor,
    action,
    target: { type: 'subject_request', id: row.id, name: referenceOf(row) },
    data,
  });
}

/**
 * Runs a change on a workable request under its row lock. The change returns what to audit; the request is read
 * again (outside the transaction) to answer.
 */
async function changeRequest(
  ctx: AppContext,
  scope: OrgScope,
  id: string,
  change: (
    tx: Database,
    row: store.RequestRow,
    afterCommit: (fn: AfterCommit) => void,
    organisationName: string,
  ) => Promise<void>,
): Promise<TRequest> {
  const org = await organisations.organisationByRef(ctx, scope.orgId);
  await inTransaction(ctx.db, async (tx, afterCommit) => {
    const row = await store.lockRequest(tx, scope.orgId, id);
    if (!row) throw notFound('request_not_found');
    if (row.status === 'unconfirmed') throw conflict('request_unconfirmed');
    if (!isWorkable(row.status as TRequest['status'])) throw conflict('request_closed');
    await change(tx, row, afterCommit, org?.name ?? '');
  });
  return getRequest(ctx, scope, id);
}

/** Those who may handle requests: the organisation's privacy officers and owners (the desk is theirs). */
async function assertRequestHandler(ctx: AppContext, scope: OrgScope, userId: string) {
  const members = await organisations.listMembers(ctx, scope);
  const member = members.find((candidate) => candidate.userId === userId);
  if (!member) throw invalidField('userId', 'not_a_member');
  if (member.role !== 'privacy_officer' && member.role !== 'owner') {
    throw invalidField('userId', 'not_a_privacy_officer');
  }
}

export async function assignRequest(ctx: AppContext, scope: OrgScope, id: string, userId: string | null) {
  if (userId) await assertRequestHandler(ctx, scope, userId);
  return changeRequest(ctx, scope, id, async (tx, row) => {
    await store.updateRequest(tx, scope.orgId, id, { assigneeUserId: userId, status: 'in_progress' });
    await addEvent(ctx, tx, row, 'assigned', scope.actor, { data: { userId } });
    await audit(tx, ctx, scope, row, 'subject_request.assigned', { userId });
  });
}

export function verifyIdentity(
  ctx: AppContext,
  scope: OrgScope,
  id: string,
  input: { method: NonNullable<TRequest['identity']>['method']; note?: string | undefined },
) {
  return changeRequest(ctx, scope, id, async (tx, row) => {
    const by = scope.actor.type === 'user' ? scope.actor.id : null;
    await store.updateRequest(tx, scope.orgId, id, {
      identityMethod: input.method,
      identityNote: input.note || null,
      identityVerifiedAt: ctx.clock.now(),
      identityVerifiedBy: by,
      status: 'in_progress',
    });
    await addEvent(ctx, tx, row, 'identity_verified', scope.actor, { data: { method: input.method } });
    await audit(tx, ctx, scope, row, 'subject_request.identity_verified', { method: input.method });
  });
}

/** Extends the deadline to three months from receipt, once, and tells the person why (Art. 12(3)). */
export function extendRequest(ctx: AppContext, scope: OrgScope, id: string, reason: string) {
  return changeRequest(ctx, scope, id, async (tx, row, afterCommit, organisation) => {
    const today = calendarDateIn(ctx.clock.now());
    const refusal = extensionRefusal(
      { status: row.status as TRequest['status'], extendedAt: row.extendedAt, originalDueOn: row.originalDueOn },
      today,
    );
    if (refusal) throw conflict(refusal);
    const { extendedDue } = dueDatesOf(row.receivedAt);
    await store.updateRequest(tx, scope.orgId, id, { dueOn: extendedDue, extendedAt: ctx.clock.now() });
    await addEvent(ctx, tx, row, 'extended', scope.actor, { data: { due: extendedDue }, note: reason });
    await audit(tx, ctx, scope, row, 'subject_request.extended', { due: extendedDue });
    const content = openContent(ctx, row);
    if (content?.email) {
      const locale = row.locale === 'en' ? 'en' : 'nl';
      const letter = extensionLetter(locale, {
        name: content.name,
        organisation,
        reference: referenceOf(row) as string,
        reason,
        due: extendedDue,
      });
      await sendLetter(ctx, tx, row, { to: content.email, locale, letter }, scope.actor, afterCommit);
    }
  });
}

/** Asks the person to show who they are (Art. 12(6)), in their language; the answer comes back outside privacydesk. */
export function askIdentity(ctx: AppContext, scope: OrgScope, id: string, message: string) {
  return changeRequest(ctx, scope, id, async (tx, row, afterCommit, organisation) => {
    const content = openContent(ctx, row);
    if (!content?.email) throw conflict('request_without_email');
    const locale = row.locale === 'en' ? 'en' : 'nl';
    const reference = referenceOf(row) as string;
    const letter = identityCheckLetter(locale, { name: content.name, organisation, reference, message });
    await sendLetter(ctx, tx, row, { to: content.email, locale, letter }, scope.actor, afterCommit);
    await addEvent(ctx, tx, row, 'identity_check_sent', scope.actor, { note: message });
  });
}

export function addNote(ctx: AppContext, scope: OrgScope, id: string, text: string) {
  return changeRequest(ctx, scope, id, async (tx, row) => {
    await addEvent(ctx, tx, row, 'note_added', scope.actor, { note: text });
  });
}

/**
 * What was done with the records found, per place, and until when copies may remain in the backups of the systems
 * where something was erased or changed (their backup locations' rotation). Read before the closing transaction.
 */
async function recordsAccount(
  ctx: AppContext,
  scope: OrgScope,
  requestId: string,
): Promise<RecordsAccount | undefined> {
  const findings = (await store.findingsOf(ctx.db, scope.orgId, requestId)).filter((row) => row.decision);
  if (findings.length === 0) return undefined;
  const places = new Map<string, HandledRecords>();
  for (const row of findings) {
    const name = `${row.connectorName} / ${row.recordTypeName}`;
    const place = places.get(name) ?? { place: name, counts: {}, keepReasons: [] };
    const decision = row.decision as keyof HandledRecords['counts'];
    const counted = decision === 'keep' || row.actionStatus === 'done';
    if (counted) place.counts[decision] = (place.counts[decision] ?? 0) + 1;
    if (decision === 'keep' && row.decisionReason && !place.keepReasons.includes(row.decisionReason))
      place.keepReasons.push(row.decisionReason);
    places.set(name, place);
  }
  const changed = findings.filter(
    (row) => row.actionStatus === 'done' && ['erase', 'anonymise', 'rectify'].includes(row.decision as string),
  );
  if (changed.length === 0) return { places: [...places.values()] };
  const systemIds = [...new Set(changed.flatMap((row) => (row.systemId ? [row.systemId] : [])))];
  const backups = (await inventory.locationsOfSystems(ctx.db, scope.orgId, systemIds)).filter(
    (location) => (location.role === 'backup' || location.role === 'offsite_backup') && !location.until,
  );
  const lastChange = changed.reduce((latest, row) => Math.max(latest, row.actionAt?.getTime() ?? 0), 0);
  const erasedOn = calendarDateIn(new Date(lastChange));
  const unlinked = changed.some((row) => !row.systemId);
  return {
    places: [...places.values()],
    backupsGoneOn: unlinked
      ? null
      : backupsGoneOn(
          erasedOn,
          backups.map((location) => location.rotationDays),
        ),
  };
}

/** Closes a request with its outcome; the person gets the closing letter (with the right to complain if refused). */
export async function closeRequest(
  ctx: AppContext,
  scope: OrgScope,
  id: string,
  input: { outcome: NonNullable<TRequest['outcome']>; note?: string | undefined },
) {
  const records = await recordsAccount(ctx, scope, id);
  return changeRequest(ctx, scope, id, async (tx, row, afterCommit, organisation) => {
    const open = (await store.checksOf(tx, scope.orgId, id)).filter((check) => check.checkedAt === null);
    if (open.length > 0 && input.outcome !== 'withdrawn') {
      throw conflict('manual_checks_open', { systems: open.map((check) => check.systemName).join(', ') });
    }
    await store.updateRequest(tx, scope.orgId, id, {
      status: 'closed',
      outcome: input.outcome,
      closedAt: ctx.clock.now(),
    });
    await addEvent(ctx, tx, row, 'closed', scope.actor, { data: { outcome: input.outcome }, note: input.note ?? null });
    await audit(tx, ctx, scope, row, 'subject_request.closed', { outcome: input.outcome });
    const content = openContent(ctx, row);
    if (content?.email && input.outcome !== 'withdrawn') {
      const locale = row.locale === 'en' ? 'en' : 'nl';
      const letter = closingLetter(locale, {
        name: content.name,
        organisation,
        reference: referenceOf(row) as string,
        outcome: input.outcome,
        note: input.note ?? null,
        ...(records ? { records } : {}),
      });
      await sendLetter(ctx, tx, row, { to: content.email, locale, letter }, scope.actor, afterCommit);
    }
  });
}

/** Ticks off a system checked by hand for the person's data, with what was found there. */
export function checkSystem(ctx: AppContext, scope: OrgScope, id: string, checkId: string, outcome: string) {
  return changeRequest(ctx, scope, id, async (tx, row) => {
    const checkedBy = scope.actor.type === 'user' ? scope.actor.id : null;
    const check = await store.tickCheck(tx, scope.orgId, id, checkId, {
      checkedAt: ctx.clock.now(),
      checkedBy,
      outcome,
    });
    if (!check) throw notFound('request_check_not_found');
    await addEvent(ctx, tx, row, 'system_checked', scope.actor, {
      data: { systemId: check.systemId, systemName: check.systemName },
      note: outcome,
    });
  });
}
