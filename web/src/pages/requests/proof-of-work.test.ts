import { describe, expect, it } from 'vitest';
import {
  issueChallenge,
  leadingZeroBits as serverLeadingZeroBits,
  verifyProof,
} from '../../../../src/modules/requests/proof-of-work.ts';
import { IdentifierHasher } from '../../../../src/platform/crypto/identifier-hash.ts';
import { leadingZeroBits, solveProofOfWork } from './proof-of-work.ts';

/** The server's rule checks the browser's answer: same hashing, same bit count, nonce as a decimal string. */
const hasher = new IdentifierHasher(Buffer.alloc(32, 7));

describe('the browser proof-of-work solver', () => {
  it.each([1, 4, 8, 10])('finds a nonce the server accepts at difficulty %i', async (difficulty) => {
    const now = new Date('2026-11-23T09:00:00Z');
    const { challenge } = issueChallenge(hasher, 'org-1', now, difficulty);
    const nonce = await solveProofOfWork(challenge, difficulty);
    expect(nonce).toMatch(/^\d+$/);
    expect(verifyProof(hasher, { challenge, nonce }, { orgId: 'org-1', now, minimumDifficulty: difficulty })).toBe(
      'valid',
    );
  });

  it('counts leading zero bits as the server does', () => {
    for (const bytes of [[0, 0, 1], [0x80], [0x0f, 0xff], [0, 0x40], [0, 0, 0]]) {
      const digest = Uint8Array.from(bytes);
      expect(leadingZeroBits(digest)).toBe(serverLeadingZeroBits(digest));
    }
    expect(leadingZeroBits(Uint8Array.from([0, 0x10]))).toBe(11);
  });

  it('reports progress and stops when the page is left', async () => {
    const controller = new AbortController();
    const seen: number[] = [];
    const solving = solveProofOfWork('never-solved-in-time', 64, {
      signal: controller.signal,
      onProgress: (tried) => {
        seen.push(tried);
        if (seen.length === 2) controller.abort();
      },
    });
    await expect(solving).rejects.toThrow();
    expect(seen).toEqual([256, 512]);
  });
});
