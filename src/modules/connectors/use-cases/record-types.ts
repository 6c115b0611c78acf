import { ConnectorError, type RecordTypeCheck } from '../../../connectors/connector.ts';
import { recordAudit } from '../../../platform/audit/writer.ts';
import type { AppContext } from '../../../platform/context.ts';
import { inTransaction } from '../../../platform/db/transaction.ts';
import { invalidField, invalidFields, notFound } from '../../../platform/errors.ts';
import type { OrgScope } from '../../../platform/http/access.ts';
import type { TCreateRecordTypeRequest, TRecordType, TUpdateRecordTypeRequest } from '../contract.ts';
import { withConnector } from '../service.ts';
import * as store from '../store.ts';

type CheckColumns = Pick<
  store.RecordTypeRow,
  'lastCheckAt' | 'lastCheckOk' | 'lastCheckCode' | 'lastCheckDetail' | 'lastCheckResult'
>;

function present(row: store.RecordTypeRow): TRecordType {
  const result = row.lastCheckResult ?? { problems: [], fields: [] };
  return {
    id: row.id,
    connectorId: row.connectorId,
    name: row.name,
    definition: row.definition as TRecordType['definition'],
    lastCheck: row.lastCheckAt
      ? {
          at: row.lastCheckAt.toISOString(),
          isOk: row.lastCheckOk === true,
          code: row.lastCheckCode as NonNullable<TRecordType['lastCheck']>['code'],
          detail: row.lastCheckDetail,
          problems: result.problems as NonNullable<TRecordType['lastCheck']>['problems'],
          fields: result.fields as NonNullable<TRecordType['lastCheck']>['fields'],
        }
      : null,
    createdAt: row.createdAt.toISOString(),
    updatedAt: row.updatedAt.toISOString(),
  };
}

/**
 * Validates a definition with the connector kind's schema and checks it against the live store. Names the store
 * does not have are refused as field errors; a store that cannot be asked (down, wrong password) is recorded on the
 * record type, which is then saved unchecked: a provider may set up a client before the firewall opens.
 */
async function checkedDefinition(
  ctx: AppContext,
  scope: OrgScope,
  connectorId: string,
  definition: unknown,
): Promise<{ definition: Record<string, unknown>; check: CheckColumns }> {
  return withConnector(ctx, scope, connectorId, async (connector, manifest) => {
    const parsed = manifest.recordTypeSchema.safeParse(definition);
    if (!parsed.success) {
      throw invalidFields(
        parsed.error.issues.map((issue) => ({ path: ['definition', ...issue.path].join('.'), code: 'invalid_value' })),
      );
    }
    const at = ctx.clock.now();
    let result: RecordTypeCheck;
    try {
      result = await connector.checkRecordType(parsed.data);
    } catch (error) {
      if (!(error instanceof ConnectorError)) throw error;
      const check = { lastCheckAt: at, lastCheckOk: false, lastCheckCode: error.code, lastCheckDetail: error.detail };
      return { definition: parsed.data as Record<string, unknown>, check: { ...check, lastCheckResult: null } };
    }
    if (!result.ok) {
      throw invalidFields(
        result.problems.map((problem) => ({
          path: `definition.${problem.path}`,
          code: `record_type_${problem.code}`,
          params: { name: problem.name },
        })),
      );
    }
    return {
      definition: parsed.data as Record<string, unknown>,
      check: {
        lastCheckAt: at,
        lastCheckOk: true,
        lastCheckCode: null,
        lastCheckDetail: '',
        lastCheckResult: { problems: [], fields: result.fields },
      },
    };
  });
}

async function findOrFail(ctx: AppContext, scope: OrgScope, connectorId: string, id: string) {
  const row = await store.findRecordType(ctx.db, scope.orgId, id);
  if (!row || row.connectorId !== connectorId) throw notFound('record_type_not_found');
  return row;
}

export async function listRecordTypes(ctx: AppContext, scope: OrgScope, connectorId: string) {
  if (!(await store.findConnector(ctx.db, scope.orgId, connectorId))) throw notFound('connector_not_found');
  return { items: (await store.listRecordTypes(ctx.db, scope.orgId, connectorId)).map(present) };
}

export async function getRecordType(ctx: AppContext, scope: OrgScope, connectorId: string, id: string) {
  return present(await findOrFail(ctx, scope, connectorId, id));
}

