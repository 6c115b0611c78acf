import { boolean, index, integer, pgTable, text, uniqueIndex, uuid } from 'drizzle-orm/pg-core';
import { createdAt, id, timestamptz, updatedAt } from '../../platform/db/columns.ts';

export const users = pgTable(
  'users',
  {
    id: id(),
    /** Stored lower-cased and trimmed; see identifiers-nl.json `email`. */
    email: text('email').notNull(),
    name: text('name').notNull(),
    locale: text('locale').notNull().default('nl'),
    passwordHash: text('password_hash').notNull(),
    passwordChangedAt: timestamptz('password_changed_at').notNull().defaultNow(),
    /** TOTP secret sealed with the instance key (SecretBox); null until enrolment is confirmed. */
    totpSecretSealed: text('totp_secret_sealed'),
    totpPendingSealed: text('totp_pending_sealed'),
    totpEnabledAt: timestamptz('totp_enabled_at'),
    /** Last accepted TOTP time step, so a code cannot be replayed within its window. */
    totpLastStep: integer('totp_last_step'),
    failedSignInCount: integer('failed_sign_in_count').notNull().default(0),
    lockedUntil: timestamptz('locked_until'),
    isDemo: boolean('is_demo').notNull().default(false),
    createdAt: createdAt(),
    updatedAt: updatedAt(),
  },
  (table) => [uniqueIndex('users_email_key').on(table.email)],
);

export const recoveryCodes = pgTable(
  'recovery_codes',
  {
    id: id(),
    userId: uuid('user_id')
      .notNull()
      .references(() => users.id, { onDelete: 'cascade' }),
    codeHash: text('code_hash').notNull(),
    usedAt: timestamptz('used_at'),
    createdAt: createdAt(),
  },
  (table) => [index('recovery_codes_user_idx').on(table.userId)],
);

export const sessions = pgTable(
  'sessions',
  {
    id: id(),
    /** SHA-256 of the cookie value; the cookie itself is never stored. */
    tokenHash: text('token_hash').notNull(),
    userId: uuid('user_id')
      .notNull()
      .references(() => users.id, { onDelete: 'cascade' }),
    csrfToken: text('csrf_token').notNull(),
    /** False between password and second factor: such a session may only complete the sign-in. */
    isFullyAuthenticated: boolean('is_fully_authenticated').notNull(),
    /** A short browser/OS description and a truncated IP address: enough to recognise a session, no more. */
    userAgent: text('user_agent').notNull().default(''),
    ipPrefix: text('ip_prefix').notNull().default(''),
    createdAt: createdAt(),
    lastSeenAt: timestamptz('last_seen_at').notNull().defaultNow(),
    expiresAt: timestamptz('expires_at').notNull(),
    revokedAt: timestamptz('revoked_at'),
  },
  (table) => [uniqueIndex('sessions_token_hash_key').on(table.tokenHash), index('sessions_user_idx').on(table.userId)],
);

export const passwordResets = pgTable(
  'password_resets',
  {
    id: id(),
    userId: uuid('user_id')
      .notNull()
      .references(() => users.id, { onDelete: 'cascade' }),
    tokenHash: text('token_hash').notNull(),
    expiresAt: timestamptz('expires_at').notNull(),
    usedAt: timestamptz('used_at'),
    createdAt: createdAt(),
  },
  (table) => [uniqueIndex('password_resets_token_hash_key').on(table.tokenHash)],
);
