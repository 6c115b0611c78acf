/**
 * Evidence of a measure: a link, a note, or a file (PDF, PNG or JPEG by its bytes, at most 10 MiB) sealed with the
 * instance key before it is stored. A file whose name or media type claims something its bytes are not is refused.
 */
import { createHash } from 'node:crypto';
import type { AppContext } from '../../../platform/context.ts';
import { inTransaction } from '../../../platform/db/transaction.ts';
import { AppError, invalidField, notFound } from '../../../platform/errors.ts';
import type { OrgScope } from '../../../platform/http/access.ts';
import { DEFAULT_LOCALE, type Locale } from '../../../platform/i18n/index.ts';
import { MAX_EVIDENCE_BYTES, type TAddEvidence, type TMeasure, ZAddEvidence } from '../contract.ts';
import { checkEvidenceFile, safeFileName } from '../rules.ts';
import * as store from '../store.ts';
import { auditMeasure, getMeasure } from './measures.ts';

type EvidenceValues = Omit<Parameters<typeof store.insertEvidence>[1], 'orgId' | 'measureId'>;

async function addEvidenceRow(
  ctx: AppContext,
  scope: OrgScope,
  measureId: string,
  values: EvidenceValues,
  locale: Locale,
): Promise<TMeasure> {
  await inTransaction(ctx.db, async (tx) => {
    const measure = await store.lockMeasure(tx, scope.orgId, measureId);
    if (!measure) throw notFound('measure_not_found');
    const evidence = await store.insertEvidence(tx, {
      ...values,
      orgId: scope.orgId,
      measureId,
      createdBy: scope.actor.type === 'user' ? scope.actor.id : null,
    });
    await auditMeasure(tx, ctx, scope, measure, 'security_measure.evidence_added', {
      evidenceId: evidence.id,
      kind: values.kind,
      ...(values.sha256 ? { sha256: values.sha256 } : {}),
    });
  });
  return getMeasure(ctx, scope, measureId, locale);
}

export function addEvidence(
  ctx: AppContext,
  scope: OrgScope,
  measureId: string,
  body: TAddEvidence,
  locale: Locale = DEFAULT_LOCALE,
): Promise<TMeasure> {
  const input = ZAddEvidence.parse(body);
  const values =
    input.kind === 'link' ? { kind: 'link', url: input.url, note: input.note } : { kind: 'note', note: input.note };
  return addEvidenceRow(ctx, scope, measureId, values, locale);
}

const FILE_ERRORS = {
  evidence_empty: () => invalidField('file', 'evidence_empty'),
  evidence_too_large: () => new AppError('too_large', 'evidence_too_large', { params: { limit: '10 MB' } }),
  evidence_type_not_allowed: () => new AppError('unsupported_media_type', 'evidence_type_not_allowed'),
  evidence_type_mismatch: () => new AppError('unsupported_media_type', 'evidence_type_mismatch'),
} as const;

/** Checks the file against the limit and its claimed type, then stores it sealed. The measure is checked first. */
export async function addEvidenceFile(
  ctx: AppContext,
  scope: OrgScope,
  measureId: string,
  file: { bytes: unknown; fileName: string; claimedType: string | null; note: string },
  locale: Locale = DEFAULT_LOCALE,
): Promise<TMeasure> {
  if (!(await store.findMeasure(ctx.db, scope.orgId, measureId))) throw notFound('measure_not_found');
  if (file.fileName.trim() === '') throw invalidField('fileName', 'required');
  if (!Buffer.isBuffer(file.bytes)) throw new AppError('unsupported_media_type', 'evidence_type_not_allowed');
  const fileName = safeFileName(file.fileName);
  const checked = checkEvidenceFile({ bytes: file.bytes, fileName, claimedType: file.claimedType }, MAX_EVIDENCE_BYTES);
  if ('error' in checked) throw FILE_ERRORS[checked.error]();
  return addEvidenceRow(
    ctx,
    scope,
    measureId,
    {
      kind: 'file',
      fileName,
      mediaType: checked.mediaType,
      sizeBytes: file.bytes.length,
      sha256: createHash('sha256').update(file.bytes).digest('hex'),
      contentSealed: ctx.secrets.sealBytes(file.bytes),
      note: file.note,
    },
    locale,
  );
}

export async function removeEvidence(
  ctx: AppContext,
  scope: OrgScope,
  measureId: string,
  evidenceId: string,
  locale: Locale = DEFAULT_LOCALE,
): Promise<TMeasure> {
  await inTransaction(ctx.db, async (tx) => {
    const measure = await store.lockMeasure(tx, scope.orgId, measureId);
    if (!measure) throw notFound('measure_not_found');
    if (!(await store.deleteEvidence(tx, scope.orgId, measureId, evidenceId))) throw notFound('evidence_not_found');
    await auditMeasure(tx, ctx, scope, measure, 'security_measure.evidence_removed', { evidenceId });
  });
  return getMeasure(ctx, scope, measureId, locale);
}

/** The file, opened; links and notes have none. */
export async function downloadEvidence(ctx: AppContext, scope: OrgScope, measureId: string, evidenceId: string) {
  const row = await store.findEvidence(ctx.db, scope.orgId, measureId, evidenceId);
  if (!row) throw notFound('evidence_not_found');
  if (row.kind !== 'file' || !row.contentSealed) throw notFound('evidence_not_a_file');
  return {
    fileName: row.fileName ?? 'bewijs',
    mediaType: row.mediaType ?? 'application/octet-stream',
    body: ctx.secrets.openBytes(row.contentSealed),
  };
}
