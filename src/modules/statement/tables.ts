import { integer, jsonb, pgTable, text, uniqueIndex, uuid } from 'drizzle-orm/pg-core';
import { createdAt, id, timestamptz, updatedAt } from '../../platform/db/columns.ts';
import { users } from '../identity/tables.ts';
import { organisations } from '../organisations/tables.ts';
import type { StatementDocument } from './rules.ts';

/** The texts the user writes beside the generated statement, per organisation, in Dutch and English. */
export const privacyStatementTexts = pgTable('privacy_statement_texts', {
  orgId: uuid('org_id')
    .primaryKey()
    .references(() => organisations.id, { onDelete: 'cascade' }),
  introductionNl: text('introduction_nl').notNull().default(''),
  introductionEn: text('introduction_en').notNull().default(''),
  cookiesNl: text('cookies_nl').notNull().default(''),
  cookiesEn: text('cookies_en').notNull().default(''),
  createdAt: createdAt(),
  updatedAt: updatedAt(),
});

/**
 * A published version of the statement, frozen: the composed content per language and the hash of what the
 * register put in it, so a later register can be compared with it ("out of date").
 */
export const privacyStatementVersions = pgTable(
  'privacy_statement_versions',
  {
    id: id(),
    orgId: uuid('org_id')
      .notNull()
      .references(() => organisations.id, { onDelete: 'cascade' }),
    version: integer('version').notNull(),
    publishedAt: timestamptz('published_at').notNull(),
    publishedBy: uuid('published_by').references(() => users.id, { onDelete: 'set null' }),
    contentNl: jsonb('content_nl').$type<StatementDocument>().notNull(),
    contentEn: jsonb('content_en').$type<StatementDocument>().notNull(),
    registerHash: text('register_hash').notNull(),
    createdAt: createdAt(),
  },
  (table) => [uniqueIndex('privacy_statement_versions_org_version_key').on(table.orgId, table.version)],
);
