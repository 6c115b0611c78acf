import { Worker } from 'node:worker_threads';
import type { Locale } from '../../../platform/i18n/index.ts';
import { createTurnLimiter } from '../../../platform/turns.ts';
import type { RegisterSnapshot } from '../snapshot.ts';
import { registerPdf } from './pdf-document.ts';
import type { PdfProgressListener } from './pdf-render.ts';

export type { PdfProgress, PdfProgressListener } from './pdf-render.ts';

export interface PdfJob {
  snapshot: RegisterSnapshot;
  locale: Locale;
}

/** What the worker posts: progress while it works, then the PDF. */
export type PdfWorkerMessage =
  | { kind: 'progress'; progress: Parameters<PdfProgressListener>[0] }
  | { kind: 'pdf'; bytes: Uint8Array };

/**
 * Laying out a large register (thousands of activities) takes pdfmake seconds of CPU and hundreds of MB, all of it
 * synchronous. Such a PDF is rendered in a worker thread, so the server keeps answering meanwhile, and at most this
 * many at once per instance; further exports wait their turn. A small register renders faster than a worker starts
 * (it loads tsx and pdfmake afresh), so up to INLINE_ENTRIES entries it is rendered in place.
 */
const MAX_CONCURRENT_RENDERS = 2;
const INLINE_ENTRIES = 200;
const WORKER_URL = new URL('./pdf-worker.boot.js', import.meta.url);

const inTurn = createTurnLimiter(MAX_CONCURRENT_RENDERS);

function renderInWorker(job: PdfJob, onProgress?: PdfProgressListener): Promise<Buffer> {
  return new Promise((resolve, reject) => {
    const worker = new Worker(WORKER_URL, { workerData: job });
    worker.on('message', (message: PdfWorkerMessage) => {
      if (message.kind === 'progress') onProgress?.(message.progress);
      else resolve(Buffer.from(message.bytes.buffer, message.bytes.byteOffset, message.bytes.byteLength));
    });
    worker.once('error', reject);
    // After a message this changes nothing (the promise is settled); without one it reports the lost render.
    worker.once('exit', (code) => reject(new Error(`the PDF worker stopped (exit code ${code}) without a PDF`)));
  });
}

/** The register PDF: rendered in place when the register is small, else in a worker thread. */
export function registerPdfFor(
  snapshot: RegisterSnapshot,
  locale: Locale,
  onProgress?: PdfProgressListener,
): Promise<Buffer> {
  const entries = snapshot.activities.length + snapshot.systems.length + snapshot.vendors.length;
  return entries <= INLINE_ENTRIES
    ? registerPdf(snapshot, locale, onProgress)
    : registerPdfOffThread(snapshot, locale, onProgress);
}

/** The register PDF, rendered in a worker thread. */
export function registerPdfOffThread(
  snapshot: RegisterSnapshot,
  locale: Locale,
  onProgress?: PdfProgressListener,
): Promise<Buffer> {
  return inTurn(() => renderInWorker({ snapshot, locale }, onProgress));
}
