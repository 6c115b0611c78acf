import { z } from 'zod';
import { CONNECTOR_FAILURE_CODES, CONNECTOR_KINDS } from '../../connectors/connector.ts';

/**
 * Connectors as the API shows them: the stores an organisation lets privacydesk reach (a CRM database, a mailbox,
 * a file share, an API), and the record types defined on each. Settings are validated per kind by the connector's
 * own manifest in the service; secrets (passwords, API keys) are write-only: the API says whether one is set.
 */

export const ZConnectorKind = z.enum(CONNECTOR_KINDS);
export const ZConnectorFailureCode = z.enum(CONNECTOR_FAILURE_CODES);

const settingValue = z.union([z.string().max(2000), z.number(), z.boolean(), z.null()]);
/** Connection settings as sent: kind-specific fields, checked against the kind's schema by the service. */
export const ZConnectorSettings = z.record(z.string().max(100), settingValue);

/** A store kind this installation can reach: what it can do, and the JSON Schemas the forms are built from. */
export const ZConnectorKindInfo = z.object({
  kind: ZConnectorKind,
  configVersion: z.number().int(),
  capabilities: z.object({
    canIntrospect: z.boolean(),
    canDelete: z.boolean(),
    canAnonymise: z.boolean(),
    canRead: z.boolean(),
    canWrite: z.boolean(),
    canFindSubject: z.boolean(),
  }),
  secretFields: z.array(z.string()),
  settingsSchema: z.record(z.string(), z.unknown()),
  recordTypeSchema: z.record(z.string(), z.unknown()),
});
export const ZConnectorKindList = z.object({ items: z.array(ZConnectorKindInfo) });

export const ZConnectorCheck = z.object({
  at: z.iso.datetime(),
  isOk: z.boolean(),
  code: ZConnectorFailureCode.nullable(),
  detail: z.string(),
  serverVersion: z.string().nullable(),
});
export type TConnectorCheck = z.infer<typeof ZConnectorCheck>;

export const ZConnector = z.object({
  id: z.uuid(),
  name: z.string(),
  kind: ZConnectorKind,
  /** The register's system this connector reaches: how the register knows which systems are enforced. */
  system: z.object({ id: z.uuid(), name: z.string() }).nullable(),
  /** Settings without secrets. */
  settings: ZConnectorSettings,
  /** For each secret field of the kind: whether a value is stored (values are never returned). */
  secrets: z.record(z.string(), z.boolean()),
  lastCheck: ZConnectorCheck.nullable(),
  recordTypeCount: z.number().int(),
  createdAt: z.iso.datetime(),
  updatedAt: z.iso.datetime(),
});
export type TConnector = z.infer<typeof ZConnector>;
export const ZConnectorList = z.object({ items: z.array(ZConnector) });

const name = z.string().trim().min(1, { error: 'validation.required' }).max(100);

export const ZCreateConnectorRequest = z.strictObject({
  name,
  kind: ZConnectorKind,
  systemId: z.uuid().nullable().default(null),
  /** Every setting of the kind, secrets included. */
  settings: ZConnectorSettings,
});
export type TCreateConnectorRequest = z.output<typeof ZCreateConnectorRequest>;

export const ZUpdateConnectorRequest = z
  .strictObject({
    name: name.optional(),
    systemId: z.uuid().nullable().optional(),
    /** Settings to change; a secret left out (or null) keeps the stored one. */
    settings: ZConnectorSettings.optional(),
  })
  .refine((value) => Object.keys(value).length > 0, { error: 'validation.nothing_to_change' });
export type TUpdateConnectorRequest = z.output<typeof ZUpdateConnectorRequest>;

const fieldType = z.enum(['timestamptz', 'timestamp', 'date', 'text', 'number', 'boolean', 'other']);
export const ZFieldInfo = z.object({
  name: z.string(),
  type: fieldType,
  storeType: z.string(),
  isNullable: z.boolean(),
});

/** The store's structure, for the record-type form (tables and columns, folders, directories). */
export const ZIntrospection = z.discriminatedUnion('kind', [
  z.object({
    kind: z.literal('tables'),
    tables: z.array(
      z.object({
        schema: z.string().nullable(),
        name: z.string(),
        primaryKey: z.array(z.string()),
        fields: z.array(ZFieldInfo),
      }),
    ),
  }),
  z.object({
    kind: z.literal('folders'),
    folders: z.array(z.object({ path: z.string(), specialUse: z.string().nullable(), messages: z.number().int() })),
  }),
  z.object({ kind: z.literal('directories'), directories: z.array(z.string()) }),
  z.object({ kind: z.literal('none') }),
]);

export const ZIntrospectionResult = z.discriminatedUnion('isOk', [
  z.object({ isOk: z.literal(true), structure: ZIntrospection }),
  z.object({ isOk: z.literal(false), code: ZConnectorFailureCode, detail: z.string() }),
]);

/**
 * A record type's definition as sent: kind-specific (a table and its columns, folders, a directory and pattern),
 * validated by the connector kind's own schema in the service.
 */
export const ZRecordTypeDefinition = z.record(z.string().max(100), z.unknown());

export const ZRecordTypeProblem = z.object({
  path: z.string(),
  code: z.enum(['missing', 'wrong_type', 'no_permission']),
  name: z.string(),
});

export const ZRecordTypeCheck = z.object({
  at: z.iso.datetime(),
  isOk: z.boolean(),
  /** Why the store could not be asked (unreachable, auth_failed, …); null when it answered. */
  code: ZConnectorFailureCode.nullable(),
  detail: z.string(),
  problems: z.array(ZRecordTypeProblem),
  fields: z.array(ZFieldInfo),
});

export const ZRecordType = z.object({
  id: z.uuid(),
  connectorId: z.uuid(),
  name: z.string(),
  definition: ZRecordTypeDefinition,
  lastCheck: ZRecordTypeCheck.nullable(),
  createdAt: z.iso.datetime(),
  updatedAt: z.iso.datetime(),
});
export type TRecordType = z.infer<typeof ZRecordType>;
export const ZRecordTypeList = z.object({ items: z.array(ZRecordType) });

export const ZCreateRecordTypeRequest = z.strictObject({ name, definition: ZRecordTypeDefinition });
export type TCreateRecordTypeRequest = z.output<typeof ZCreateRecordTypeRequest>;
export const ZUpdateRecordTypeRequest = z
  .strictObject({ name: name.optional(), definition: ZRecordTypeDefinition.optional() })
  .refine((value) => Object.keys(value).length > 0, { error: 'validation.nothing_to_change' });
export type TUpdateRecordTypeRequest = z.output<typeof ZUpdateRecordTypeRequest>;
