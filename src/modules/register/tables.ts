import { sql } from 'drizzle-orm';
import {
  boolean,
  date,
  foreignKey,
  index,
  integer,
  pgTable,
  primaryKey,
  text,
  unique,
  uniqueIndex,
  uuid,
} from 'drizzle-orm/pg-core';
import { createdAt, id, timestamptz, updatedAt } from '../../platform/db/columns.ts';
import { dataCategories, subjectCategories } from '../categories/tables.ts';
import { users } from '../identity/tables.ts';
import { systems } from '../inventory/tables.ts';
import { organisations } from '../organisations/tables.ts';
import { vendors } from '../vendors/tables.ts';

/**
 * A processing activity of the Art. 30 register. `role` controller: the items of Art. 30(1), with its joint
 * controllers (activity_joint_controllers); processor: those of Art. 30(2), on behalf of each controller in
 * activity_controllers (a client organisation we manage, or an external controller).
 */
export const activities = pgTable(
  'processing_activities',
  {
    id: id(),
    orgId: uuid('org_id')
      .notNull()
      .references(() => organisations.id, { onDelete: 'cascade' }),
    name: text('name').notNull(),
    description: text('description').notNull().default(''),
    /** controller | processor */
    role: text('role').notNull(),
    /** For processor activities: what we do on the controller's behalf (Art. 30(2)(b)). */
    processingCategories: text('processing_categories').notNull().default(''),
    purposes: text('purposes').array().notNull().default([]),
    /** Art. 6(1) a–f; null for processor activities. */
    legalBasis: text('legal_basis'),
    legalBasisJustification: text('legal_basis_justification').notNull().default(''),
    /** Art. 9(2) a–j, required when special categories are processed. */
    specialCategoryGround: text('special_category_ground'),
    /** Art. 10: the Union or member-state law (or official authority) that allows criminal data. */
    criminalDataGround: text('criminal_data_ground').notNull().default(''),
    /** Explicitly recorded "no recipients" (an empty list alone could mean "not filled in"). */
    hasNoRecipients: boolean('has_no_recipients').notNull().default(false),
    recipientCategories: text('recipient_categories').notNull().default(''),
    /** period | until_event | none recorded (null) */
    retentionKind: text('retention_kind'),
    retentionAmount: integer('retention_amount'),
    /** days | weeks | months | years */
    retentionUnit: text('retention_unit'),
    /** A start event of reference/retention-nl.json `startEvents`, or the organisation's own wording. */
    retentionStartEvent: text('retention_start_event').notNull().default(''),
    /** The law or guidance behind the period (e.g. "Art. 52 lid 4 AWR"). */
    retentionReference: text('retention_reference').notNull().default(''),
    /** The reference/retention-nl.json period this follows, if any. */
    retentionPresetId: text('retention_preset_id'),
    securityMeasures: text('security_measures').notNull().default(''),
    /** Null: not yet decided. */
    isDpiaRequired: boolean('is_dpia_required'),
    dpiaReason: text('dpia_reason').notNull().default(''),
    ownerUserId: uuid('owner_user_id').references(() => users.id, { onDelete: 'set null' }),
    reviewDate: date('review_date', { mode: 'string' }),
    /** draft | active | retired */
    status: text('status').notNull().default('draft'),
    createdAt: createdAt(),
    updatedAt: updatedAt(),
  },
  (table) => [
    unique('processing_activities_org_id_id_key').on(table.orgId, table.id),
    // Names are unique regardless of case (as vendor and system names are), and this index gives the default list
    // order (case-insensitive name), so a page is read from the index instead of sorting every activity.
    uniqueIndex('processing_activities_org_lower_name_key').on(table.orgId, sql`lower(${table.name})`),
    index('processing_activities_org_updated_idx').on(table.orgId, table.updatedAt),
  ],
);

