import { recordAudit } from '../../../platform/audit/writer.ts';
import type { AppContext } from '../../../platform/context.ts';
import { inTransaction } from '../../../platform/db/transaction.ts';
import { invalidField, notFound } from '../../../platform/errors.ts';
import type { OrgScope } from '../../../platform/http/access.ts';
import type { Locale } from '../../../platform/i18n/index.ts';
import type { TExportProgress, TExportQuery } from '../../register/contract.ts';
import { ENTITY_NAMES } from '../columns/index.ts';
import { entityCsv, registerCsvZip } from '../export/csv-files.ts';
import { registerJson } from '../export/json.ts';
import { type PdfProgressListener, registerPdfFor } from '../export/pdf-off-thread.ts';
import { exportProgress, recordExportProgress } from '../export/progress.ts';
import { registerXlsx } from '../export/xlsx.ts';
import { countsOf, type RegisterEntity, type RegisterSnapshot } from '../snapshot.ts';
import { loadSnapshot } from './load-snapshot.ts';

/** A file to hand to the caller: its bytes, media type and a name to save it under. */
export interface ExportFile {
  body: Buffer;
  contentType: string;
  fileName: string;
  /** How many entries of each entity the file holds. */
  counts: Record<RegisterEntity, number>;
}

export const XLSX_MEDIA_TYPE = 'application/vnd.openxmlformats-officedocument.spreadsheetml.sheet';

function fileName(snapshot: RegisterSnapshot, extension: string, entity?: RegisterEntity, locale: Locale = 'nl') {
  const part = entity ? `-${ENTITY_NAMES[entity][locale]}` : '';
  return `register-${snapshot.organisation.slug}${part}-${snapshot.exportDate}.${extension}`;
}

async function render(
  snapshot: RegisterSnapshot,
  query: TExportQuery,
  locale: Locale,
  onProgress: PdfProgressListener | undefined,
): Promise<Omit<ExportFile, 'counts'>> {
  switch (query.format) {
    case 'pdf':
      return {
        body: await registerPdfFor(snapshot, locale, onProgress),
        contentType: 'application/pdf',
        fileName: fileName(snapshot, 'pdf'),
      };
    case 'xlsx':
      return {
        body: await registerXlsx(snapshot, locale),
        contentType: XLSX_MEDIA_TYPE,
        fileName: fileName(snapshot, 'xlsx'),
      };
    case 'json':
      return {
        body: registerJson(snapshot, locale),
        contentType: 'application/json; charset=utf-8',
        fileName: fileName(snapshot, 'json'),
      };
    case 'csv':
      if (query.entity) {
        return {
          body: Buffer.from(entityCsv(snapshot, query.entity, locale), 'utf8'),
          contentType: 'text/csv; charset=utf-8',
          fileName: fileName(snapshot, 'csv', query.entity, locale),
        };
      }
      return {
        body: registerCsvZip(snapshot, locale),
        contentType: 'application/zip',
        fileName: fileName(snapshot, 'zip'),
      };
  }
}

/** Where an export's progress goes: to the caller's listener, and under `progressId` for the export page to poll. */
function progressReporter(scope: OrgScope, query: TExportQuery, onProgress?: (progress: TExportProgress) => void) {
  const { progressId } = query;
  if (!progressId && !onProgress) return undefined;
  return (progress: TExportProgress) => {
    if (progressId) recordExportProgress(scope.orgId, progressId, progress);
    onProgress?.(progress);
  };
}

/**
 * The register as a file (PDF, XLSX, CSV or a ZIP of CSVs, JSON) in the chosen language, with an audit record of
 * what was exported (format and counts, no content). A PDF reports its pages as they are laid out and drawn.
 */
export async function exportRegister(
  ctx: AppContext,
  scope: OrgScope,
  query: TExportQuery,
  locale: Locale,
  options: { onProgress?: (progress: TExportProgress) => void } = {},
): Promise<ExportFile> {
  if (query.entity && query.format !== 'csv') throw invalidField('entity', 'entity_csv_only');
  const report = progressReporter(scope, query, options.onProgress);
  report?.({ phase: 'preparing' });
  let file: ExportFile;
  try {
    const snapshot = await loadSnapshot(ctx, scope, locale);
    file = { ...(await render(snapshot, query, locale, report)), counts: countsOf(snapshot) };
  } catch (error) {
    report?.({ phase: 'failed' });
    throw error;
  }
  report?.({ phase: 'done' });
  await inTransaction(ctx.db, (tx) =>
    recordAudit(tx, ctx.clock.now(), {
      orgId: scope.orgId,
      actor: scope.actor,
      action: 'register.exported',
      target: { type: 'organisation', id: scope.orgId },
      data: { format: query.format, locale, entity: query.entity ?? null, counts: file.counts },
    }),
  );
  return file;
}

/** How far the caller's export with this progress id is (404 when this instance knows of none). */
export function getExportProgress(scope: OrgScope, id: string): TExportProgress {
  const progress = exportProgress(scope.orgId, id);
  if (!progress) throw notFound('export_progress_not_found');
  return progress;
}
