import type { z } from 'zod';

/**
 * The one interface every store kind implements (../shared/DESIGN.md, "Connectors"). A connector reaches one
 * external store (a database, a mailbox, a directory, an HTTP API) with the settings an organisation configured.
 * What it works on is a **record type**: a table with its key, identity and timestamp columns; mailbox folders; a
 * directory and a file pattern; an API's list and delete endpoints. Work is streamed in bounded batches.
 *
 * Connectors know nothing of policies, holds or periods: the retention and request modules turn those into a
 * `Selection` (a cut-off on one timestamp field, structured conditions and exclusions) and call these methods.
 * Names of tables, columns and folders are checked against the live store and quoted; values are parameters.
 */

export const CONNECTOR_KINDS = ['postgres', 'mysql', 'imap', 'files', 'http'] as const;
export type ConnectorKind = (typeof CONNECTOR_KINDS)[number];

/** What a connector can do; the UI and the policy form offer only these. */
export interface ConnectorCapabilities {
  /** Lists the store's structure (tables and columns, folders, directories) to help define record types. */
  canIntrospect: boolean;
  canDelete: boolean;
  /** Overwrites named fields of a record (columns set to NULL or a fixed value). */
  canAnonymise: boolean;
  /** Returns whole records, for an archive copy or a data-subject export. */
  canRead: boolean;
  /** Accepts copies of records (the target of an archive action). */
  canWrite: boolean;
  /** Finds records by a person's identity (e-mail, phone, name, customer number, IBAN, BSN). */
  canFindSubject: boolean;
}

/** Why an operation on an external store failed. Every code has a localised message in the web UI and the CLI. */
export const CONNECTOR_FAILURE_CODES = [
  'unreachable', // connection refused, no route, DNS
  'timeout',
  'auth_failed',
  'permission_denied',
  'schema_changed', // a table, column or folder of the record type is gone or changed type
  'not_found', // the database, mailbox or directory itself does not exist
  'rate_limited',
  'invalid_response', // the store answered something the connector cannot use
  'failed', // anything else
] as const;
export type ConnectorFailureCode = (typeof CONNECTOR_FAILURE_CODES)[number];

/**
 * A failure of the external store. `detail` is the driver's technical message with credentials and values
 * removed: safe to show to the organisation's privacy officer and to log. `isRetrySafe` says whether the same call
 * may simply be repeated (a timeout before anything was sent, a 429).
 */
export class ConnectorError extends Error {
  constructor(
    readonly code: ConnectorFailureCode,
    readonly detail: string,
    readonly isRetrySafe = false,
  ) {
    super(`${code}: ${detail}`);
    this.name = 'ConnectorError';
  }
}

export type CheckResult =
  | { ok: true; serverVersion: string | null; latencyMs: number }
  | { ok: false; code: ConnectorFailureCode; detail: string };

/** The type of a field as far as comparisons go; decides how a cut-off is compared with it. */
export type FieldType =
  | 'timestamptz' // an instant: compared with the cut-off instant
  | 'timestamp' // wall-clock date and time without zone (PostgreSQL timestamp, MySQL DATETIME/TIMESTAMP as read)
  | 'date' // a calendar date
  | 'text'
  | 'number'
  | 'boolean'
  | 'other';

export interface FieldInfo {
  name: string;
  type: FieldType;
  /** The store's own type name (`timestamp without time zone`, `datetime(3)`), for the UI. */
  storeType: string;
  isNullable: boolean;
}

/** The store's structure, for the record-type form. */
export type Introspection =
  | { kind: 'tables'; tables: { schema: string | null; name: string; primaryKey: string[]; fields: FieldInfo[] }[] }
  | { kind: 'folders'; folders: { path: string; specialUse: string | null; messages: number }[] }
  | { kind: 'directories'; directories: string[] }
  | { kind: 'none' };

export type RecordTypeCheck =
  | { ok: true; fields: FieldInfo[] }
  | { ok: false; problems: { path: string; code: 'missing' | 'wrong_type' | 'no_permission'; name: string }[] };

/**
 * A moment to compare with, computed in Europe/Amsterdam by the caller. A record matches when its timestamp is
 * strictly before the cut-off. `localDateTime` (`2025-12-03T00:00:00`) is the same moment on the Amsterdam wall
 * clock, for zone-less columns; `localDate` (`2025-12-03`) for date columns (cut-offs fall on midnight).
 */
export interface Cutoff {
  instant: Date;
  localDateTime: string;
  localDate: string;
}

export const FILTER_OPERATORS = [
  'eq',
  'ne',
  'lt',
  'lte',
  'gt',
  'gte',
  'in',
  'not_in',
  'is_null',
  'is_not_null',
  'contains', // text contains (case-insensitive); for IMAP flags: has the flag
] as const;
export type FilterOperator = (typeof FILTER_OPERATORS)[number];
export type FilterValue = string | number | boolean | null;

/** A structured condition on one field: never raw SQL. `value` is an array for `in`/`not_in`, absent for null checks. */
export interface Filter {
  field: string;
  operator: FilterOperator;
  value?: FilterValue | readonly FilterValue[];
}

/**
 * A filter on this pseudo-field compares with the record's opaque key (`FoundRecord.key`) instead of a stored field:
 * how a legal hold on records excludes them (`{ field: RECORD_KEY_FIELD, operator: 'in', value: keys }`). Only
 * `in` and `not_in` are used with it; the name cannot clash with a column, folder or file attribute.
 */