export const activitySubjectCategories = pgTable(
  'activity_subject_categories',
  {
    orgId: uuid('org_id').notNull(),
    activityId: uuid('activity_id').notNull(),
    subjectCategoryId: uuid('subject_category_id').notNull(),
  },
  (table) => [
    primaryKey({ columns: [table.activityId, table.subjectCategoryId] }),
    index('activity_subject_categories_category_idx').on(table.orgId, table.subjectCategoryId),
    foreignKey({
      name: 'activity_subject_categories_activity_fk',
      columns: [table.orgId, table.activityId],
      foreignColumns: [activities.orgId, activities.id],
    }).onDelete('cascade'),
    foreignKey({
      name: 'activity_subject_categories_category_fk',
      columns: [table.orgId, table.subjectCategoryId],
      foreignColumns: [subjectCategories.orgId, subjectCategories.id],
    }),
  ],
);

export const activityDataCategories = pgTable(
  'activity_data_categories',
  {
    orgId: uuid('org_id').notNull(),
    activityId: uuid('activity_id').notNull(),
    dataCategoryId: uuid('data_category_id').notNull(),
  },
  (table) => [
    primaryKey({ columns: [table.activityId, table.dataCategoryId] }),
    index('activity_data_categories_category_idx').on(table.orgId, table.dataCategoryId),
    foreignKey({
      name: 'activity_data_categories_activity_fk',
      columns: [table.orgId, table.activityId],
      foreignColumns: [activities.orgId, activities.id],
    }).onDelete('cascade'),
    foreignKey({
      name: 'activity_data_categories_category_fk',
      columns: [table.orgId, table.dataCategoryId],
      foreignColumns: [dataCategories.orgId, dataCategories.id],
    }),
  ],
);

export const activitySystems = pgTable(
  'activity_systems',
  {
    orgId: uuid('org_id').notNull(),
    activityId: uuid('activity_id').notNull(),
    systemId: uuid('system_id').notNull(),
  },
  (table) => [
    primaryKey({ columns: [table.activityId, table.systemId] }),
    index('activity_systems_system_idx').on(table.orgId, table.systemId),
    foreignKey({
      name: 'activity_systems_activity_fk',
      columns: [table.orgId, table.activityId],
      foreignColumns: [activities.orgId, activities.id],
    }).onDelete('cascade'),
    foreignKey({
      name: 'activity_systems_system_fk',
      columns: [table.orgId, table.systemId],
      foreignColumns: [systems.orgId, systems.id],
    }),
  ],
);

export const activityRecipients = pgTable(
  'activity_recipients',
  {
    orgId: uuid('org_id').notNull(),
    activityId: uuid('activity_id').notNull(),
    vendorId: uuid('vendor_id').notNull(),
  },
  (table) => [
    primaryKey({ columns: [table.activityId, table.vendorId] }),
    index('activity_recipients_vendor_idx').on(table.orgId, table.vendorId),
    foreignKey({
      name: 'activity_recipients_activity_fk',
      columns: [table.orgId, table.activityId],
      foreignColumns: [activities.orgId, activities.id],
    }).onDelete('cascade'),
    foreignKey({
      name: 'activity_recipients_vendor_fk',
      columns: [table.orgId, table.vendorId],
      foreignColumns: [vendors.orgId, vendors.id],
    }),
  ],
);

/** A transfer outside the EEA that the activity makes beyond its systems and vendors (e.g. a recipient abroad). */
export const activityTransfers = pgTable(
  'activity_transfers',
  {
    id: id(),
    orgId: uuid('org_id').notNull(),
    activityId: uuid('activity_id').notNull(),
    country: text('country').notNull(),
    recipient: text('recipient').notNull(),
    /** adequacy | scc | bcr | derogation | other; null when none is recorded (a warning). */
    safeguard: text('safeguard'),
    safeguardDetails: text('safeguard_details').notNull().default(''),
    /** Transfer impact assessment for SCCs/BCRs: its day and a document reference or note (both or neither). */
    tiaAssessedOn: date('tia_assessed_on', { mode: 'string' }),
    tiaReference: text('tia_reference'),
  },
  (table) => [
    index('activity_transfers_activity_idx').on(table.orgId, table.activityId),
    foreignKey({
      name: 'activity_transfers_activity_fk',
      columns: [table.orgId, table.activityId],
      foreignColumns: [activities.orgId, activities.id],
    }).onDelete('cascade'),
  ],
);

/**
 * The organisation's answer to an adequacy decision's scope question (Canada, Israel, South Korea: see
 * shared/transfer-check.ts), once per destination country. Until answered, transfers there are a warning.
 */
