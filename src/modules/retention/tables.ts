import { sql } from 'drizzle-orm';
import {
  boolean,
  customType,
  date,
  foreignKey,
  index,
  integer,
  jsonb,
  pgTable,
  primaryKey,
  text,
  unique,
  uniqueIndex,
  uuid,
} from 'drizzle-orm/pg-core';
import type { Cutoff } from '../../connectors/connector.ts';
import { createdAt, id, timestamptz, updatedAt } from '../../platform/db/columns.ts';
import { recordTypes } from '../connectors/tables.ts';
import { users } from '../identity/tables.ts';
import { organisations } from '../organisations/tables.ts';
import { activities } from '../register/tables.ts';
import type { TAction, TPeriod, TPolicyFlag, TSchedule, TStartEvent } from './contract.ts';

/**
 * A retention policy: which records of a record type expire (start event + period), what happens to them, when it
 * runs and who owns it. It is enforced only while `status = 'active'` with an approved preview.
 */
export const retentionPolicies = pgTable(
  'retention_policies',
  {
    id: id(),
    orgId: uuid('org_id')
      .notNull()
      .references(() => organisations.id, { onDelete: 'cascade' }),
    name: text('name').notNull(),
    recordTypeId: uuid('record_type_id').notNull(),
    activityId: uuid('activity_id'),
    startEvent: jsonb('start_event').$type<TStartEvent>().notNull(),
    period: jsonb('period').$type<TPeriod>().notNull(),
    legalPresetId: text('legal_preset_id'),
    legalReference: text('legal_reference').notNull().default(''),
    action: jsonb('action').$type<TAction>().notNull(),
    schedule: jsonb('schedule').$type<TSchedule>().notNull(),
    ownerUserId: uuid('owner_user_id').references(() => users.id, { onDelete: 'set null' }),
    /** draft | awaiting_approval | active | paused | out_of_date */
    status: text('status').notNull().default('draft'),
    approvedPreviewId: uuid('approved_preview_id'),
    marginPercent: integer('margin_percent').notNull().default(10),
    /** The activity's retention the policy was made from or last confirmed against. */
    basedOnRetention: jsonb('based_on_retention').$type<Record<string, unknown>>(),
    flags: jsonb('flags').$type<TPolicyFlag[]>().notNull().default([]),
    nextRunAt: timestamptz('next_run_at'),
    createdAt: createdAt(),
    updatedAt: updatedAt(),
  },
  (table) => [
    unique('retention_policies_org_id_id_key').on(table.orgId, table.id),
    uniqueIndex('retention_policies_org_name_key').on(table.orgId, sql`lower(${table.name})`),
    index('retention_policies_due_idx').on(table.status, table.nextRunAt),
    foreignKey({
      name: 'retention_policies_record_type_fk',
      columns: [table.orgId, table.recordTypeId],
      foreignColumns: [recordTypes.orgId, recordTypes.id],
    }),
    foreignKey({
      name: 'retention_policies_activity_fk',
      columns: [table.orgId, table.activityId],
      foreignColumns: [activities.orgId, activities.id],
      // The migration narrows this to `SET NULL (activity_id)`.
    }).onDelete('set null'),
  ],
);

/**
 * A reason not to act on records: a condition (flagged mail), or a legal hold on record keys or on a person's
 * identity until `expiresOn`. `definition` holds the filters, keys or identity.
 */
export const retentionHolds = pgTable(
  'retention_holds',
  {
    id: id(),
    orgId: uuid('org_id').notNull(),
    policyId: uuid('policy_id').notNull(),
    /** condition | records | identity */
    kind: text('kind').notNull(),
    definition: jsonb('definition').$type<Record<string, unknown>>().notNull(),
    reason: text('reason').notNull(),
    expiresOn: date('expires_on', { mode: 'string' }),
    createdAt: createdAt(),
  },
  (table) => [
    index('retention_holds_policy_idx').on(table.orgId, table.policyId),
    foreignKey({
      name: 'retention_holds_policy_fk',
      columns: [table.orgId, table.policyId],
      foreignColumns: [retentionPolicies.orgId, retentionPolicies.id],
    }).onDelete('cascade'),
  ],
);

/** What a policy would do now: counts, a masked sample, the criteria in words; approved by a privacy officer. */
export const retentionPreviews = pgTable(
  'retention_previews',
  {
    id: id(),
    orgId: uuid('org_id').notNull(),
    policyId: uuid('policy_id').notNull(),
    /** A hash of what the policy selects and does; an approval holds only while the policy still has it. */
    policyFingerprint: text('policy_fingerprint').notNull(),
    cutoff: timestamptz('cutoff').notNull(),
    matched: integer('matched').notNull(),
    held: jsonb('held').$type<{ holdId: string; reason: string; count: number }[]>().notNull(),
    toAct: integer('to_act').notNull(),
    sample: jsonb('sample').$type<{ timestamp: string | null; identity: Record<string, string | null> }[]>().notNull(),
    criteria: jsonb('criteria').$type<{ nl: string; en: string }>().notNull(),
    computedAt: timestamptz('computed_at').notNull(),
    approvedByUserId: uuid('approved_by_user_id').references(() => users.id, { onDelete: 'set null' }),
    approvedAt: timestamptz('approved_at'),
  },
  (table) => [
    unique('retention_previews_org_id_id_key').on(table.orgId, table.id),
    index('retention_previews_policy_idx').on(table.orgId, table.policyId),
    foreignKey({
      name: 'retention_previews_policy_fk',
      columns: [table.orgId, table.policyId],
      foreignColumns: [retentionPolicies.orgId, retentionPolicies.id],
    }).onDelete('cascade'),
  ],
);

