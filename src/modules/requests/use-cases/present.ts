import type { AppContext } from '../../../platform/context.ts';
import { calendarDateIn } from '../../../shared/dates.ts';
import * as identity from '../../identity/service.ts';
import type { TRequest, TRequestSummary } from '../contract.ts';
import { deadlineOf, formatReference } from '../rules.ts';
import type { CheckRow, RequestEventRow, RequestRow } from '../store.ts';

/** What is sealed in `content_sealed`: the person's details and what they wrote. */
export interface RequestContent {
  name: string;
  email: string | null;
  phone: string | null;
  postalAddress: string | null;
  description: string | null;
}

export function sealContent(ctx: AppContext, content: RequestContent): string {
  return ctx.secrets.seal(JSON.stringify(content));
}

export function openContent(ctx: AppContext, row: Pick<RequestRow, 'contentSealed'>): RequestContent | null {
  return row.contentSealed ? (JSON.parse(ctx.secrets.open(row.contentSealed)) as RequestContent) : null;
}

export function referenceOf(row: Pick<RequestRow, 'receivedAt' | 'number'>): string | null {
  return formatReference(calendarDateIn(row.receivedAt), row.number);
}

type Names = Map<string, { name: string }>;

/** The names of the people the requests name (assignee, who verified), plus any further user ids, in one query. */
export async function userNamesOf(
  ctx: AppContext,
  rows: readonly RequestRow[],
  moreIds: readonly (string | null)[] = [],
): Promise<Names> {
  const ids = [...rows.flatMap((row) => [row.assigneeUserId, row.identityVerifiedBy]), ...moreIds].filter(
    (id): id is string => id !== null,
  );
  return ids.length > 0 ? identity.userNames(ctx, ids) : new Map();
}

const userRef = (names: Names, id: string | null) => (id ? { id, name: names.get(id)?.name ?? '' } : null);

export function presentSummary(ctx: AppContext, row: RequestRow, names: Names): TRequestSummary {
  const content = openContent(ctx, row);
  return {
    id: row.id,
    reference: referenceOf(row),
    right: row.right as TRequestSummary['right'],
    channel: row.channel as TRequestSummary['channel'],
    status: row.status as TRequestSummary['status'],
    outcome: (row.outcome as TRequestSummary['outcome']) ?? null,
    requesterName: content?.name ?? null,
    receivedAt: row.receivedAt.toISOString(),
    deadline: deadlineOf(row, calendarDateIn(ctx.clock.now())),
    assignee: userRef(names, row.assigneeUserId),
    isIdentityVerified: row.identityVerifiedAt !== null,
  };
}

export function presentRequest(
  ctx: AppContext,
  row: RequestRow,
  events: readonly RequestEventRow[],
  checks: readonly CheckRow[],
  names: Names,
  /** The owner of each checked system, as the register records it now. */
  systemOwners: ReadonlyMap<string, string | null> = new Map(),
): TRequest {
  const content = openContent(ctx, row);
  return {
    ...presentSummary(ctx, row, names),
    locale: row.locale === 'en' ? 'en' : 'nl',
    requester: content
      ? { name: content.name, email: content.email, phone: content.phone, postalAddress: content.postalAddress }
      : null,
    description: content?.description ?? null,
    identity:
      row.identityMethod && row.identityVerifiedAt
        ? {
            method: row.identityMethod as NonNullable<TRequest['identity']>['method'],
            note: row.identityNote,
            at: row.identityVerifiedAt.toISOString(),
            by: userRef(names, row.identityVerifiedBy),
          }
        : null,
    extension: row.extendedAt ? { reason: extensionReason(ctx, events), at: row.extendedAt.toISOString() } : null,
    closedAt: row.closedAt?.toISOString() ?? null,
    minimisedAt: row.minimisedAt?.toISOString() ?? null,
    timeline: events.map((event) => ({
      id: event.id,
      at: event.at.toISOString(),
      kind: event.kind as TRequest['timeline'][number]['kind'],
      actor: {
        type: event.actorType,
        id: event.actorId,
        name: event.actorType === 'user' && event.actorId ? (names.get(event.actorId)?.name ?? null) : null,
      },
      data: event.data,
      note: event.noteSealed ? ctx.secrets.open(event.noteSealed) : null,
    })),
    manualChecks: checks.map((check) => ({
      id: check.id,
      system: { id: check.systemId, name: check.systemName },
      owner: userRef(names, systemOwners.get(check.systemId) ?? null),
      checkedAt: check.checkedAt?.toISOString() ?? null,
      checkedBy: userRef(names, check.checkedBy),
      outcome: check.outcome,
    })),
  };
}

function extensionReason(ctx: AppContext, events: readonly RequestEventRow[]): string | null {
  const extended = events.find((event) => event.kind === 'extended');
  return extended?.noteSealed ? ctx.secrets.open(extended.noteSealed) : null;
}
