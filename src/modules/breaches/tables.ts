import { boolean, index, integer, jsonb, pgTable, text, uniqueIndex, uuid } from 'drizzle-orm/pg-core';
import { createdAt, id, timestamptz, updatedAt } from '../../platform/db/columns.ts';
import { users } from '../identity/tables.ts';
import { organisations } from '../organisations/tables.ts';

/**
 * The register of every incident (Art. 33(5)): what happened, when it happened, when the organisation became aware
 * (the 72-hour clock starts there), what it touched, the triage and the decision, and how it ended. Notified or not,
 * the record stays.
 */
export const breachIncidents = pgTable(
  'breach_incidents',
  {
    id: id(),
    orgId: uuid('org_id')
      .notNull()
      .references(() => organisations.id, { onDelete: 'cascade' }),
    /** Per organisation: 1, 2, 3 … (shown as `DL-2026-003`). */
    number: integer('number').notNull(),
    title: text('title').notNull(),
    description: text('description').notNull().default(''),
    occurredAt: timestamptz('occurred_at'),
    awareAt: timestamptz('aware_at').notNull(),
    reportedBy: text('reported_by').notNull().default(''),
    /** internal | processor_notice (a supplier told us) | provider (our ICT provider recorded it for us) */
    source: text('source').notNull().default('internal'),
    /** The provider's incident this one was created from (Art. 33(2)): each client has its own clock. */
    providerIncidentId: uuid('provider_incident_id'),
    systemIds: jsonb('system_ids').$type<string[]>().notNull().default([]),
    vendorIds: jsonb('vendor_ids').$type<string[]>().notNull().default([]),
    activityIds: jsonb('activity_ids').$type<string[]>().notNull().default([]),
    isConfidentialityBreach: boolean('is_confidentiality_breach').notNull().default(false),
    isIntegrityBreach: boolean('is_integrity_breach').notNull().default(false),
    isAvailabilityBreach: boolean('is_availability_breach').notNull().default(false),
    approxPeople: integer('approx_people'),
    approxRecords: integer('approx_records'),
    consequences: text('consequences').notNull().default(''),
    measuresTaken: text('measures_taken').notNull().default(''),
    /** The triage as run: facts, recommendation, reasons, model version, when and by whom. */
    triage: jsonb('triage').$type<Record<string, unknown>>(),
    /** The user's decision: notify the authority / the people, the reason, when and by whom. */
    decision: jsonb('decision').$type<Record<string, unknown>>(),
    lateReason: text('late_reason'),
    status: text('status').notNull().default('open'),
    closedAt: timestamptz('closed_at'),
    createdAt: createdAt(),
    updatedAt: updatedAt(),
  },
  (table) => [
    uniqueIndex('breach_incidents_org_number_key').on(table.orgId, table.number),
    index('breach_incidents_org_status_idx').on(table.orgId, table.status, table.awareAt),
    index('breach_incidents_provider_idx').on(table.providerIncidentId),
  ],
);

/** Notifications made (Art. 33(4): in phases): to the authority, to the people concerned, or to a controller. */
export const breachNotifications = pgTable(
  'breach_notifications',
  {
    id: id(),
    orgId: uuid('org_id')
      .notNull()
      .references(() => organisations.id, { onDelete: 'cascade' }),
    incidentId: uuid('incident_id')
      .notNull()
      .references(() => breachIncidents.id, { onDelete: 'cascade' }),
    /** authority | subjects | controller */
    recipient: text('recipient').notNull(),
    /** initial | supplementary | final */
    phase: text('phase').notNull(),
    sentAt: timestamptz('sent_at').notNull(),
    /** The authority's case number, or how the people were told. */
    reference: text('reference').notNull().default(''),
    note: text('note').notNull().default(''),
    createdBy: uuid('created_by').references(() => users.id, { onDelete: 'set null' }),
    createdAt: createdAt(),
  },
  (table) => [index('breach_notifications_incident_idx').on(table.incidentId, table.sentAt)],
);

/** The playbook of an incident: contain, assess, notify, communicate, evaluate — who did what and when. */
export const breachSteps = pgTable(
  'breach_steps',
  {
    id: id(),
    orgId: uuid('org_id')
      .notNull()
      .references(() => organisations.id, { onDelete: 'cascade' }),
    incidentId: uuid('incident_id')
      .notNull()
      .references(() => breachIncidents.id, { onDelete: 'cascade' }),
    phase: text('phase').notNull(),
    position: integer('position').notNull(),
    /** A step of the standard playbook (its text is translated), or null for one the organisation wrote. */
    stepKey: text('step_key'),
    title: text('title').notNull().default(''),
    doneAt: timestamptz('done_at'),
    doneBy: uuid('done_by').references(() => users.id, { onDelete: 'set null' }),
    note: text('note').notNull().default(''),
  },
  (table) => [index('breach_steps_incident_idx').on(table.incidentId, table.position)],
);

/** The timeline of an incident: every step, with who and when. */
export const breachEvents = pgTable(
  'breach_events',
  {
    id: id(),
    orgId: uuid('org_id')
      .notNull()
      .references(() => organisations.id, { onDelete: 'cascade' }),
    incidentId: uuid('incident_id')
      .notNull()
      .references(() => breachIncidents.id, { onDelete: 'cascade' }),
    at: timestamptz('at').notNull(),
    kind: text('kind').notNull(),
    actorType: text('actor_type').notNull(),
    actorId: text('actor_id'),
    data: jsonb('data').$type<Record<string, unknown>>().notNull().default({}),
    /** Reminders at 24 h and 8 h left: once each. */
    onceKey: text('once_key'),
  },
  (table) => [
    index('breach_events_incident_idx').on(table.incidentId, table.at),
    uniqueIndex('breach_events_once_key').on(table.incidentId, table.onceKey),
  ],
);

/**
 * The organisation's own playbook (draaiboek): the steps every new incident starts with. No rows: the standard
 * playbook (rules.ts STANDARD_PLAYBOOK).
 */
export const breachPlaybookSteps = pgTable(
  'breach_playbook_steps',
  {
    id: id(),
    orgId: uuid('org_id')
      .notNull()
      .references(() => organisations.id, { onDelete: 'cascade' }),
    phase: text('phase').notNull(),
    position: integer('position').notNull(),
    /** A standard step (its text translated), or null for a step the organisation wrote. */
    stepKey: text('step_key'),
    title: text('title').notNull().default(''),
  },
  (table) => [index('breach_playbook_steps_org_idx').on(table.orgId, table.position)],
);
