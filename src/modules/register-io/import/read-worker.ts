import { parentPort, workerData } from 'node:worker_threads';
import { outcomeOf, type ReadJob } from './read-off-thread.ts';

/** Reads one uploaded file and hands the table (or the refusal) back. */
parentPort?.postMessage(await outcomeOf(workerData as ReadJob));
