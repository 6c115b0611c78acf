/**
 * The public request page's proof of work: the server hands out a signed, expiring challenge; the browser finds a
 * nonce so that SHA-256(`challenge:nonce`) starts with `difficulty` zero bits. A person waits about a second once;
 * a flood pays that for every submission. Stateless: the signature proves the challenge is ours, and the request
 * row keeps the challenge's hash so that one challenge buys one submission.
 */
import { createHash, randomBytes } from 'node:crypto';
import type { IdentifierHasher } from '../../platform/crypto/identifier-hash.ts';

const VERSION = 'p1';
export const CHALLENGE_VALID_MS = 15 * 60 * 1000;

export type ProofVerdict = 'valid' | 'malformed' | 'forged' | 'expired' | 'too_weak';

function signature(hasher: IdentifierHasher, parts: readonly string[]): string {
  return hasher.hash(`proof-of-work|${parts.join('|')}`).slice(0, 32);
}

export function issueChallenge(hasher: IdentifierHasher, orgId: string, now: Date, difficulty: number) {
  const parts = [VERSION, String(difficulty), orgId, String(now.getTime()), randomBytes(12).toString('hex')];
  return { challenge: [...parts, signature(hasher, parts)].join('.'), difficulty };
}

/** Leading zero bits of a digest. */
export function leadingZeroBits(digest: Uint8Array): number {
  let bits = 0;
  for (const byte of digest) {
    if (byte === 0) {
      bits += 8;
      continue;
    }
    return bits + Math.clz32(byte) - 24;
  }
  return bits;
}

export function proofDigest(challenge: string, nonce: string): Uint8Array {
  return createHash('sha256').update(`${challenge}:${nonce}`).digest();
}

export function verifyProof(
  hasher: IdentifierHasher,
  proof: { challenge: string; nonce: string },
  expected: { orgId: string; now: Date; minimumDifficulty: number },
): ProofVerdict {
  const parts = proof.challenge.split('.');
  if (parts.length !== 6 || parts[0] !== VERSION) return 'malformed';
  const [, difficultyText, orgId, issuedText, , mac] = parts as [string, string, string, string, string, string];
  if (signature(hasher, parts.slice(0, 5)) !== mac || orgId !== expected.orgId) return 'forged';
  const age = expected.now.getTime() - Number(issuedText);
  if (!(age >= -60_000 && age <= CHALLENGE_VALID_MS)) return 'expired';
  const difficulty = Number(difficultyText);
  if (difficulty < expected.minimumDifficulty) return 'too_weak';
  return leadingZeroBits(proofDigest(proof.challenge, proof.nonce)) >= difficulty ? 'valid' : 'too_weak';
}

/** Solves a challenge (tests and the CLI; the browser has its own solver over WebCrypto). */
export function solveChallenge(challenge: string, difficulty: number): string {
  for (let nonce = 0; ; nonce++) {
    if (leadingZeroBits(proofDigest(challenge, String(nonce))) >= difficulty) return String(nonce);
  }
}
