import path from 'node:path';
import { z } from 'zod';
import type { CheckResult, Connector, ConnectorManifest } from '../../connectors/connector.ts';
import { ConnectorError } from '../../connectors/connector.ts';
import { availableConnectorKinds, connectorManifest } from '../../connectors/registry.ts';
import { recordAudit } from '../../platform/audit/writer.ts';
import type { AppContext } from '../../platform/context.ts';
import { inTransaction } from '../../platform/db/transaction.ts';
import { invalidField, invalidFields, notFound } from '../../platform/errors.ts';
import type { OrgScope } from '../../platform/http/access.ts';
import { type IssueLike, toFieldErrors } from '../../platform/validation.ts';
import * as inventory from '../inventory/service.ts';
import type { TConnector, TConnectorCheck, TCreateConnectorRequest, TUpdateConnectorRequest } from './contract.ts';
import { changedSettings, mergeSettings, type Settings, secretPresence, splitSecrets, underPath } from './rules.ts';
import * as store from './store.ts';

/** How long one operation on an external store may take before it counts as `timeout`. */
const OPERATION_TIMEOUT_MS = 15_000;

function manifestOf(kind: string): ConnectorManifest {
  const manifest = connectorManifest(kind as ConnectorManifest['kind']);
  if (!manifest) throw invalidField('kind', 'connector_kind_unavailable', { kind });
  return manifest;
}

/** Validates with a kind's own schema; its issues become field errors under `path` (`settings`, `definition`). */
function parseWith<T>(schema: z.ZodType<T>, input: unknown, path: string): T {
  const result = schema.safeParse(input);
  if (result.success) return result.data;
  throw invalidFields(
    underPath(
      path,
      result.error.issues.flatMap((issue) => toFieldErrors(issue as unknown as IssueLike, input)),
    ),
  );
}

function openSecrets(ctx: AppContext, row: store.ConnectorRow): Record<string, string> {
  return row.secretsSealed ? (JSON.parse(ctx.secrets.open(row.secretsSealed)) as Record<string, string>) : {};
}

function sealSecrets(ctx: AppContext, secrets: Record<string, string>): string | null {
  return Object.keys(secrets).length > 0 ? ctx.secrets.seal(JSON.stringify(secrets)) : null;
}

function presentCheck(row: {
  lastCheckAt: Date | null;
  lastCheckOk: boolean | null;
  lastCheckCode: string | null;
  lastCheckDetail: string;
}) {
  if (!row.lastCheckAt) return null;
  return {
    at: row.lastCheckAt.toISOString(),
    isOk: row.lastCheckOk === true,
    code: row.lastCheckCode as TConnectorCheck['code'],
    detail: row.lastCheckDetail,
  };
}

function present(
  ctx: AppContext,
  found: store.ConnectorWithCounts,
  systemNames: ReadonlyMap<string, string>,
): TConnector {
  const { connector: row } = found;
  const systemName = row.systemId ? systemNames.get(row.systemId) : undefined;
  const manifest = connectorManifest(row.kind as ConnectorManifest['kind']);
  const check = presentCheck(row);
  return {
    id: row.id,
    name: row.name,
    kind: row.kind as TConnector['kind'],
    system: row.systemId && systemName ? { id: row.systemId, name: systemName } : null,
    settings: row.settings as TConnector['settings'],
    secrets: secretPresence(manifest?.secretFields ?? [], openSecrets(ctx, row)),
    lastCheck: check ? { ...check, serverVersion: row.lastCheckServerVersion } : null,
    recordTypeCount: found.recordTypeCount,
    createdAt: row.createdAt.toISOString(),
    updatedAt: row.updatedAt.toISOString(),
  };
}

async function findOrFail(ctx: AppContext, scope: OrgScope, id: string) {
  const found = await store.findConnector(ctx.db, scope.orgId, id);
  if (!found) throw notFound('connector_not_found');
  return found;
}

/** The kinds this installation can reach, with their capabilities and the JSON Schemas of their forms. */
export function listConnectorKinds() {
  return {
    items: availableConnectorKinds().map((kind) => {
      const manifest = manifestOf(kind);
      return {
        kind,
        configVersion: manifest.configVersion,
        capabilities: manifest.capabilities,
        secretFields: [...manifest.secretFields],
        settingsSchema: z.toJSONSchema(manifest.configSchema, { io: 'input', unrepresentable: 'any' }) as Record<
          string,
          unknown
        >,
        recordTypeSchema: z.toJSONSchema(manifest.recordTypeSchema, { io: 'input', unrepresentable: 'any' }) as Record<
          string,
          unknown
        >,
      };
    }),
  };
}

/** The names of the register systems the connectors reach. */
async function systemNamesOf(ctx: AppContext, scope: OrgScope, rows: readonly store.ConnectorWithCounts[]) {
  const ids = [...new Set(rows.flatMap(({ connector }) => (connector.systemId ? [connector.systemId] : [])))];
  const found = ids.length > 0 ? await inventory.systemsOfOrg(ctx.db, scope.orgId, ids) : [];
  return new Map(found.map((system) => [system.id, system.name]));
}

