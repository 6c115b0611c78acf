import { mkdtempSync, readFileSync, rmSync, statSync } from 'node:fs';
import { tmpdir } from 'node:os';
import path from 'node:path';
import { afterEach, describe, expect, it } from 'vitest';
import { resolveSecretKey, SecretBox } from './secret-box.ts';

const OLD_KEY = 'old-secret-key-for-privacydesk-tests-0123456789';
const NEW_KEY = 'new-secret-key-for-privacydesk-tests-0123456789';

/** Flips one character of the base64url body, keeping the value well-formed. */
function tamper(sealed: string): string {
  const parts = sealed.split('.');
  const body = parts[3] as string;
  const flipped = body[0] === 'A' ? 'B' : 'A';
  return [parts[0], parts[1], parts[2], flipped + body.slice(1)].join('.');
}

describe('SecretBox', () => {
  const box = new SecretBox(NEW_KEY);

  it('opens what it sealed, unicode included', () => {
    for (const text of ['JBSWY3DPEHPK3PXP', '', 'wachtwoord met é, ß en 🙂', 'x'.repeat(10_000)]) {
      expect(box.open(box.seal(text))).toBe(text);
    }
  });

  it('seals the same text differently each time (random IV), naming its key', () => {
    const first = box.seal('secret');
    const second = box.seal('secret');
    expect(first).not.toBe(second);
    expect(first.split('.')).toHaveLength(4);
    expect(first.startsWith(`pd1.${box.keyId}.`)).toBe(true);
    expect(first).not.toContain('secret');
  });

  it('detects tampering with the ciphertext, the IV or the tag', () => {
    const sealed = box.seal('TOTP secret');
    expect(() => box.open(tamper(sealed))).toThrow();
    const [format, keyId, iv, body] = sealed.split('.') as [string, string, string, string];
    const otherIv = Buffer.alloc(12, 7).toString('base64url');
    expect(() => box.open([format, keyId, otherIv, body].join('.'))).toThrow();
    const truncatedTag = body.slice(0, -4);
    expect(() => box.open([format, keyId, iv, truncatedTag].join('.'))).toThrow();
  });

  it('refuses values that are not sealed', () => {
    expect(() => box.open('plain text')).toThrow('Not a sealed value');
    expect(() => box.open('pd2.abc.def.ghi')).toThrow('Not a sealed value');
  });

  it('opens values sealed with a previous key, and seals with the current one', () => {
    const oldBox = new SecretBox(OLD_KEY);
    const sealedOld = oldBox.seal('from before the rotation');
    const rotated = new SecretBox(NEW_KEY, [OLD_KEY]);
    expect(rotated.open(sealedOld)).toBe('from before the rotation');
    expect(rotated.seal('x').split('.')[1]).toBe(box.keyId);
    expect(rotated.knownKeyIds).toEqual([box.keyId, oldBox.keyId]);
  });

  it('names the unknown key when it cannot open a value', () => {
    const oldBox = new SecretBox(OLD_KEY);
    expect(() => box.open(oldBox.seal('x'))).toThrow(
      `Sealed with unknown key ${oldBox.keyId}; add it to PRIVACYDESK_PREVIOUS_SECRET_KEYS`,
    );
  });

  it('marks values sealed with another key as stale', () => {
    const rotated = new SecretBox(NEW_KEY, [OLD_KEY]);
    expect(rotated.isStale(new SecretBox(OLD_KEY).seal('x'))).toBe(true);
    expect(rotated.isStale(rotated.seal('x'))).toBe(false);
  });

  it('derives the same key id from the same secret, another from another', () => {
    expect(new SecretBox(NEW_KEY).keyId).toBe(box.keyId);
    expect(new SecretBox(OLD_KEY).keyId).not.toBe(box.keyId);
    expect(box.keyId).toMatch(/^[0-9a-f]{8}$/);
  });
});

describe('SecretBox bytes', () => {
  const box = new SecretBox(NEW_KEY);
  const bytes = Uint8Array.from({ length: 100_000 }, (_, index) => (index * 7919) % 256);

  it('opens what it sealed, and what it sealed chunk by chunk', () => {
    expect(box.openBytes(box.sealBytes(bytes)).equals(Buffer.from(bytes))).toBe(true);
    expect(box.openBytes(box.sealBytes(new Uint8Array(0))).length).toBe(0);
    const sealer = box.byteSealer();
    const parts = [sealer.update(bytes.subarray(0, 10)), sealer.update(bytes.subarray(10)), sealer.final()];
    expect(box.openBytes(Buffer.concat(parts)).equals(Buffer.from(bytes))).toBe(true);
  });

  it('hides the content, names its key and refuses changed bytes', () => {
    const sealed = box.sealBytes(Buffer.from('Anna de Vries'));
    expect(sealed.includes(Buffer.from('Anna'))).toBe(false);
    expect(box.keyIdOfBytes(sealed)).toBe(box.keyId);
    const changed = Buffer.from(sealed);
    changed[30] = (changed[30] as number) ^ 1;
    expect(() => box.openBytes(changed)).toThrow();
    expect(() => box.openBytes(Buffer.from('not sealed at all, not sealed at all'))).toThrow('Not sealed bytes');
  });

  it('opens bytes an older key sealed only when that key is listed as previous', () => {
    const sealed = new SecretBox(OLD_KEY).sealBytes(Buffer.from('oud'));
    expect(new SecretBox(NEW_KEY, [OLD_KEY]).openBytes(sealed).toString()).toBe('oud');
    expect(() => box.openBytes(sealed)).toThrow(/unknown key/);
  });
});

describe('resolveSecretKey', () => {
  const dirs: string[] = [];
  afterEach(() => {
    for (const dir of dirs.splice(0)) rmSync(dir, { recursive: true, force: true });
  });

  it('prefers the configured key', () => {
    expect(resolveSecretKey(NEW_KEY, '/nonexistent')).toEqual({ secret: NEW_KEY, source: 'PRIVACYDESK_SECRET_KEY' });
  });

  it('creates a private key file on first start and reads the same key afterwards', () => {
    const dir = mkdtempSync(path.join(tmpdir(), 'privacydesk-key-'));
    dirs.push(dir);
    const dataDir = path.join(dir, 'data');
    const first = resolveSecretKey(undefined, dataDir);
    const file = path.join(dataDir, 'secret.key');
    expect(first.source).toBe(file);
    expect(first.secret.length).toBeGreaterThanOrEqual(43);
    expect(statSync(file).mode & 0o777).toBe(0o600);
    expect(readFileSync(file, 'utf8').trim()).toBe(first.secret);
    expect(resolveSecretKey(undefined, dataDir).secret).toBe(first.secret);
  });
});