export const RECORD_KEY_FIELD = '$key';

/**
 * Which records a call works on: those whose `timestampField` is before `cutoff` (a NULL timestamp never matches;
 * no cut-off means every record), that meet every condition, and that meet none of the exclusion groups (each
 * group is a conjunction: a hold, an already-anonymised marker).
 */
export interface Selection {
  timestampField?: string;
  cutoff?: Cutoff;
  conditions: readonly Filter[];
  exclusions: readonly (readonly Filter[])[];
}

/**
 * What a record type's identity field holds. Discovery searches every kind but `other` (shown masked, never
 * matched); legal holds on a person use e-mail, phone and name.
 */
export const IDENTITY_FIELD_KINDS = ['email', 'phone', 'name', 'customer_number', 'iban', 'bsn', 'other'] as const;
export type IdentityFieldKind = (typeof IDENTITY_FIELD_KINDS)[number];
export type SubjectIdentityKind = Exclude<IdentityFieldKind, 'other'>;

/** Why findSubject() returned a record: this field held a value of this kind of the person's identity. */
export interface SubjectMatch {
  field: string;
  kind: SubjectIdentityKind;
}

/** A record as a run or a preview sees it: its key, its timestamp and its identity fields (for a masked sample). */
export interface FoundRecord {
  /** Opaque, stable, unique within the record type (a primary key, `folder/uidvalidity/uid`, a relative path). */
  key: string;
  timestamp: string | null;
  identity: Record<string, string | null>;
  /** Set by findSubject(): every field (column, header, `content`, `body`) that held one of the person's values. */
  matchedBy?: SubjectMatch[];
}

export interface RecordBatch {
  records: FoundRecord[];
  /** Pass as `after` to continue behind this batch (keyset pagination). */
  cursor: string;
}

/** A whole record, for an archive copy or an export. Binary content is base64 in a field the connector names. */
export interface StoredRecord {
  key: string;
  fields: Record<string, FilterValue>;
}

/**
 * A person as the requests module looks for them: src/modules/requests/identities.ts (`expandIdentity`) validates
 * the values and expands each kind into the forms stores hold. E-mail addresses and names are compared
 * case-insensitively; every other list holds the exact forms to compare with (`06-12345678`, `+31612345678`, …).
 */
export interface SubjectIdentity {
  emails: readonly string[];
  phones: readonly string[];
  names: readonly string[];
  customerNumbers?: readonly string[];
  ibans?: readonly string[];
  bsns?: readonly string[];
}

export interface Connector<RecordType> {
  check(): Promise<CheckResult>;
  introspect(): Promise<Introspection>;
  /** Checks a record type against the live store: every named table, column, folder or directory exists. */
  checkRecordType(recordType: RecordType): Promise<RecordTypeCheck>;
  count(recordType: RecordType, selection: Selection): Promise<number>;
  /** The matching records in key order, `batchSize` at a time, starting behind `after`. */
  find(
    recordType: RecordType,
    selection: Selection,
    options: { batchSize: number; after?: string; signal?: AbortSignal },
  ): AsyncIterable<RecordBatch>;
  /** Deletes records by key; keys already gone are no error (a resumed run repeats its last batch). */
  delete(recordType: RecordType, keys: readonly string[]): Promise<{ deleted: number }>;
  /** Overwrites fields of records by key; repeating it is harmless. */
  anonymise(
    recordType: RecordType,
    keys: readonly string[],
    replacements: readonly { field: string; value: string | null }[],
  ): Promise<{ anonymised: number }>;
  read(recordType: RecordType, keys: readonly string[]): Promise<StoredRecord[]>;
  /**
   * Writes copies (an archive target). Idempotent per `sourceKey`: writing the same copy twice leaves one. Returns
   * the target keys in the order given.
   */
  write(
    recordType: RecordType,
    records: readonly { sourceKey: string; fields: StoredRecord['fields'] }[],
  ): Promise<string[]>;
  /**
   * Records holding one of the person's identities in a field of that kind (or, for mail and files, in the text),
   * each once, with `matchedBy`; at most `limit`.
   */
  findSubject(recordType: RecordType, identity: SubjectIdentity, options: { limit: number }): Promise<FoundRecord[]>;
  close(): Promise<void>;
}

export interface OpenOptions {
  /** Per operation; a slower store gives `timeout` and nothing half-done. */
  timeoutMs: number;
}

/**
 * A store kind: its id, capabilities, versioned settings schema (fields in `secretFields` are encrypted at rest
 * and never returned by the API) and record-type schema, and how to open a connection.
 */
export interface ConnectorManifest<Config = unknown, RecordType = unknown> {
  kind: ConnectorKind;
  configVersion: number;
  capabilities: ConnectorCapabilities;
  configSchema: z.ZodType<Config>;
  secretFields: readonly string[];
  recordTypeSchema: z.ZodType<RecordType>;
  /** Whether a failed delete/anonymise batch may be retried by the job queue (keyed, idempotent operations). */
  isRetrySafe: boolean;
  /**
   * Whether a run may ask find() for its next batch while the store still acts on the previous one (keyset
   * pagination: the keys ahead of the cursor never meet those behind it). Absent: one thing at a time.
   */
  findsAheadWhileActing?: boolean;
  /** The fields of a record type that hold a person's identity: legal holds on a person and discovery use them. */
  identityFields(recordType: RecordType): { field: string; kind: IdentityFieldKind }[];
  open(config: Config, options: OpenOptions): Connector<RecordType>;
}