export async function createRecordType(
  ctx: AppContext,
  scope: OrgScope,
  connectorId: string,
  input: TCreateRecordTypeRequest,
): Promise<TRecordType> {
  const { definition, check } = await checkedDefinition(ctx, scope, connectorId, input.definition);
  const row = await inTransaction(ctx.db, async (tx) => {
    if (await store.isRecordTypeNameTaken(tx, scope.orgId, connectorId, input.name)) {
      throw invalidField('name', 'name_taken');
    }
    const inserted = await store.insertRecordType(tx, {
      orgId: scope.orgId,
      connectorId,
      name: input.name,
      definition,
      ...check,
    });
    await recordAudit(tx, ctx.clock.now(), {
      orgId: scope.orgId,
      actor: scope.actor,
      action: 'record_type.created',
      target: { type: 'record_type', id: inserted.id, name: inserted.name },
      data: { connectorId },
    });
    return inserted;
  });
  return present(row);
}

export async function updateRecordType(
  ctx: AppContext,
  scope: OrgScope,
  connectorId: string,
  id: string,
  input: TUpdateRecordTypeRequest,
): Promise<TRecordType> {
  const current = await findOrFail(ctx, scope, connectorId, id);
  const checked = input.definition ? await checkedDefinition(ctx, scope, connectorId, input.definition) : null;
  const isDefinitionChanged =
    checked !== null && JSON.stringify(checked.definition) !== JSON.stringify(current.definition);
  const fields = [
    ...(isDefinitionChanged ? ['definition'] : []),
    ...(input.name !== undefined && input.name !== current.name ? ['name'] : []),
  ];
  if (fields.length === 0) return present(current);
  await inTransaction(ctx.db, async (tx) => {
    if (input.name && (await store.isRecordTypeNameTaken(tx, scope.orgId, connectorId, input.name, id))) {
      throw invalidField('name', 'name_taken');
    }
    await store.updateRecordType(tx, scope.orgId, id, {
      name: input.name ?? current.name,
      ...(checked ? { definition: checked.definition, ...checked.check } : {}),
      updatedAt: ctx.clock.now(),
    });
    await recordAudit(tx, ctx.clock.now(), {
      orgId: scope.orgId,
      actor: scope.actor,
      action: 'record_type.updated',
      target: { type: 'record_type', id, name: input.name ?? current.name },
      data: { fields },
    });
  });
  return getRecordType(ctx, scope, connectorId, id);
}

export async function deleteRecordType(ctx: AppContext, scope: OrgScope, connectorId: string, id: string) {
  const current = await findOrFail(ctx, scope, connectorId, id);
  await inTransaction(ctx.db, async (tx) => {
    await ctx.hooks.emit('connectors.deleting', tx, { orgId: scope.orgId, connectorId, recordTypeIds: [id] });
    await store.deleteRecordType(tx, scope.orgId, id);
    await recordAudit(tx, ctx.clock.now(), {
      orgId: scope.orgId,
      actor: scope.actor,
      action: 'record_type.deleted',
      target: { type: 'record_type', id, name: current.name },
      data: { connectorId },
    });
  });
}

/** Checks a saved record type against the live store again (a column may have been dropped since). */
export async function checkRecordType(ctx: AppContext, scope: OrgScope, connectorId: string, id: string) {
  const current = await findOrFail(ctx, scope, connectorId, id);
  const check = await withConnector(ctx, scope, connectorId, async (connector): Promise<CheckColumns> => {
    const at = ctx.clock.now();
    try {
      const result = await connector.checkRecordType(current.definition);
      return result.ok
        ? {
            lastCheckAt: at,
            lastCheckOk: true,
            lastCheckCode: null,
            lastCheckDetail: '',
            lastCheckResult: { problems: [], fields: result.fields },
          }
        : {
            lastCheckAt: at,
            lastCheckOk: false,
            lastCheckCode: 'schema_changed',
            lastCheckDetail: '',
            lastCheckResult: { problems: result.problems, fields: [] },
          };
    } catch (error) {
      if (!(error instanceof ConnectorError)) throw error;
      return {
        lastCheckAt: at,
        lastCheckOk: false,
        lastCheckCode: error.code,
        lastCheckDetail: error.detail,
        lastCheckResult: null,
      };
    }
  });
  await store.updateRecordType(ctx.db, scope.orgId, id, check);
  return getRecordType(ctx, scope, connectorId, id);
}