export const transferScopeAnswers = pgTable(
  'transfer_scope_answers',
  {
    orgId: uuid('org_id')
      .notNull()
      .references(() => organisations.id, { onDelete: 'cascade' }),
    country: text('country').notNull(),
    /** Whether the recipients there fall within the decision's scope. */
    isWithinScope: boolean('is_within_scope').notNull(),
    /** Why: which law or sector the recipient falls under. */
    note: text('note').notNull().default(''),
    answeredAt: timestamptz('answered_at').notNull().defaultNow(),
  },
  (table) => [primaryKey({ columns: [table.orgId, table.country] })],
);

/**
 * A controller on whose behalf a processor activity is carried out (Art. 30(2)(a)). `managed_org`: a client
 * organisation this one manages, whose name and contact details are read from it (`controllerOrgId`; null once that
 * organisation is deleted); `external`: a controller outside privacydesk with its `name` and `contact`.
 */
export const activityControllers = pgTable(
  'activity_controllers',
  {
    id: id(),
    orgId: uuid('org_id').notNull(),
    activityId: uuid('activity_id').notNull(),
    /** The order in which the activity lists its controllers. */
    position: integer('position').notNull().default(0),
    /** managed_org | external */
    kind: text('kind').notNull(),
    controllerOrgId: uuid('controller_org_id').references(() => organisations.id, { onDelete: 'set null' }),
    name: text('name').notNull().default(''),
    contact: text('contact').notNull().default(''),
  },
  (table) => [
    index('activity_controllers_activity_idx').on(table.orgId, table.activityId),
    index('activity_controllers_controller_org_idx').on(table.controllerOrgId),
    foreignKey({
      name: 'activity_controllers_activity_fk',
      columns: [table.orgId, table.activityId],
      foreignColumns: [activities.orgId, activities.id],
    }).onDelete('cascade'),
  ],
);

/** A joint controller of a controller activity (Art. 26), named under Art. 30(1)(a), with the arrangement between us. */
export const activityJointControllers = pgTable(
  'activity_joint_controllers',
  {
    id: id(),
    orgId: uuid('org_id').notNull(),
    activityId: uuid('activity_id').notNull(),
    position: integer('position').notNull().default(0),
    name: text('name').notNull(),
    contact: text('contact').notNull().default(''),
    /** The essence of the Art. 26 arrangement: who does what towards the data subjects. */
    arrangement: text('arrangement').notNull().default(''),
  },
  (table) => [
    index('activity_joint_controllers_activity_idx').on(table.orgId, table.activityId),
    foreignKey({
      name: 'activity_joint_controllers_activity_fk',
      columns: [table.orgId, table.activityId],
      foreignColumns: [activities.orgId, activities.id],
    }).onDelete('cascade'),
  ],
);

/**
 * Each activity's completeness summary as the live check computed it on `computedFor` (a calendar day in
 * Amsterdam): what the list page shows, sorts and filters by. Refreshed in the transaction of every change to an
 * input of the check (use-cases/refresh-completeness.ts) and daily for what depends on the date; a row of an earlier
 * day is never trusted (the live check answers instead). A trigger gives every new activity a row dated
 * 1970-01-01 (never an answer), so "is every summary of today's" is one index probe.
 */
export const activityCompleteness = pgTable(
  'activity_completeness',
  {
    orgId: uuid('org_id').notNull(),
    activityId: uuid('activity_id').notNull(),
    missing: integer('missing').notNull(),
    warnings: integer('warnings').notNull(),
    isComplete: boolean('is_complete').notNull(),
    computedFor: date('computed_for', { mode: 'string' }).notNull(),
  },
  (table) => [
    primaryKey({ columns: [table.orgId, table.activityId] }),
    index('activity_completeness_rank_idx').on(table.orgId, table.missing, table.warnings),
    index('activity_completeness_computed_idx').on(table.orgId, table.computedFor),
    foreignKey({
      name: 'activity_completeness_activity_fk',
      columns: [table.orgId, table.activityId],
      foreignColumns: [activities.orgId, activities.id],
    }).onDelete('cascade'),
  ],
);