/**
 * One execution of a policy. The cut-off is fixed when the run starts, so a resumed run selects what it selected
 * before. `leaseUntil`: the instance working on it renews this per batch; a run whose lease ran out (a killed
 * process) may be taken over.
 */
export const retentionRuns = pgTable(
  'retention_runs',
  {
    id: id(),
    orgId: uuid('org_id').notNull(),
    policyId: uuid('policy_id').notNull(),
    /** queued | running | paused_for_approval | completed | failed | cancelled */
    status: text('status').notNull(),
    /** schedule | manual | cli */
    trigger: text('trigger').notNull(),
    cutoff: jsonb('cutoff').$type<Cutoff & { instant: string }>(),
    expected: integer('expected'),
    processed: integer('processed').notNull().default(0),
    deleted: integer('deleted').notNull().default(0),
    anonymised: integer('anonymised').notNull().default(0),
    archived: integer('archived').notNull().default(0),
    held: integer('held').notNull().default(0),
    failed: integer('failed').notNull().default(0),
    cursor: text('cursor'),
    isCancelRequested: boolean('is_cancel_requested').notNull().default(false),
    leaseUntil: timestamptz('lease_until'),
    errorCode: text('error_code'),
    errorDetail: text('error_detail').notNull().default(''),
    startedByUserId: uuid('started_by_user_id').references(() => users.id, { onDelete: 'set null' }),
    startedAt: timestamptz('started_at'),
    finishedAt: timestamptz('finished_at'),
    createdAt: createdAt(),
  },
  (table) => [
    unique('retention_runs_org_id_id_key').on(table.orgId, table.id),
    index('retention_runs_policy_idx').on(table.orgId, table.policyId, table.createdAt),
    // One unfinished run per policy, whichever instance started it.
    uniqueIndex('retention_runs_one_open_per_policy')
      .on(table.policyId)
      .where(sql`status in ('queued', 'running', 'paused_for_approval')`),
    foreignKey({
      name: 'retention_runs_policy_fk',
      columns: [table.orgId, table.policyId],
      foreignColumns: [retentionPolicies.orgId, retentionPolicies.id],
    }).onDelete('cascade'),
  ],
);

/**
 * A batch of a run, written with its audit entry before the external action. `keys` (a JSON array, stored as text:
 * it is written once and read back only to resume) are kept only while the batch is pending (a resumed run repeats
 * exactly these); once done they are cleared and only their hashes remain.
 */
export const retentionRunBatches = pgTable(
  'retention_run_batches',
  {
    id: id(),
    orgId: uuid('org_id').notNull(),
    runId: uuid('run_id').notNull(),
    seq: integer('seq').notNull(),
    keys: text('keys'),
    size: integer('size').notNull(),
    /** pending | done */
    status: text('status').notNull().default('pending'),
    createdAt: createdAt(),
    doneAt: timestamptz('done_at'),
  },
  (table) => [
    unique('retention_run_batches_run_seq_key').on(table.runId, table.seq),
    foreignKey({
      name: 'retention_run_batches_run_fk',
      columns: [table.orgId, table.runId],
      foreignColumns: [retentionRuns.orgId, retentionRuns.id],
    }).onDelete('cascade'),
  ],
);

const bytea = customType<{ data: Uint8Array; driverData: Uint8Array }>({ dataType: () => 'bytea' });

/**
 * The keyed hashes of a batch's record keys (8 bytes each, in the batch's order), written in the transaction of its
 * `retention_run.batch_started` audit entry, which holds their SHA-256. Evidence, like the audit trail: no foreign
 * keys, so it outlives the run and the policy; "was record X acted on?" is a search for X's hash.
 */
export const retentionKeyHashes = pgTable(
  'retention_key_hashes',
  {
    orgId: uuid('org_id').notNull(),
    runId: uuid('run_id').notNull(),
    seq: integer('seq').notNull(),
    recordTypeId: uuid('record_type_id').notNull(),
    keyHashes: bytea('key_hashes').notNull(),
    createdAt: createdAt(),
  },
  (table) => [
    primaryKey({ name: 'retention_key_hashes_pkey', columns: [table.runId, table.seq] }),
    index('retention_key_hashes_record_type_idx').on(table.orgId, table.recordTypeId),
  ],
);

/** Retention handled by hand for an activity or a system: a named owner and a review date. */
export const retentionManualHandling = pgTable(
  'retention_manual_handling',
  {
    id: id(),
    orgId: uuid('org_id')
      .notNull()
      .references(() => organisations.id, { onDelete: 'cascade' }),
    /** activity | system */
    subjectKind: text('subject_kind').notNull(),
    subjectId: uuid('subject_id').notNull(),
    ownerUserId: uuid('owner_user_id')
      .notNull()
      .references(() => users.id, { onDelete: 'cascade' }),
    reviewDate: date('review_date', { mode: 'string' }).notNull(),
    updatedAt: updatedAt(),
  },
  (table) => [uniqueIndex('retention_manual_handling_subject_key').on(table.orgId, table.subjectKind, table.subjectId)],
);
