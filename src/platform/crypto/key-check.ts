import type { Database } from '../db/database.ts';
import { readSetting, writeSetting } from '../db/instance-settings.ts';
import type { SecretBox } from './secret-box.ts';

const SETTING = 'secret_key_id';

export class SecretKeyMismatchError extends Error {}

/**
 * Refuses to start with a key that cannot open this database's secrets (another instance's key, a lost key file):
 * better a clear error at start than unreadable TOTP secrets later.
 */
export async function assertSecretKeyMatches(db: Database, secrets: SecretBox, knownKeyIds: string[]): Promise<void> {
  const stored = await readSetting<string>(db, SETTING);
  if (stored === undefined) {
    await writeSetting(db, SETTING, secrets.keyId);
    return;
  }
  if (stored === secrets.keyId || knownKeyIds.includes(stored)) return;
  throw new SecretKeyMismatchError(
    `The secret key (id ${secrets.keyId}) is not the one this database was set up with (id ${stored}). ` +
      'Set PRIVACYDESK_SECRET_KEY to the original key, or list it in PRIVACYDESK_PREVIOUS_SECRET_KEYS and run `privacydesk secrets rotate`.',
  );
}

export async function recordCurrentKey(db: Database, secrets: SecretBox): Promise<void> {
  await writeSetting(db, SETTING, secrets.keyId);
}
