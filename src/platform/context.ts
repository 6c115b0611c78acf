import type { TConfig } from '../config.ts';
import type { IdentifierHasher } from './crypto/identifier-hash.ts';
import type { SecretBox } from './crypto/secret-box.ts';
import type { Database, DatabaseEngine } from './db/database.ts';
import type { AppEvents, Hooks } from './hooks.ts';
import type { JobQueue } from './jobs/definition.ts';
import type { Outbox } from './mail/outbox.ts';

export interface Clock {
  now(): Date;
}

export const systemClock: Clock = { now: () => new Date() };

/** What every service may use: the database, the clock, the instance key, mail and jobs. Built once in app.ts. */
export interface AppContext {
  db: Database;
  engine: DatabaseEngine;
  config: TConfig;
  clock: Clock;
  secrets: SecretBox;
  /** Keyed hashes of e-mail addresses and other identifiers (audit entries, suppression lists). */
  identifiers: IdentifierHasher;
  outbox: Outbox;
  jobs: JobQueue;
  hooks: Hooks<AppEvents>;
}
