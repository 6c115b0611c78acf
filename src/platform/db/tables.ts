import { jsonb, pgTable, text } from 'drizzle-orm/pg-core';
import { createdAt, updatedAt } from './columns.ts';

/** Facts about this installation (the fingerprint of the secret key, whether demo data was loaded). */
export const instanceSettings = pgTable('instance_settings', {
  key: text('key').primaryKey(),
  value: jsonb('value').notNull(),
  updatedAt: updatedAt(),
});

/**
 * Keys the installation generated for itself, sealed with the instance key (so `secrets rotate` re-seals them and
 * their value survives a key change): e.g. the key of the identifier hashes in the audit trail.
 */
export const instanceSecrets = pgTable('instance_secrets', {
  name: text('name').primaryKey(),
  sealed: text('sealed').notNull(),
  createdAt: createdAt(),
});
