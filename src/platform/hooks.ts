import type { Database } from './db/database.ts';

type Listener<P> = (tx: Database, payload: P) => Promise<void>;

/**
 * Lets one module react to another's event inside the same transaction without importing it (organisation created
 * → default categories seeded). The event names and payloads are declared where the hooks are created (app.ts).
 */
export class Hooks<Events extends Record<string, unknown>> {
  readonly #listeners = new Map<keyof Events, Listener<never>[]>();

  on<E extends keyof Events>(event: E, listener: Listener<Events[E]>): void {
    const listeners = this.#listeners.get(event) ?? [];
    listeners.push(listener as Listener<never>);
    this.#listeners.set(event, listeners);
  }

  async emit<E extends keyof Events>(event: E, tx: Database, payload: Events[E]): Promise<void> {
    for (const listener of this.#listeners.get(event) ?? []) await (listener as Listener<Events[E]>)(tx, payload);
  }
}

/** The events modules announce. */
export interface AppEvents extends Record<string, unknown> {
  'organisation.created': { orgId: string };
}
