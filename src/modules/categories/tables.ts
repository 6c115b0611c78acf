import { boolean, index, pgTable, text, unique, uuid } from 'drizzle-orm/pg-core';
import { createdAt, id, updatedAt } from '../../platform/db/columns.ts';
import { organisations } from '../organisations/tables.ts';

/**
 * The taxonomy every register entry points into. Each organisation gets the default set on creation (keys from
 * defaults.ts) and adds its own. A category in use is archived rather than deleted.
 */
export const dataCategories = pgTable(
  'data_categories',
  {
    id: id(),
    orgId: uuid('org_id')
      .notNull()
      .references(() => organisations.id, { onDelete: 'cascade' }),
    /** Stable key: a default's key (`contact-details`) or one derived from the name. */
    key: text('key').notNull(),
    nameNl: text('name_nl').notNull(),
    nameEn: text('name_en').notNull(),
    description: text('description').notNull().default(''),
    /** Art. 9(1) special category (health, ethnicity, religion, biometrics, …). */
    isSpecial: boolean('is_special').notNull().default(false),
    /** Art. 10 criminal convictions and offences. */
    isCriminal: boolean('is_criminal').notNull().default(false),
    /** A national identification number such as the BSN (Art. 87 GDPR, art. 46 UAVG). */
    isNationalId: boolean('is_national_id').notNull().default(false),
    isFinancial: boolean('is_financial').notNull().default(false),
    isCredentials: boolean('is_credentials').notNull().default(false),
    isCommunicationContent: boolean('is_communication_content').notNull().default(false),
    isArchived: boolean('is_archived').notNull().default(false),
    createdAt: createdAt(),
    updatedAt: updatedAt(),
  },
  (table) => [
    unique('data_categories_org_id_id_key').on(table.orgId, table.id),
    unique('data_categories_org_key_key').on(table.orgId, table.key),
    index('data_categories_org_idx').on(table.orgId),
  ],
);

export const subjectCategories = pgTable(
  'subject_categories',
  {
    id: id(),
    orgId: uuid('org_id')
      .notNull()
      .references(() => organisations.id, { onDelete: 'cascade' }),
    key: text('key').notNull(),
    nameNl: text('name_nl').notNull(),
    nameEn: text('name_en').notNull(),
    description: text('description').notNull().default(''),
    /** Children or other vulnerable people: weighs in DPIA and breach triage. */
    isVulnerable: boolean('is_vulnerable').notNull().default(false),
    isArchived: boolean('is_archived').notNull().default(false),
    createdAt: createdAt(),
    updatedAt: updatedAt(),
  },
  (table) => [
    unique('subject_categories_org_id_id_key').on(table.orgId, table.id),
    unique('subject_categories_org_key_key').on(table.orgId, table.key),
  ],
);
