import { parentPort, workerData } from 'node:worker_threads';
import { registerPdf } from './pdf-document.ts';
import type { PdfJob } from './pdf-off-thread.ts';

/** Renders one register PDF and hands the bytes back (transferred, not copied). */
const { snapshot, locale } = workerData as PdfJob;
const pdf = await registerPdf(snapshot, locale);
const bytes = new Uint8Array(pdf.buffer, pdf.byteOffset, pdf.byteLength).slice();
parentPort?.postMessage(bytes, [bytes.buffer]);
