import { boolean, index, pgTable, primaryKey, text, uniqueIndex, uuid } from 'drizzle-orm/pg-core';
import { createdAt, id, timestamptz, updatedAt } from '../../platform/db/columns.ts';
import { users } from '../identity/tables.ts';

export const organisations = pgTable(
  'organisations',
  {
    id: id(),
    slug: text('slug').notNull(),
    name: text('name').notNull(),
    kvkNumber: text('kvk_number'),
    street: text('street').notNull().default(''),
    postcode: text('postcode').notNull().default(''),
    city: text('city').notNull().default(''),
    country: text('country').notNull().default('NL'),
    defaultLocale: text('default_locale').notNull().default('nl'),
    isController: boolean('is_controller').notNull().default(true),
    isProcessor: boolean('is_processor').notNull().default(false),
    requireMfa: boolean('require_mfa').notNull().default(false),
    /** The ICT service provider organisation that looks after this one, if any. */
    managedByOrgId: uuid('managed_by_org_id'),
    privacyContactKind: text('privacy_contact_kind'),
    privacyContactName: text('privacy_contact_name'),
    privacyContactEmail: text('privacy_contact_email'),
    privacyContactPhone: text('privacy_contact_phone'),
    privacyContactIsExternal: boolean('privacy_contact_is_external').notNull().default(false),
    privacyContactOrganisation: text('privacy_contact_organisation'),
    createdAt: createdAt(),
    updatedAt: updatedAt(),
  },
  (table) => [
    uniqueIndex('organisations_slug_key').on(table.slug),
    index('organisations_managed_by_idx').on(table.managedByOrgId),
  ],
);

export const memberships = pgTable(
  'memberships',
  {
    orgId: uuid('org_id')
      .notNull()
      .references(() => organisations.id, { onDelete: 'cascade' }),
    userId: uuid('user_id')
      .notNull()
      .references(() => users.id, { onDelete: 'cascade' }),
    role: text('role').notNull(),
    createdAt: createdAt(),
  },
  (table) => [primaryKey({ columns: [table.orgId, table.userId] }), index('memberships_user_idx').on(table.userId)],
);

export const invitations = pgTable(
  'invitations',
  {
    id: id(),
    orgId: uuid('org_id')
      .notNull()
      .references(() => organisations.id, { onDelete: 'cascade' }),
    email: text('email').notNull(),
    role: text('role').notNull(),
    tokenHash: text('token_hash').notNull(),
    invitedByUserId: uuid('invited_by_user_id').references(() => users.id, { onDelete: 'set null' }),
    expiresAt: timestamptz('expires_at').notNull(),
    acceptedAt: timestamptz('accepted_at'),
    revokedAt: timestamptz('revoked_at'),
    createdAt: createdAt(),
  },
  (table) => [
    uniqueIndex('invitations_token_hash_key').on(table.tokenHash),
    index('invitations_org_idx').on(table.orgId),
  ],
);
