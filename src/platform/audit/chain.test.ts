import { createHash } from 'node:crypto';
import { describe, expect, it } from 'vitest';
import {
  assertMinimisedData,
  type ChainedEntry,
  canonicalJson,
  chainStart,
  entryHash,
  GENESIS_HASH,
  verifyBatch,
  verifyHead,
} from './chain.ts';

const sha256 = (text: string) => createHash('sha256').update(text).digest('hex');

/** A correctly linked chain of `length` entries. */
function buildChain(length: number, chain = 'org-1'): ChainedEntry[] {
  const entries: ChainedEntry[] = [];
  let prevHash = GENESIS_HASH;
  for (let seq = 1; seq <= length; seq += 1) {
    const content = {
      chain,
      seq,
      orgId: null,
      occurredAt: new Date(Date.UTC(2026, 10, 23, 9, seq)),
      actorType: 'user',
      actorId: `user-${seq}`,
      action: 'member.role_changed',
      targetType: 'user',
      targetId: `target-${seq}`,
      targetName: null,
      data: { from: 'viewer', to: 'editor', seq },
      prevHash,
    };
    const hash = entryHash(content, sha256);
    entries.push({ ...content, id: `entry-${seq}`, hash });
    prevHash = hash;
  }
  return entries;
}

describe('canonicalJson', () => {
  it('sorts keys at every depth, so equal content serialises equally', () => {
    const a = { b: 1, a: { d: [3, { z: 1, y: 2 }], c: 'x' } };
    const b = { a: { c: 'x', d: [3, { y: 2, z: 1 }] }, b: 1 };
    expect(canonicalJson(a)).toBe('{"a":{"c":"x","d":[3,{"y":2,"z":1}]},"b":1}');
    expect(canonicalJson(b)).toBe(canonicalJson(a));
  });

  it('keeps array order, drops undefined properties, keeps null, escapes strings', () => {
    expect(canonicalJson([2, 1])).not.toBe(canonicalJson([1, 2]));
    expect(canonicalJson({ a: undefined, b: null })).toBe('{"b":null}');
    expect(canonicalJson(undefined)).toBe('null');
    expect(canonicalJson({ 'k"ey': 'va"l\n' })).toBe('{"k\\"ey":"va\\"l\\n"}');
  });
});

describe('entryHash', () => {
  const [entry] = buildChain(1) as [ChainedEntry];

  it('is deterministic and covers every field and the predecessor', () => {
    expect(entryHash(entry, sha256)).toBe(entry.hash);
    const changes: Partial<ChainedEntry>[] = [
      { chain: 'org-2' },
      { seq: 2 },
      { orgId: 'org-1' },
      { occurredAt: new Date(entry.occurredAt.getTime() + 1) },
      { actorType: 'api_token' },
      { actorId: 'someone-else' },
      { action: 'member.removed' },
      { targetType: 'invitation' },
      { targetId: 'other' },
      { targetName: 'Salarisadministratie' },
      { data: { ...entry.data, to: 'owner' } },
      { prevHash: '1'.repeat(64) },
    ];
    for (const change of changes) {
      expect(entryHash({ ...entry, ...change }, sha256), JSON.stringify(change)).not.toBe(entry.hash);
    }
  });

  it('hashes an entry without a name exactly as entries were hashed before names were kept', () => {
    const { chain, seq, orgId, occurredAt, actorType, actorId, action, targetType, targetId, data } = entry;
    const fieldsBefore = { chain, seq, orgId, actorType, actorId, action, targetType, targetId, data };
    const before = sha256(
      `${entry.prevHash}\n${canonicalJson({ ...fieldsBefore, occurredAt: occurredAt.toISOString() })}`,
    );
    expect(entryHash(entry, sha256)).toBe(before);
  });

  it('covers the name of a named entry', () => {
    const named = { ...entry, targetName: 'Salarisadministratie' };
    expect(entryHash(named, sha256)).not.toBe(entryHash({ ...named, targetName: 'Werving' }, sha256));
  });

  it('does not depend on the key order of data', () => {
    expect(entryHash({ ...entry, data: { seq: 1, to: 'editor', from: 'viewer' } }, sha256)).toBe(entry.hash);
  });
});

