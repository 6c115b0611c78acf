import { createCipheriv, createDecipheriv, createHash, hkdfSync, randomBytes } from 'node:crypto';
import { chmodSync, existsSync, mkdirSync, readFileSync, writeFileSync } from 'node:fs';
import path from 'node:path';

const FORMAT = 'pd1';
/** Sealed bytes start with this, then the key id (8 ASCII characters), the IV, the ciphertext and the GCM tag. */
const BYTES_FORMAT = Buffer.from('pdb1', 'ascii');
const KEY_ID_BYTES = 8;
const IV_BYTES = 12;
const TAG_BYTES = 16;

interface Key {
  id: string;
  bytes: Buffer;
}

function deriveKey(secret: string, purpose: string): Buffer {
  return Buffer.from(hkdfSync('sha256', secret, 'privacydesk', purpose, 32));
}

function toKey(secret: string): Key {
  const bytes = deriveKey(secret, 'secret-box v1');
  const id = createHash('sha256').update(bytes).digest('hex').slice(0, 8);
  return { id, bytes };
}

/**
 * AES-256-GCM encryption of secrets at rest (TOTP secrets, connector credentials). Values carry the id of the
 * key that sealed them, so previous keys can still open old values while new ones use the current key.
 */
export class SecretBox {
  readonly #current: Key;
  readonly #byId: Map<string, Key>;

  constructor(currentSecret: string, previousSecrets: string[] = []) {
    this.#current = toKey(currentSecret);
    this.#byId = new Map([this.#current, ...previousSecrets.map(toKey)].map((key) => [key.id, key]));
  }

  get keyId(): string {
    return this.#current.id;
  }

  /** Ids of every key this box can open with, the current one first. */
  get knownKeyIds(): string[] {
    return [...this.#byId.keys()];
  }

  seal(plaintext: string): string {
    const iv = randomBytes(IV_BYTES);
    const cipher = createCipheriv('aes-256-gcm', this.#current.bytes, iv);
    const body = Buffer.concat([cipher.update(plaintext, 'utf8'), cipher.final(), cipher.getAuthTag()]);
    return [FORMAT, this.#current.id, iv.toString('base64url'), body.toString('base64url')].join('.');
  }

  open(sealed: string): string {
    const [format, keyId, ivText, bodyText] = sealed.split('.');
    if (format !== FORMAT || !keyId || !ivText || !bodyText) throw new Error('Not a sealed value');
    const key = this.#byId.get(keyId);
    if (!key) throw new Error(`Sealed with unknown key ${keyId}; add it to PRIVACYDESK_PREVIOUS_SECRET_KEYS`);
    const body = Buffer.from(bodyText, 'base64url');
    const decipher = createDecipheriv('aes-256-gcm', key.bytes, Buffer.from(ivText, 'base64url'));
    decipher.setAuthTag(body.subarray(body.length - TAG_BYTES));
    return Buffer.concat([decipher.update(body.subarray(0, body.length - TAG_BYTES)), decipher.final()]).toString(
      'utf8',
    );
  }

  /**
   * Seals bytes as they come (a ZIP being written), so the plaintext is never held whole: `update` each chunk,
   * then `final`; the concatenated output is what `sealBytes` returns for the concatenated input.
   */
  byteSealer(): { update(chunk: Uint8Array): Buffer; final(): Buffer } {
    const iv = randomBytes(IV_BYTES);
    const cipher = createCipheriv('aes-256-gcm', this.#current.bytes, iv);
    let header: Buffer | null = Buffer.concat([BYTES_FORMAT, Buffer.from(this.#current.id, 'ascii'), iv]);
    const withHeader = (body: Buffer) => {
      const out = header ? Buffer.concat([header, body]) : body;
      header = null;
      return out;
    };
    return {
      update: (chunk) => withHeader(cipher.update(chunk)),
      final: () => withHeader(Buffer.concat([cipher.final(), cipher.getAuthTag()])),
    };
  }

  /** AES-256-GCM of binary data (an export package), naming the key like `seal` does. */
  sealBytes(plain: Uint8Array): Buffer {
    const sealer = this.byteSealer();
    return Buffer.concat([sealer.update(plain), sealer.final()]);
  }

  /** Opens what `sealBytes` or `byteSealer` sealed; throws when it was changed or its key is unknown. */
  openBytes(sealed: Uint8Array): Buffer {
    const data = Buffer.from(sealed.buffer, sealed.byteOffset, sealed.byteLength);
    const headerBytes = BYTES_FORMAT.length + KEY_ID_BYTES + IV_BYTES;
    if (data.length < headerBytes + TAG_BYTES || !data.subarray(0, BYTES_FORMAT.length).equals(BYTES_FORMAT)) {
      throw new Error('Not sealed bytes');
    }
    const keyId = data.subarray(BYTES_FORMAT.length, BYTES_FORMAT.length + KEY_ID_BYTES).toString('ascii');
    const key = this.#byId.get(keyId);
    if (!key) throw new Error(`Sealed with unknown key ${keyId}; add it to PRIVACYDESK_PREVIOUS_SECRET_KEYS`);
    const iv = data.subarray(BYTES_FORMAT.length + KEY_ID_BYTES, headerBytes);
    const decipher = createDecipheriv('aes-256-gcm', key.bytes, iv);
    decipher.setAuthTag(data.subarray(data.length - TAG_BYTES));
    return Buffer.concat([decipher.update(data.subarray(headerBytes, data.length - TAG_BYTES)), decipher.final()]);
  }

  /** The id of the key that sealed these bytes (for re-sealing after a key change). */
  keyIdOfBytes(sealed: Uint8Array): string {
    return Buffer.from(sealed.buffer, sealed.byteOffset, sealed.byteLength)
      .subarray(BYTES_FORMAT.length, BYTES_FORMAT.length + KEY_ID_BYTES)
      .toString('ascii');
  }

  /** True when the value was sealed with an older key and should be re-sealed. */
  isStale(sealed: string): boolean {
    return sealed.split('.')[1] !== this.#current.id;
  }
}

/** The instance key: PRIVACYDESK_SECRET_KEY, else a key file created in the data directory on first start. */
export function resolveSecretKey(configured: string | undefined, dataDir: string): { secret: string; source: string } {
  if (configured) return { secret: configured, source: 'PRIVACYDESK_SECRET_KEY' };
  const file = path.join(dataDir, 'secret.key');
  if (!existsSync(file)) {
    mkdirSync(dataDir, { recursive: true });
    writeFileSync(file, `${randomBytes(32).toString('base64url')}\n`, { mode: 0o600, flag: 'wx' });
  }
  chmodSync(file, 0o600);
  return { secret: readFileSync(file, 'utf8').trim(), source: file };
}
