import { createHash } from 'node:crypto';
import { strToU8, Zip, ZipDeflate, ZipPassThrough } from 'fflate';
import type { SecretBox } from '../../../platform/crypto/secret-box.ts';

/**
 * A ZIP written file by file and sealed as it is written: the plaintext ZIP is never held whole, only its sealed
 * bytes. Text files are pushed in pieces (one batch of records at a time), so memory holds one batch, the
 * compressor's window and the sealed output.
 */
export class SealedZipWriter {
  readonly #zip: Zip;
  readonly #sealer: ReturnType<SecretBox['byteSealer']>;
  readonly #sealed: Buffer[] = [];
  readonly #hash = createHash('sha256');
  readonly #done: Promise<void>;
  readonly #mtime: Date;
  #size = 0;
  #failure: Error | null = null;

  constructor(secrets: SecretBox, mtime: Date) {
    this.#sealer = secrets.byteSealer();
    this.#mtime = mtime;
    let finish: () => void = () => {};
    let fail: (error: Error) => void = () => {};
    this.#done = new Promise<void>((resolve, reject) => {
      finish = resolve;
      fail = reject;
    });
    this.#done.catch(() => {});
    this.#zip = new Zip((error, data, isFinal) => {
      if (error) {
        this.#failure = error;
        fail(error);
        return;
      }
      this.#size += data.length;
      this.#hash.update(data);
      this.#sealed.push(this.#sealer.update(data));
      if (isFinal) {
        this.#sealed.push(this.#sealer.final());
        finish();
      }
    });
  }

  /** Opens a compressed text file; write to it with `write`, close it with `close`. */
  openText(name: string): ZipDeflate {
    const file = new ZipDeflate(name, { level: 6 });
    file.mtime = this.#mtime;
    this.#zip.add(file);
    return file;
  }

  write(file: ZipDeflate, text: string): void {
    if (this.#failure) throw this.#failure;
    file.push(strToU8(text));
  }

  close(file: ZipDeflate): void {
    file.push(new Uint8Array(0), true);
  }

  /** Adds a file that is compressed already (a PDF) as it is. */
  addStored(name: string, bytes: Uint8Array): void {
    const file = new ZipPassThrough(name);
    file.mtime = this.#mtime;
    this.#zip.add(file);
    file.push(bytes, true);
  }

  /** Ends the ZIP; the sealed bytes, the ZIP's size and its SHA-256. */
  async finish(): Promise<{ sealed: Buffer; sizeBytes: number; sha256: string }> {
    this.#zip.end();
    await this.#done;
    return { sealed: Buffer.concat(this.#sealed), sizeBytes: this.#size, sha256: this.#hash.digest('hex') };
  }

  /** Stops writing after a failure; what was written is dropped. */
  abort(): void {
    this.#zip.terminate();
    this.#sealed.length = 0;
  }
}
