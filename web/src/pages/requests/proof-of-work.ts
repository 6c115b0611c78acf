/**
 * The browser's half of the public request page's proof of work (src/modules/requests/proof-of-work.ts): find a
 * nonce, a decimal string, so that SHA-256(`challenge:nonce`) starts with `difficulty` zero bits.
 */

/** Leading zero bits of a digest. */
export function leadingZeroBits(digest: Uint8Array): number {
  let bits = 0;
  for (const byte of digest) {
    if (byte !== 0) return bits + Math.clz32(byte) - 24;
    bits += 8;
  }
  return bits;
}

/** Nonces tried between yields to the page, so the progress text stays responsive. */
const BATCH = 256;

/**
 * Solves a challenge with WebCrypto; `onProgress` hears the number of nonces tried after each batch. Rejects when
 * `signal` aborts (the person left the page).
 */
export async function solveProofOfWork(
  challenge: string,
  difficulty: number,
  options: { signal?: AbortSignal; onProgress?: (tried: number) => void; subtle?: SubtleCrypto } = {},
): Promise<string> {
  const subtle = options.subtle ?? globalThis.crypto.subtle;
  const encoder = new TextEncoder();
  for (let nonce = 0; ; nonce++) {
    const digest = new Uint8Array(await subtle.digest('SHA-256', encoder.encode(`${challenge}:${nonce}`)));
    if (leadingZeroBits(digest) >= difficulty) return String(nonce);
    if (nonce % BATCH === BATCH - 1) {
      options.signal?.throwIfAborted();
      options.onProgress?.(nonce + 1);
      await new Promise((resolve) => setTimeout(resolve, 0));
    }
  }
}
