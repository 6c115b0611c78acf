import type { JobLogger } from './pg-boss-queue.ts';

export interface LogEntry {
  details: object;
  message: string;
}

/** A JobLogger that keeps what it is told, so tests can read the log (and prove what it leaves out). */
export class RecordingJobLogger implements JobLogger {
  readonly infos: LogEntry[] = [];
  readonly errors: LogEntry[] = [];

  info(details: object, message: string): void {
    this.infos.push({ details, message });
  }

  error(details: object, message: string): void {
    this.errors.push({ details, message });
  }
}