export async function listConnectors(ctx: AppContext, scope: OrgScope) {
  const rows = await store.listConnectors(ctx.db, scope.orgId);
  const systemNames = await systemNamesOf(ctx, scope, rows);
  return { items: rows.map((row) => present(ctx, row, systemNames)) };
}

export async function getConnector(ctx: AppContext, scope: OrgScope, id: string): Promise<TConnector> {
  const row = await findOrFail(ctx, scope, id);
  return present(ctx, row, await systemNamesOf(ctx, scope, [row]));
}

/**
 * What the operator allows beyond the kind's schema: a files connector reaches only directories inside
 * FILES_CONNECTOR_ROOTS, and never the data directory (its database and key file). Other organisations' folders and
 * the server's own files stay out of reach of an organisation's privacy officer.
 */
function assertAllowedByOperator(ctx: AppContext, kind: string, settings: Settings) {
  if (kind !== 'files') return;
  const root = path.resolve(String(settings.root ?? ''));
  const isInside = (parent: string) => root === parent || root.startsWith(`${parent}${path.sep}`);
  const dataDir = ctx.config.dataDir;
  if (!ctx.config.filesConnectorRoots.some(isInside) || isInside(dataDir) || dataDir.startsWith(`${root}${path.sep}`)) {
    throw invalidField('settings.root', 'connector_root_not_allowed', {
      roots: ctx.config.filesConnectorRoots.join(', ') || '—',
    });
  }
}

export async function createConnector(ctx: AppContext, scope: OrgScope, input: TCreateConnectorRequest) {
  const manifest = manifestOf(input.kind);
  const settings = parseWith(manifest.configSchema, input.settings, 'settings') as Settings;
  assertAllowedByOperator(ctx, input.kind, settings);
  const { visible, secrets } = splitSecrets(settings, manifest.secretFields);
  const id = await inTransaction(ctx.db, async (tx) => {
    if (await store.isConnectorNameTaken(tx, scope.orgId, input.name)) throw invalidField('name', 'name_taken');
    if (input.systemId) await inventory.assertSystemsOfOrg(tx, scope.orgId, [input.systemId], 'systemId');
    const row = await store.insertConnector(tx, {
      orgId: scope.orgId,
      name: input.name,
      kind: input.kind,
      configVersion: manifest.configVersion,
      settings: visible,
      secretsSealed: sealSecrets(ctx, secrets),
      systemId: input.systemId,
    });
    await recordAudit(tx, ctx.clock.now(), {
      orgId: scope.orgId,
      actor: scope.actor,
      action: 'connector.created',
      target: { type: 'connector', id: row.id, name: row.name },
      data: { kind: input.kind, systemId: input.systemId },
    });
    return row.id;
  });
  return getConnector(ctx, scope, id);
}

export async function updateConnector(ctx: AppContext, scope: OrgScope, id: string, input: TUpdateConnectorRequest) {
  await inTransaction(ctx.db, async (tx) => {
    const { connector: row } = (await store.findConnector(tx, scope.orgId, id)) ?? { connector: undefined };
    if (!row) throw notFound('connector_not_found');
    const manifest = manifestOf(row.kind);
    const stored = { visible: row.settings, secrets: openSecrets(ctx, row) };
    const merged = mergeSettings(stored, input.settings ?? {}, manifest.secretFields);
    const settings = parseWith(manifest.configSchema, merged, 'settings') as Settings;
    assertAllowedByOperator(ctx, row.kind, settings);
    const { visible, secrets } = splitSecrets(settings, manifest.secretFields);
    if (input.name && (await store.isConnectorNameTaken(tx, scope.orgId, input.name, id))) {
      throw invalidField('name', 'name_taken');
    }
    if (input.systemId) await inventory.assertSystemsOfOrg(tx, scope.orgId, [input.systemId], 'systemId');
    const fields = [
      ...(input.name !== undefined && input.name !== row.name ? ['name'] : []),
      ...(input.systemId !== undefined && input.systemId !== row.systemId ? ['systemId'] : []),
    ];
    const settingNames = changedSettings({ ...stored.visible, ...stored.secrets }, settings, manifest.secretFields);
    const secretNames = settingNames.filter((field) => manifest.secretFields.includes(field));
    if (settingNames.length > secretNames.length) fields.push('settings');
    if (secretNames.length > 0) fields.push('secret');
    if (fields.length === 0) return;
    await store.updateConnector(tx, scope.orgId, id, {
      name: input.name ?? row.name,
      systemId: input.systemId === undefined ? row.systemId : input.systemId,
      settings: visible,
      secretsSealed: sealSecrets(ctx, secrets),
      configVersion: manifest.configVersion,
      updatedAt: ctx.clock.now(),
    });
    await recordAudit(tx, ctx.clock.now(), {
      orgId: scope.orgId,
      actor: scope.actor,
      action: 'connector.updated',
      target: { type: 'connector', id, name: input.name ?? row.name },
      data: { fields, settings: settingNames },
    });
  });
  return getConnector(ctx, scope, id);
}

