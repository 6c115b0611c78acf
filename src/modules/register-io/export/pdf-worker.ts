import { parentPort, workerData } from 'node:worker_threads';
import { registerPdf } from './pdf-document.ts';
import type { PdfJob, PdfWorkerMessage } from './pdf-off-thread.ts';

/** Renders one register PDF, reporting progress, and hands the bytes back (transferred, not copied). */
const { snapshot, locale } = workerData as PdfJob;
const post = (message: PdfWorkerMessage, transfer: ArrayBuffer[] = []) => parentPort?.postMessage(message, transfer);
const pdf = await registerPdf(snapshot, locale, (progress) => post({ kind: 'progress', progress }));
const bytes = new Uint8Array(pdf.buffer, pdf.byteOffset, pdf.byteLength).slice();
post({ kind: 'pdf', bytes }, [bytes.buffer]);
