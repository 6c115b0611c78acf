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
  uuid,
} from 'drizzle-orm/pg-core';
import { createdAt, id, updatedAt } from '../../platform/db/columns.ts';
import { dataCategories } from '../categories/tables.ts';
import { users } from '../identity/tables.ts';
import { organisations } from '../organisations/tables.ts';
import { vendors } from '../vendors/tables.ts';

/** Where personal data lives: CRM, mailbox, administration package, hosting, backups, file shares, website, … */
export const systems = pgTable(
  'systems',
  {
    id: id(),
    orgId: uuid('org_id')
      .notNull()
      .references(() => organisations.id, { onDelete: 'cascade' }),
    name: text('name').notNull(),
    /** crm | mailbox | administration | hosting | backup | file_share | website | ticketing | hr | webshop | other */
    kind: text('kind').notNull(),
    vendorId: uuid('vendor_id'),
    description: text('description').notNull().default(''),
    /** Null when not known yet. */
    isMfaEnforced: boolean('is_mfa_enforced'),
    isEncryptedAtRest: boolean('is_encrypted_at_rest'),
    /** active | retired */
    status: text('status').notNull().default('active'),
    /** Who answers for the system: asked to check it by hand when a request reaches a system without a connector. */
    ownerUserId: uuid('owner_user_id').references(() => users.id, { onDelete: 'set null' }),
    createdAt: createdAt(),
    updatedAt: updatedAt(),
  },
  (table) => [
    unique('systems_org_id_id_key').on(table.orgId, table.id),
    unique('systems_org_name_key').on(table.orgId, table.name),
    index('systems_org_idx').on(table.orgId),
    foreignKey({
      name: 'systems_vendor_fk',
      columns: [table.orgId, table.vendorId],
      foreignColumns: [vendors.orgId, vendors.id],
    }),
  ],
);

export const systemDataCategories = pgTable(
  'system_data_categories',
  {
    orgId: uuid('org_id').notNull(),
    systemId: uuid('system_id').notNull(),
    dataCategoryId: uuid('data_category_id').notNull(),
  },
  (table) => [
    primaryKey({ columns: [table.systemId, table.dataCategoryId] }),
    index('system_data_categories_category_idx').on(table.orgId, table.dataCategoryId),
    foreignKey({
      name: 'system_data_categories_system_fk',
      columns: [table.orgId, table.systemId],
      foreignColumns: [systems.orgId, systems.id],
    }).onDelete('cascade'),
    foreignKey({
      name: 'system_data_categories_category_fk',
      columns: [table.orgId, table.dataCategoryId],
      foreignColumns: [dataCategories.orgId, dataCategories.id],
    }),
  ],
);

/**
 * A dated place where a system's data is kept: a primary copy, a replica, a backup or an offsite backup, in a country
 * (ISO code) and region, from `since` through `until` (inclusive; null: still there). Answers "where was the data on
 * date D" and "since when are all backups inside the EEA".
 */
export const systemLocations = pgTable(
  'system_locations',
  {
    id: id(),
    orgId: uuid('org_id').notNull(),
    systemId: uuid('system_id').notNull(),
    /** primary | replica | backup | offsite_backup */
    role: text('role').notNull(),
    country: text('country').notNull(),
    region: text('region').notNull().default(''),
    /** The vendor whose infrastructure holds this copy, when it is not the system's own vendor. */
    providerVendorId: uuid('provider_vendor_id'),
    /** Null: not known yet ("fill in later"); "where was the data on day D" then answers "unknown". */
    since: date('since', { mode: 'string' }),
    until: date('until', { mode: 'string' }),
    /** Art. 46/49 safeguard when the country has no adequacy decision: scc | bcr | derogation | other. */
    transferSafeguard: text('transfer_safeguard'),
    safeguardDetails: text('safeguard_details').notNull().default(''),
    /** Transfer impact assessment for SCCs/BCRs: its day and a document reference or note (both or neither). */
    tiaAssessedOn: date('tia_assessed_on', { mode: 'string' }),
    tiaReference: text('tia_reference'),
    /** For backups: how many days a copy is kept before the rotation overwrites it (null: not recorded). */
    rotationDays: integer('rotation_days'),
    notes: text('notes').notNull().default(''),
    createdAt: createdAt(),
    updatedAt: updatedAt(),
  },
  (table) => [
    index('system_locations_system_idx').on(table.orgId, table.systemId),
    foreignKey({
      name: 'system_locations_system_fk',
      columns: [table.orgId, table.systemId],
      foreignColumns: [systems.orgId, systems.id],
    }).onDelete('cascade'),
    foreignKey({
      name: 'system_locations_provider_fk',
      columns: [table.orgId, table.providerVendorId],
      foreignColumns: [vendors.orgId, vendors.id],
    }),
  ],
);
