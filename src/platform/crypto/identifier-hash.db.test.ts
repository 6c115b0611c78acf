import { createHash } from 'node:crypto';
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import type { DatabaseHandle } from '../db/database.ts';
import { createTestDatabase } from '../db/testing.ts';
import { IdentifierHasher, loadIdentifierHasher } from './identifier-hash.ts';
import { rotateSecrets } from './rotate.ts';
import { SecretBox } from './secret-box.ts';

const OLD_KEY = 'old-instance-key-0123456789-0123456789-0123456789';
const NEW_KEY = 'new-instance-key-9876543210-9876543210-9876543210';

let database: DatabaseHandle;
beforeAll(async () => {
  database = await createTestDatabase();
});
afterAll(async () => {
  await database?.close();
});

describe('IdentifierHasher', () => {
  it('hashes with a key: stable per input, different per input, not the plain SHA-256', () => {
    const hasher = new IdentifierHasher(Buffer.alloc(32, 7));
    const hash = hasher.hash('jan@example.nl');
    expect(hash).toMatch(/^[0-9a-f]{64}$/);
    expect(hasher.hash('jan@example.nl')).toBe(hash);
    expect(hasher.hash('piet@example.nl')).not.toBe(hash);
    expect(hash).not.toBe(createHash('sha256').update('jan@example.nl').digest('hex'));
    expect(new IdentifierHasher(Buffer.alloc(32, 8)).hash('jan@example.nl')).not.toBe(hash);
  });

  it('keeps the same key across restarts and through a rotation of the instance key', async () => {
    const before = (await loadIdentifierHasher(database.db, new SecretBox(OLD_KEY))).hash('jan@example.nl');
    expect((await loadIdentifierHasher(database.db, new SecretBox(OLD_KEY))).hash('jan@example.nl')).toBe(before);

    const rotated = new SecretBox(NEW_KEY, [OLD_KEY]);
    const result = await rotateSecrets(database.db, rotated, [
      { table: 'instance_secrets', column: 'sealed', id: 'name' },
    ]);
    expect(result.resealed).toBe(1);
    const afterRotation = await loadIdentifierHasher(database.db, new SecretBox(NEW_KEY));
    expect(afterRotation.hash('jan@example.nl')).toBe(before);
  });
});
