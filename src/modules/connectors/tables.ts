import { sql } from 'drizzle-orm';
import {
  boolean,
  foreignKey,
  index,
  integer,
  jsonb,
  pgTable,
  text,
  unique,
  uniqueIndex,
  uuid,
} from 'drizzle-orm/pg-core';
import { createdAt, id, timestamptz, updatedAt } from '../../platform/db/columns.ts';
import { systems } from '../inventory/tables.ts';
import { organisations } from '../organisations/tables.ts';

/**
 * A store the organisation lets privacydesk reach. `settings` holds the kind's settings without secrets;
 * `secretsSealed` the secret ones, sealed with the instance key (AES-256-GCM), so a database dump holds no password.
 */
export const connectors = pgTable(
  'connectors',
  {
    id: id(),
    orgId: uuid('org_id')
      .notNull()
      .references(() => organisations.id, { onDelete: 'cascade' }),
    name: text('name').notNull(),
    /** postgres | mysql | imap | files | http */
    kind: text('kind').notNull(),
    configVersion: integer('config_version').notNull(),
    settings: jsonb('settings').$type<Record<string, unknown>>().notNull(),
    secretsSealed: text('secrets_sealed'),
    systemId: uuid('system_id'),
    lastCheckAt: timestamptz('last_check_at'),
    lastCheckOk: boolean('last_check_ok'),
    lastCheckCode: text('last_check_code'),
    lastCheckDetail: text('last_check_detail').notNull().default(''),
    lastCheckServerVersion: text('last_check_server_version'),
    createdAt: createdAt(),
    updatedAt: updatedAt(),
  },
  (table) => [
    unique('connectors_org_id_id_key').on(table.orgId, table.id),
    uniqueIndex('connectors_org_name_key').on(table.orgId, sql`lower(${table.name})`),
    foreignKey({
      name: 'connectors_system_fk',
      columns: [table.orgId, table.systemId],
      foreignColumns: [systems.orgId, systems.id],
      // The migration narrows this to `SET NULL (system_id)`: a deleted system unlinks, org_id stays.
    }).onDelete('set null'),
  ],
);

/** What a connector works on: a table with its key and columns, mailbox folders, a directory and file pattern. */
export const recordTypes = pgTable(
  'record_types',
  {
    id: id(),
    orgId: uuid('org_id').notNull(),
    connectorId: uuid('connector_id').notNull(),
    name: text('name').notNull(),
    definition: jsonb('definition').$type<Record<string, unknown>>().notNull(),
    lastCheckAt: timestamptz('last_check_at'),
    lastCheckOk: boolean('last_check_ok'),
    lastCheckCode: text('last_check_code'),
    lastCheckDetail: text('last_check_detail').notNull().default(''),
    /** `{ problems, fields }` of the last check against the live store. */
    lastCheckResult: jsonb('last_check_result').$type<{ problems: unknown[]; fields: unknown[] }>(),
    createdAt: createdAt(),
    updatedAt: updatedAt(),
  },
  (table) => [
    unique('record_types_org_id_id_key').on(table.orgId, table.id),
    uniqueIndex('record_types_connector_name_key').on(table.connectorId, sql`lower(${table.name})`),
    index('record_types_org_idx').on(table.orgId),
    foreignKey({
      name: 'record_types_connector_fk',
      columns: [table.orgId, table.connectorId],
      foreignColumns: [connectors.orgId, connectors.id],
    }).onDelete('cascade'),
  ],
);
