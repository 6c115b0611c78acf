import type { z } from 'zod';

/** What a kind of background work is: its queue name, payload schema, optional schedule and retry policy. */
export interface JobDefinition<S extends z.ZodType = z.ZodType> {
  /** Queue name: letters, digits, dots, dashes, e.g. `mail.deliver`. */
  name: string;
  payload: S;
  /** Cron expression (minute resolution) evaluated in Europe/Amsterdam; each slot runs once across all instances. */
  cron?: string;
  /**
   * pg-boss queue policy. `standard` (the default) keeps every job; `short` keeps one waiting job per singleton
   * key, so sending the same key twice before a worker takes it queues it once.
   */
  policy?: 'standard' | 'short';
  retryLimit?: number;
  /** Delay before the first retry; it doubles on every further retry (with jitter). */
  retryDelaySeconds?: number;
  expireInSeconds?: number;
}

export type JobPayload<D extends JobDefinition> = z.output<D['payload']>;

export interface JobContext {
  jobId: string;
  /** 1 on the first run, 2 on the first retry, and so on. */
  attempt: number;
}

/** The code that does a job; kept apart from its definition so senders need not import the handler's dependencies. */
export interface JobHandler<D extends JobDefinition = JobDefinition> {
  definition: D;
  handle(payload: JobPayload<D>, context: JobContext): Promise<void>;
}

export function defineJob<S extends z.ZodType>(definition: JobDefinition<S>): JobDefinition<S> {
  return definition;
}

export interface SendOptions {
  startAfterSeconds?: number;
  /** Only one job with this key waits in the queue at a time; needs a definition with policy `short`. */
  singletonKey?: string;
}

/** Puts work on the queue; any instance with workers may take it. */
export interface JobQueue {
  send<D extends JobDefinition>(definition: D, payload: JobPayload<D>, options?: SendOptions): Promise<string | null>;
}

/** A queue that only records what was sent: for API tests, where no worker should run. */
export class RecordingQueue implements JobQueue {
  readonly sent: { name: string; payload: unknown }[] = [];

  async send<D extends JobDefinition>(definition: D, payload: JobPayload<D>): Promise<string | null> {
    this.sent.push({ name: definition.name, payload: definition.payload.parse(payload) });
    return null;
  }
}
