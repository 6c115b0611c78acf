import { Worker } from 'node:worker_threads';
import { AppError } from '../../../platform/errors.ts';
import { createTurnLimiter } from '../../../platform/turns.ts';
import type { Text } from '../labels/enums.ts';
import { readCsvTable, readXlsxTable, type Table } from './read-table.ts';

export interface ReadJob {
  format: 'csv' | 'xlsx';
  bytes: Uint8Array;
  sheetNames: Text;
}

/** What the worker sends back: the table, or the refusal (an AppError's code and params) for the request. */
export type ReadOutcome =
  | { table: Table }
  | { refusal: { code: string; params: Record<string, unknown> } }
  | { failure: string };

/**
 * Parsing an upload is synchronous CPU work (exceljs unpacks and parses the whole workbook): a large file would stop
 * the server from answering anything else, health probes included. Files over INLINE_BYTES are read in a worker
 * thread with a heap limit (a workbook that still blows up takes the worker down, not the server), at most
 * MAX_CONCURRENT_READS at once per instance. A small file is read faster than a worker starts (it loads tsx and
 * exceljs afresh), so it is read in place.
 */
const INLINE_BYTES = 64 * 1024;
const MAX_CONCURRENT_READS = 2;
const WORKER_HEAP_MB = 512;
const WORKER_URL = new URL('./read-worker.boot.js', import.meta.url);

const inTurn = createTurnLimiter(MAX_CONCURRENT_READS);

/** Reads a file into a table; an AppError refusal is the caller's 400. */
export function readJob(job: ReadJob): Promise<Table> {
  return job.format === 'xlsx' ? readXlsxTable(job.bytes, job.sheetNames) : Promise.resolve(readCsvTable(job.bytes));
}

/** The outcome as the worker reports it (errors become data: classes do not cross threads). */
export async function outcomeOf(job: ReadJob): Promise<ReadOutcome> {
  try {
    return { table: await readJob(job) };
  } catch (error) {
    if (error instanceof AppError) return { refusal: { code: error.code, params: error.params } };
    return { failure: error instanceof Error ? error.message : String(error) };
  }
}

function readInWorker(job: ReadJob): Promise<ReadOutcome> {
  return new Promise((resolve, reject) => {
    const worker = new Worker(WORKER_URL, {
      workerData: job,
      resourceLimits: { maxOldGenerationSizeMb: WORKER_HEAP_MB },
    });
    worker.once('message', (outcome: ReadOutcome) => resolve(outcome));
    worker.once('error', (error: Error & { code?: string }) => {
      if (error.code === 'ERR_WORKER_OUT_OF_MEMORY') {
        resolve({ refusal: { code: 'file_unpacks_too_large', params: { limit: `${WORKER_HEAP_MB} MB` } } });
      } else reject(error);
    });
    // After a message this changes nothing (the promise is settled); without one it reports the lost read.
    worker.once('exit', (code) => reject(new Error(`the import worker stopped (exit code ${code}) without a table`)));
  });
}

/** The uploaded file as a table: read in place when small, else in a worker thread. */
export async function readTableOffThread(job: ReadJob): Promise<Table> {
  if (job.bytes.byteLength <= INLINE_BYTES) return readJob(job);
  const outcome = await inTurn(() => readInWorker(job));
  if ('table' in outcome) return outcome.table;
  if ('refusal' in outcome) throw new AppError('invalid', outcome.refusal.code, { params: outcome.refusal.params });
  throw new Error(`reading the import failed: ${outcome.failure}`);
}
