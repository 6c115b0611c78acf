import { createHmac, randomBytes } from 'node:crypto';
import { eq } from 'drizzle-orm';
import type { Database } from '../db/database.ts';
import { instanceSecrets } from '../db/tables.ts';
import type { SecretBox } from './secret-box.ts';

const KEY_NAME = 'identifier_hash_key';

/**
 * Keyed hashes of identifiers (e-mail addresses, phone numbers) for the audit trail and suppression lists: equal
 * inputs give equal hashes, but nobody without the key can test guesses against them. The key is the installation's
 * own, stored sealed, so it outlives a rotation of the instance key — hashes written years apart still match.
 */
export class IdentifierHasher {
  readonly #key: Buffer;

  constructor(key: Buffer) {
    if (key.length < 32) throw new Error('identifier hash key must have at least 32 bytes');
    this.#key = key;
  }

  hash(value: string): string {
    return createHmac('sha256', this.#key).update(value).digest('hex');
  }

  /** The same hash as raw bytes (32), for callers that store hashes in binary. */
  hashBytes(value: string): Buffer {
    return createHmac('sha256', this.#key).update(value).digest();
  }
}

/** The installation's identifier key: created on first start, then read (several starting instances agree on one). */
export async function loadIdentifierHasher(db: Database, secrets: SecretBox): Promise<IdentifierHasher> {
  await db
    .insert(instanceSecrets)
    .values({ name: KEY_NAME, sealed: secrets.seal(randomBytes(32).toString('base64')) })
    .onConflictDoNothing();
  const [row] = await db.select().from(instanceSecrets).where(eq(instanceSecrets.name, KEY_NAME));
  if (!row) throw new Error('identifier hash key missing after creation');
  return new IdentifierHasher(Buffer.from(secrets.open(row.sealed), 'base64'));
}
