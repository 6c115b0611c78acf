import { recordAudit } from '../../../platform/audit/writer.ts';
import type { AppContext } from '../../../platform/context.ts';
import type { Database } from '../../../platform/db/database.ts';
import { inTransaction } from '../../../platform/db/transaction.ts';
import { AppError } from '../../../platform/errors.ts';
import type { OrgScope } from '../../../platform/http/access.ts';
import type { Locale } from '../../../platform/i18n/index.ts';
import type { TImportReport } from '../../register/contract.ts';
import { ENTITY_NAMES } from '../columns/index.ts';
import { type ImportLookups, loadLookups } from '../import/lookups.ts';
import { readTableOffThread } from '../import/read-off-thread.ts';
import type { Table } from '../import/read-table.ts';
import { presentErrors } from '../import/report.ts';
import { sampleOf } from '../import/sample.ts';
import { type ImportEntity, type ValidatedImport, validateTable } from '../import/validate-table.ts';
import { createRows, RowInsertError } from './create-rows.ts';

export type UploadKind = 'csv' | 'xlsx' | 'sniff';

export interface ImportRequest {
  entity: ImportEntity;
  mode: 'preview' | 'apply';
  file: Buffer;
  /** What the request's content type says the file is; `sniff` when it could be either (application/vnd.ms-excel). */
  kind: UploadKind;
}

/** An import with errors that was asked to apply: a 400 that carries the whole report. */
export class ImportNotCleanError extends AppError {
  readonly report: TImportReport;
  constructor(report: TImportReport) {
    super('invalid', 'import_not_clean', { params: { errors: report.errors.length } });
    this.report = report;
  }
}

const ZIP_MAGIC = [0x50, 0x4b, 0x03, 0x04];
const OLE2_MAGIC = [0xd0, 0xcf, 0x11, 0xe0];
const startsWith = (bytes: Uint8Array, magic: number[]) => magic.every((byte, index) => bytes[index] === byte);

/**
 * The file as a table, read off the request thread when large. A spreadsheet's binary (an XLSX sent as CSV, an old
 * .xls) is refused, not read as text.
 */
async function readTable(request: ImportRequest): Promise<Table> {
  const { file } = request;
  const isZip = startsWith(file, ZIP_MAGIC);
  if (startsWith(file, OLE2_MAGIC)) throw new AppError('invalid', 'file_unreadable');
  const sheetNames = ENTITY_NAMES[request.entity];
  if (request.kind === 'xlsx' || (request.kind === 'sniff' && isZip)) {
    return readTableOffThread({ format: 'xlsx', bytes: file, sheetNames });
  }
  if (isZip || file.includes(0)) throw new AppError('invalid', 'file_unreadable');
  return readTableOffThread({ format: 'csv', bytes: file, sheetNames });
}

function report(
  validated: ValidatedImport,
  lookups: ImportLookups,
  locale: Locale,
  created: number | null,
): TImportReport {
  const errors = presentErrors(validated.errors, locale);
  return {
    entity: validated.entity,
    rows: validated.rows,
    isClean: errors.length === 0,
    errors,
    created,
    sample: errors.length === 0 ? sampleOf(validated, lookups) : [],
  };
}

async function validate(
  ctx: AppContext,
  db: Database,
  scope: OrgScope,
  table: Table,
  entity: ImportEntity,
  locale: Locale,
) {
  const lookups = await loadLookups(ctx, db, scope, locale);
  return { lookups, validated: validateTable(entity, table, lookups, locale) };
}

/**
 * Imports activities, systems or vendors from a CSV or XLSX file. `preview` reports every row error and a sample
 * and writes nothing. `apply` checks again inside one transaction and, only when no row has an error, creates every
 * row through the owning module's insert function, with one audit record for the import; otherwise it refuses with
 * the same errors and nothing is written.
 */
export async function importRegister(
  ctx: AppContext,
  scope: OrgScope,
  request: ImportRequest,
  locale: Locale,
): Promise<TImportReport> {
  const table = await readTable(request);
  if (request.mode === 'preview') {
    const { lookups, validated } = await validate(ctx, ctx.db, scope, table, request.entity, locale);
    return report(validated, lookups, locale, null);
  }
  return inTransaction(ctx.db, async (tx) => {
    const { lookups, validated } = await validate(ctx, tx, scope, table, request.entity, locale);
    if (validated.errors.length > 0) throw new ImportNotCleanError(report(validated, lookups, locale, null));
    const created = await createRows({ ...ctx, db: tx }, tx, scope, validated).catch((error: unknown) => {
      throw asNotClean(error, validated, lookups, locale);
    });
    await recordAudit(tx, ctx.clock.now(), {
      orgId: scope.orgId,
      actor: scope.actor,
      action: 'register.imported',
      target: { type: 'organisation', id: scope.orgId },
      data: { entity: request.entity, rows: validated.rows, created },
    });
    return report(validated, lookups, locale, created);
  });
}

/** A module refused a row the checks passed (a rule only it knows): report it on that row; nothing is kept. */
function asNotClean(error: unknown, validated: ValidatedImport, lookups: ImportLookups, locale: Locale): unknown {
  if (!(error instanceof RowInsertError)) return error;
  return new ImportNotCleanError(report({ ...validated, errors: error.errors }, lookups, locale, null));
}