export async function deleteConnector(ctx: AppContext, scope: OrgScope, id: string): Promise<void> {
  await inTransaction(ctx.db, async (tx) => {
    const found = await store.findConnector(tx, scope.orgId, id);
    if (!found) throw notFound('connector_not_found');
    const recordTypeIds = (await store.listRecordTypes(tx, scope.orgId, id)).map((recordType) => recordType.id);
    await ctx.hooks.emit('connectors.deleting', tx, { orgId: scope.orgId, connectorId: id, recordTypeIds });
    await store.deleteConnector(tx, scope.orgId, id);
    await recordAudit(tx, ctx.clock.now(), {
      orgId: scope.orgId,
      actor: scope.actor,
      action: 'connector.deleted',
      target: { type: 'connector', id, name: found.connector.name },
      data: { kind: found.connector.kind },
    });
  });
}

/** A connection to the connector's store, with its manifest; closed when `work` ends, whatever happens. */
export async function withConnector<T>(
  ctx: AppContext,
  scope: OrgScope,
  connectorId: string,
  work: (connector: Connector<unknown>, manifest: ConnectorManifest) => Promise<T>,
): Promise<T> {
  const { connector: row } = await findOrFail(ctx, scope, connectorId);
  const manifest = manifestOf(row.kind);
  const stored = { visible: row.settings, secrets: openSecrets(ctx, row) };
  const config = manifest.configSchema.parse(mergeSettings(stored, {}, manifest.secretFields));
  const connector = manifest.open(config, { timeoutMs: OPERATION_TIMEOUT_MS });
  try {
    return await work(connector, manifest);
  } finally {
    await connector.close().catch(() => {});
  }
}

/** A record type with an open connection to its store; closed when `work` ends. */
export async function withRecordType<T>(
  ctx: AppContext,
  scope: OrgScope,
  recordTypeId: string,
  work: (opened: {
    connector: Connector<unknown>;
    manifest: ConnectorManifest;
    recordType: store.RecordTypeRow;
    definition: unknown;
  }) => Promise<T>,
): Promise<T> {
  const recordType = await store.findRecordType(ctx.db, scope.orgId, recordTypeId);
  if (!recordType) throw notFound('record_type_not_found');
  return withConnector(ctx, scope, recordType.connectorId, (connector, manifest) =>
    work({ connector, manifest, recordType, definition: manifest.recordTypeSchema.parse(recordType.definition) }),
  );
}

/** Record types by id with their connector's kind and name, for presenting policies. */
export async function recordTypeNames(ctx: AppContext, scope: OrgScope, ids: readonly string[]) {
  const rows = await store.findRecordTypes(ctx.db, scope.orgId, [...new Set(ids)]);
  return new Map(rows.map((row) => [row.id, row]));
}

/** The register system each record type's connector reaches (null: not linked), by record type id. */
export async function systemsOfRecordTypes(ctx: AppContext, scope: OrgScope): Promise<Map<string, string | null>> {
  const rows = await store.recordTypeConnectorSystems(ctx.db, scope.orgId);
  return new Map(rows.map((row) => [row.recordTypeId, row.systemId]));
}

/** Asks the store whether it answers with these settings, and keeps the answer on the connector. */
export async function checkConnector(ctx: AppContext, scope: OrgScope, id: string): Promise<TConnectorCheck> {
  const result: CheckResult = await withConnector(ctx, scope, id, (connector) => connector.check());
  const at = ctx.clock.now();
  const values = result.ok
    ? { lastCheckOk: true, lastCheckCode: null, lastCheckDetail: '', lastCheckServerVersion: result.serverVersion }
    : { lastCheckOk: false, lastCheckCode: result.code, lastCheckDetail: result.detail, lastCheckServerVersion: null };
  await store.updateConnector(ctx.db, scope.orgId, id, { lastCheckAt: at, ...values });
  return {
    at: at.toISOString(),
    isOk: values.lastCheckOk,
    code: values.lastCheckCode as TConnectorCheck['code'],
    detail: values.lastCheckDetail,
    serverVersion: values.lastCheckServerVersion,
  };
}

/** The store's tables, folders or directories, to help define record types; a failure is an answer, not an error. */
export async function introspectConnector(ctx: AppContext, scope: OrgScope, id: string) {
  return withConnector(ctx, scope, id, async (connector) => {
    try {
      return { isOk: true as const, structure: await connector.introspect() };
    } catch (error) {
      if (error instanceof ConnectorError) return { isOk: false as const, code: error.code, detail: error.detail };
      throw error;
    }
  });
}

export * from './use-cases/record-types.ts';
