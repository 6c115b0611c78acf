/**
 * The signed agreement as a PDF (or the Data Pro Statement beside it), checked by its bytes and size with the
 * measures register's file check and sealed with the instance key before it is stored.
 */
import { createHash } from 'node:crypto';
import type { AppContext } from '../../../platform/context.ts';
import { inTransaction } from '../../../platform/db/transaction.ts';
import { AppError, invalidField, notFound } from '../../../platform/errors.ts';
import type { OrgScope } from '../../../platform/http/access.ts';
import { DEFAULT_LOCALE, type Locale } from '../../../platform/i18n/index.ts';
import { checkEvidenceFile, safeFileName } from '../../measures/rules.ts';
import { MAX_AGREEMENT_DOCUMENT_BYTES, type TAgreement } from '../contract.ts';
import * as store from '../store.ts';
import { auditAgreement, getAgreement } from './agreements.ts';

export const documentTooLarge = () =>
  new AppError('too_large', 'agreement_document_too_large', { params: { limit: '10 MB' } });
const notPdf = () => new AppError('unsupported_media_type', 'agreement_document_not_pdf');

const FILE_ERRORS = {
  evidence_empty: () => invalidField('file', 'evidence_empty'),
  evidence_too_large: documentTooLarge,
  evidence_type_not_allowed: notPdf,
  evidence_type_mismatch: notPdf,
} as const;

/** Checks the file (a PDF by its bytes, name and claimed type; at most 10 MB), then stores it sealed. */
export async function uploadDocument(
  ctx: AppContext,
  scope: OrgScope,
  agreementId: string,
  file: { bytes: unknown; fileName: string; claimedType: string | null; kind: TAgreement['documentKind'] },
  locale: Locale = DEFAULT_LOCALE,
): Promise<TAgreement> {
  if (!(await store.findAgreement(ctx.db, scope.orgId, agreementId))) throw notFound('agreement_not_found');
  if (file.fileName.trim() === '') throw invalidField('fileName', 'required');
  if (!Buffer.isBuffer(file.bytes)) throw notPdf();
  const fileName = safeFileName(file.fileName);
  const checked = checkEvidenceFile(
    { bytes: file.bytes, fileName, claimedType: file.claimedType },
    MAX_AGREEMENT_DOCUMENT_BYTES,
  );
  if ('error' in checked) throw FILE_ERRORS[checked.error]();
  if (checked.mediaType !== 'application/pdf') throw notPdf();
  const bytes = file.bytes;
  await inTransaction(ctx.db, async (tx) => {
    const agreement = await store.findAgreement(tx, scope.orgId, agreementId, true);
    if (!agreement) throw notFound('agreement_not_found');
    const sha256 = createHash('sha256').update(bytes).digest('hex');
    const document = await store.insertDocument(tx, {
      orgId: scope.orgId,
      agreementId,
      kind: file.kind,
      fileName,
      mediaType: checked.mediaType,
      sizeBytes: bytes.length,
      sha256,
      contentSealed: ctx.secrets.sealBytes(bytes),
      createdBy: scope.actor.type === 'user' ? scope.actor.id : null,
    });
    await auditAgreement(tx, ctx, scope, agreement, 'processor_agreement.document_added', {
      documentId: document.id,
      kind: file.kind,
      sha256,
    });
  });
  return getAgreement(ctx, scope, agreementId, locale);
}

export async function removeDocument(
  ctx: AppContext,
  scope: OrgScope,
  agreementId: string,
  documentId: string,
  locale: Locale = DEFAULT_LOCALE,
): Promise<TAgreement> {
  await inTransaction(ctx.db, async (tx) => {
    const agreement = await store.findAgreement(tx, scope.orgId, agreementId, true);
    if (!agreement) throw notFound('agreement_not_found');
    if (!(await store.deleteDocument(tx, scope.orgId, agreementId, documentId)))
      throw notFound('agreement_document_not_found');
    await auditAgreement(tx, ctx, scope, agreement, 'processor_agreement.document_removed', { documentId });
  });
  return getAgreement(ctx, scope, agreementId, locale);
}

/** The document, opened. */
export async function downloadDocument(ctx: AppContext, scope: OrgScope, agreementId: string, documentId: string) {
  const row = await store.findDocument(ctx.db, scope.orgId, agreementId, documentId);
  if (!row) throw notFound('agreement_document_not_found');
  return { fileName: row.fileName, mediaType: row.mediaType, body: ctx.secrets.openBytes(row.contentSealed) };
}
