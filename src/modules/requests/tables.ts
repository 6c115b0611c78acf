import { sql } from 'drizzle-orm';
import { date, index, integer, jsonb, pgTable, text, uniqueIndex, uuid } from 'drizzle-orm/pg-core';
import { createdAt, id, timestamptz, updatedAt } from '../../platform/db/columns.ts';
import { users } from '../identity/tables.ts';
import { organisations } from '../organisations/tables.ts';

/**
 * A data-subject request. The person's details and the request text are sealed with the instance key (they are
 * personal data of someone who is not a user) and dropped some time after closing; the proof stays: reference,
 * right, dates, outcome and the timeline's kinds.
 */
export const subjectRequests = pgTable(
  'subject_requests',
  {
    id: id(),
    orgId: uuid('org_id')
      .notNull()
      .references(() => organisations.id, { onDelete: 'cascade' }),
    /** Per organisation, given when the request is confirmed or entered: 1, 2, 3 … (shown as `2026-0003`). */
    number: integer('number'),
    right: text('right').notNull(),
    channel: text('channel').notNull(),
    status: text('status').notNull(),
    outcome: text('outcome'),
    locale: text('locale').notNull(),
    /** `{ name, email, phone, postalAddress, description }`, sealed; null once minimised. */
    contentSealed: text('content_sealed'),
    /** Keyed hash of the normalised e-mail address: throttling per address without keeping it readable. */
    emailHash: text('email_hash'),
    receivedAt: timestamptz('received_at').notNull(),
    originalDueOn: date('original_due_on').notNull(),
    dueOn: date('due_on').notNull(),
    extendedAt: timestamptz('extended_at'),
    assigneeUserId: uuid('assignee_user_id').references(() => users.id, { onDelete: 'set null' }),
    identityMethod: text('identity_method'),
    identityNote: text('identity_note'),
    identityVerifiedAt: timestamptz('identity_verified_at'),
    identityVerifiedBy: uuid('identity_verified_by').references(() => users.id, { onDelete: 'set null' }),
    confirmTokenHash: text('confirm_token_hash'),
    confirmExpiresAt: timestamptz('confirm_expires_at'),
    confirmedAt: timestamptz('confirmed_at'),
    /** Hash of the solved proof-of-work challenge: one challenge buys one submission. */
    proofHash: text('proof_hash'),
    closedAt: timestamptz('closed_at'),
    minimisedAt: timestamptz('minimised_at'),
    createdAt: createdAt(),
    updatedAt: updatedAt(),
  },
  (table) => [
    index('subject_requests_org_status_idx').on(table.orgId, table.status, table.dueOn),
    index('subject_requests_email_hash_idx').on(table.orgId, table.emailHash, table.createdAt),
    uniqueIndex('subject_requests_org_number_key').on(table.orgId, table.number),
    uniqueIndex('subject_requests_confirm_token_key').on(table.confirmTokenHash),
    uniqueIndex('subject_requests_proof_key').on(table.proofHash),
  ],
);

/** What happened to a request, in order. A note's text is sealed (it may hold personal data). */
export const subjectRequestEvents = pgTable(
  'subject_request_events',
  {
    id: id(),
    orgId: uuid('org_id')
      .notNull()
      .references(() => organisations.id, { onDelete: 'cascade' }),
    requestId: uuid('request_id')
      .notNull()
      .references(() => subjectRequests.id, { onDelete: 'cascade' }),
    at: timestamptz('at').notNull(),
    kind: text('kind').notNull(),
    actorType: text('actor_type').notNull(),
    actorId: text('actor_id'),
    data: jsonb('data').$type<Record<string, unknown>>().notNull().default({}),
    noteSealed: text('note_sealed'),
    /** Makes a scheduled event (a reminder for a given day) happen once however often the job runs. */
    onceKey: text('once_key'),
    createdAt: createdAt(),
  },
  (table) => [
    index('subject_request_events_request_idx').on(table.requestId, table.at),
    uniqueIndex('subject_request_events_once_key')
      .on(table.requestId, table.onceKey)
      .where(sql`${table.onceKey} IS NOT NULL`),
  ],
);

/**
 * A register system without a connector that discovery cannot search: someone checks it by hand, and the request
 * cannot be closed while one is not ticked off, so nothing is silently missed.
 */
export const subjectRequestChecks = pgTable(
  'subject_request_checks',
  {
    id: id(),
    orgId: uuid('org_id')
      .notNull()
      .references(() => organisations.id, { onDelete: 'cascade' }),
    requestId: uuid('request_id')
      .notNull()
      .references(() => subjectRequests.id, { onDelete: 'cascade' }),
    systemId: uuid('system_id').notNull(),
    /** The system's name when the check was made: the record reads the same after a rename or deletion. */
    systemName: text('system_name').notNull(),
    checkedAt: timestamptz('checked_at'),
    checkedBy: uuid('checked_by').references(() => users.id, { onDelete: 'set null' }),
    outcome: text('outcome'),
    createdAt: createdAt(),
  },
  (table) => [uniqueIndex('subject_request_checks_request_system_key').on(table.requestId, table.systemId)],
);

/**
 * A record discovery found for a request, and what the officer decided to do with it (erase, anonymise, restrict,
 * rectify or keep, with the reason) and whether that was carried out. Dropped when the request is minimised.
 */
export const subjectRequestFindings = pgTable(
  'subject_request_findings',
  {
    id: id(),
    orgId: uuid('org_id')
      .notNull()
      .references(() => organisations.id, { onDelete: 'cascade' }),
    requestId: uuid('request_id')
      .notNull()
      .references(() => subjectRequests.id, { onDelete: 'cascade' }),
    connectorId: uuid('connector_id').notNull(),
    connectorName: text('connector_name').notNull(),
    recordTypeId: uuid('record_type_id').notNull(),
    recordTypeName: text('record_type_name').notNull(),
    /** The register system the connector reaches, if linked: for the letter's backup dates. */
    systemId: uuid('system_id'),
    recordKey: text('record_key').notNull(),
    matchedBy: jsonb('matched_by').$type<{ field: string; kind: string }[]>().notNull().default([]),
    lastFoundAt: timestamptz('last_found_at').notNull(),
    /** erase | anonymise | restrict | rectify | keep */
    decision: text('decision'),
    decisionReason: text('decision_reason'),
    /** For anonymise and rectify: the fields and their new values. */
    decisionFields: jsonb('decision_fields').$type<{ field: string; value: string | null }[]>(),
    decidedBy: uuid('decided_by').references(() => users.id, { onDelete: 'set null' }),
    decidedAt: timestamptz('decided_at'),
    /** pending (audited, about to act) | done | held | failed */
    actionStatus: text('action_status'),
    actionAt: timestamptz('action_at'),
    actionError: text('action_error'),
    createdAt: createdAt(),
  },
  (table) => [
    uniqueIndex('subject_request_findings_record_key').on(table.requestId, table.recordTypeId, table.recordKey),
    index('subject_request_findings_org_idx').on(table.orgId, table.requestId),
  ],
);
