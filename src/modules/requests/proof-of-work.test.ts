import { describe, expect, it } from 'vitest';
import { IdentifierHasher } from '../../platform/crypto/identifier-hash.ts';
import { issueChallenge, leadingZeroBits, solveChallenge, verifyProof } from './proof-of-work.ts';

const hasher = new IdentifierHasher(Buffer.alloc(32, 7));
const orgId = '6f1c1e4e-0000-4000-8000-000000000001';
const now = new Date('2026-11-23T09:00:00Z');
const expected = { orgId, now, minimumDifficulty: 8 };

describe('the proof of work', () => {
  it('counts leading zero bits', () => {
    expect(leadingZeroBits(Uint8Array.from([0, 0, 0x80]))).toBe(16);
    expect(leadingZeroBits(Uint8Array.from([0x0f]))).toBe(4);
    expect(leadingZeroBits(Uint8Array.from([0, 0]))).toBe(16);
  });

  it('accepts a solved challenge of this organisation within its validity', () => {
    const { challenge } = issueChallenge(hasher, orgId, now, 8);
    const nonce = solveChallenge(challenge, 8);
    expect(verifyProof(hasher, { challenge, nonce }, expected)).toBe('valid');
    expect(verifyProof(hasher, { challenge, nonce }, { ...expected, now: new Date(now.getTime() + 14 * 60_000) })).toBe(
      'valid',
    );
  });

  it('refuses an expired, foreign, forged, easier or unsolved challenge', () => {
    const { challenge } = issueChallenge(hasher, orgId, now, 8);
    const nonce = solveChallenge(challenge, 8);
    const later = new Date(now.getTime() + 16 * 60_000);
    expect(verifyProof(hasher, { challenge, nonce }, { ...expected, now: later })).toBe('expired');
    expect(verifyProof(hasher, { challenge, nonce }, { ...expected, orgId: 'other' })).toBe('forged');
    const otherKey = new IdentifierHasher(Buffer.alloc(32, 9));
    expect(verifyProof(otherKey, { challenge, nonce }, expected)).toBe('forged');
    const easier = issueChallenge(hasher, orgId, now, 2);
    expect(
      verifyProof(hasher, { challenge: easier.challenge, nonce: solveChallenge(easier.challenge, 2) }, expected),
    ).toBe('too_weak');
    expect(verifyProof(hasher, { challenge: 'p1.8.x', nonce: '1' }, expected)).toBe('malformed');
    // Most other nonces do not solve an 8-bit puzzle.
    const verdicts = new Set(
      [...Array(50).keys()]
        .map(String)
        .filter((candidate) => candidate !== nonce)
        .map((candidate) => verifyProof(hasher, { challenge, nonce: candidate }, expected)),
    );
    expect(verdicts.has('too_weak')).toBe(true);
  });
});
