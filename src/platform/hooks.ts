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

/**
 * What changed among the inputs of the register's completeness check, by kind: the register refreshes the stored
 * summaries of exactly the activities these touch (a system → the activities using it; a vendor → the activities
 * whose recipients or systems, their locations' providers included, involve it or its sub-processor chain; a
 * member → the activities they own; `wholeOrganisation` → every activity).
 */
export interface RegisterInputs {
  activityIds?: readonly string[];
  systemIds?: readonly string[];
  vendorIds?: readonly string[];
  dataCategoryIds?: readonly string[];
  subjectCategoryIds?: readonly string[];
  memberIds?: readonly string[];
  wholeOrganisation?: boolean;
}

/** The events modules announce. */
export interface AppEvents extends Record<string, unknown> {
  'organisation.created': { orgId: string };
  /** Emitted inside the transaction of every change to an input of the register's completeness check. */
  'register.inputs_changed': { orgId: string; changed: RegisterInputs };
  /** Before a connector or one of its record types is deleted: a module that depends on it may refuse (conflict). */
  'connectors.deleting': { orgId: string; connectorId: string; recordTypeIds: readonly string[] };
}