describe('verifyBatch', () => {
  it('accepts an intact chain, also when verified in batches', () => {
    const entries = buildChain(5);
    const whole = verifyBatch(entries, chainStart, sha256);
    expect(whole).toEqual({ cursor: { seq: 5, hash: entries[4]?.hash }, verified: 5, break: null });

    const first = verifyBatch(entries.slice(0, 2), chainStart, sha256);
    const second = verifyBatch(entries.slice(2), first.cursor, sha256);
    expect(first.break).toBeNull();
    expect(second).toEqual({ cursor: whole.cursor, verified: 3, break: null });
  });

  it('accepts an empty batch and keeps the cursor', () => {
    expect(verifyBatch([], chainStart, sha256)).toEqual({ cursor: chainStart, verified: 0, break: null });
  });

  it('finds a missing entry as a sequence gap', () => {
    const entries = buildChain(4);
    const result = verifyBatch([entries[0], entries[1], entries[3]] as ChainedEntry[], chainStart, sha256);
    expect(result.verified).toBe(2);
    expect(result.break).toMatchObject({ reason: 'sequence_gap', expectedSeq: 3, entry: { seq: 4 } });
    expect(result.cursor).toEqual({ seq: 2, hash: entries[1]?.hash });
  });

  it('finds a rewritten entry whose own hash was recomputed as a broken link at its successor', () => {
    const entries = buildChain(3);
    const rewritten = { ...(entries[1] as ChainedEntry), data: { to: 'owner' } };
    rewritten.hash = entryHash(rewritten, sha256);
    const result = verifyBatch([entries[0], rewritten, entries[2]] as ChainedEntry[], chainStart, sha256);
    expect(result.break).toMatchObject({ reason: 'broken_link', entry: { seq: 3 } });
    expect(result.verified).toBe(2);
  });

  it('finds a changed entry as a hash mismatch', () => {
    const entries = buildChain(3);
    const tampered = { ...(entries[1] as ChainedEntry), actorId: 'someone-else' };
    const result = verifyBatch([entries[0], tampered, entries[2]] as ChainedEntry[], chainStart, sha256);
    expect(result.break).toMatchObject({ reason: 'hash_mismatch', entry: { seq: 2, actorId: 'someone-else' } });
    expect(result.verified).toBe(1);
  });

  it('finds a chain that does not start at genesis', () => {
    const entries = buildChain(3);
    expect(verifyBatch(entries.slice(1), chainStart, sha256).break).toMatchObject({
      reason: 'sequence_gap',
      expectedSeq: 1,
    });
  });
});

describe('verifyHead', () => {
  it('accepts a head that points at the last entry', () => {
    expect(verifyHead('org-1', { seq: 3, hash: 'abc' }, { seq: 3, hash: 'abc' })).toBeNull();
    expect(verifyHead('org-1', chainStart, chainStart)).toBeNull();
  });

  it('finds entries cut off the end, or a head with another hash', () => {
    expect(verifyHead('org-1', { seq: 5, hash: 'abc' }, { seq: 3, hash: 'def' })).toEqual({
      reason: 'head_mismatch',
      chain: 'org-1',
      headSeq: 5,
      lastSeq: 3,
    });
    expect(verifyHead('org-1', { seq: 3, hash: 'abc' }, { seq: 3, hash: 'def' })?.reason).toBe('head_mismatch');
  });
});

describe('assertMinimisedData', () => {
  it('accepts references, counts and hashes', () => {
    expect(() =>
      assertMinimisedData({ count: 3, emailHash: 'a'.repeat(64), fields: ['name'], nested: { id: 'x' } }),
    ).not.toThrow();
  });

  it('refuses strings long enough to be free text, also nested', () => {
    expect(() => assertMinimisedData({ note: 'x'.repeat(201) })).toThrow(/note/);
    expect(() => assertMinimisedData({ nested: { body: 'x'.repeat(201) } })).toThrow(/body/);
    expect(() => assertMinimisedData({ note: 'x'.repeat(200) })).not.toThrow();
  });
});
