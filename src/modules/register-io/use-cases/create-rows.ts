import type { AppContext } from '../../../platform/context.ts';
import type { Database } from '../../../platform/db/database.ts';
import { AppError } from '../../../platform/errors.ts';
import type { OrgScope } from '../../../platform/http/access.ts';
import * as inventory from '../../inventory/service.ts';
import * as register from '../../register/service.ts';
import * as vendors from '../../vendors/service.ts';
import { nameKey } from '../formats/cells.ts';
import { activityPosition } from '../import/activity-rows.ts';
import type { PathToColumn } from '../import/contract-errors.ts';
import type { RowError } from '../import/row-reader.ts';
import { systemPosition } from '../import/system-rows.ts';
import type { ValidatedImport } from '../import/validate-table.ts';
import { parentsFirst, vendorPosition } from '../import/vendor-rows.ts';

/** Thrown when a module refuses one row the import's checks passed: that row's errors, placed in the file. */
export class RowInsertError extends Error {
  constructor(readonly errors: RowError[]) {
    super('row refused');
  }
}

/** Runs one row's insert; a field error from the module becomes a row error in the matching column. */
async function insertRow<T>(
  row: number,
  headers: ReadonlyMap<string, string>,
  positionOf: PathToColumn,
  insert: () => Promise<T>,
): Promise<T> {
  try {
    return await insert();
  } catch (error) {
    if (!(error instanceof AppError) || error.kind !== 'invalid') throw error;
    const fieldErrors = error.fieldErrors.length > 0 ? error.fieldErrors : [{ path: '', code: error.code }];
    throw new RowInsertError(
      fieldErrors.map((fieldError) => {
        const position = fieldError.path ? positionOf(fieldError.path.split('.')) : null;
        return {
          row,
          column: position ? (headers.get(position.column) ?? position.column) : null,
          code: fieldError.code,
          ...(position?.item ? { params: { item: position.item } } : {}),
        };
      }),
    );
  }
}

async function createVendors(ctx: AppContext, tx: Database, scope: OrgScope, validated: ValidatedImport) {
  const createdIds = new Map<string, string>();
  const existing = new Map((await vendors.vendorsOfOrg(tx, scope.orgId)).map((row) => [nameKey(row.name), row.id]));
  for (const { row, input, parentName } of parentsFirst(validated.vendors)) {
    const parentKey = parentName ? nameKey(parentName) : null;
    const parentVendorId = parentKey ? (createdIds.get(parentKey) ?? existing.get(parentKey) ?? null) : null;
    const created = await insertRow(row, validated.headers, vendorPosition, () =>
      vendors.insertVendor(ctx, tx, scope, { ...input, parentVendorId }),
    );
    createdIds.set(nameKey(created.name), created.id);
  }
  return validated.vendors.length;
}

/** Creates every validated row through the owning module, inside the caller's transaction; how many were created. */
export async function createRows(
  ctx: AppContext,
  tx: Database,
  scope: OrgScope,
  validated: ValidatedImport,
): Promise<number> {
  switch (validated.entity) {
    case 'vendors':
      return createVendors(ctx, tx, scope, validated);
    case 'systems':
      for (const { row, input } of validated.systems) {
        await insertRow(row, validated.headers, systemPosition, () => inventory.insertSystem(ctx, tx, scope, input));
      }
      return validated.systems.length;
    case 'activities':
      for (const { row, input } of validated.activities) {
        await insertRow(row, validated.headers, activityPosition, () => register.insertActivity(ctx, tx, scope, input));
      }
      return validated.activities.length;
  }
}
