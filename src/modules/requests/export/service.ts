/**
 * The export package of a request (issue 11, access and portability): the officer asks for it, a job builds it,
 * the person downloads it through an expiring link that works a few times; every download is audited.
 */
import { recordAudit } from '../../../platform/audit/writer.ts';
import type { AppContext } from '../../../platform/context.ts';
import { hashToken } from '../../../platform/crypto/tokens.ts';
import { inTransaction } from '../../../platform/db/transaction.ts';
import { AppError, conflict } from '../../../platform/errors.ts';
import type { Actor, OrgScope } from '../../../platform/http/access.ts';
import type { JobHandler } from '../../../platform/jobs/definition.ts';
import * as organisations from '../../organisations/service.ts';
import * as requestStore from '../store.ts';
import { findRequestOrFail } from '../use-cases/desk.ts';
import { addEvent } from '../use-cases/events.ts';
import { openContent, referenceOf } from '../use-cases/present.ts';
import { buildExportPackage } from './build.ts';
import type { TDownloadInfo, TRequestExport } from './contract.ts';
import { requestExportExpiryJob, requestExportJob } from './jobs.ts';
import { downloadsLeft, downloadVerdict, MAX_DOWNLOADS, packageFileName } from './rules.ts';
import * as store from './store.ts';

export { buildExportPackage } from './build.ts';
export { requestExportExpiryJob, requestExportJob };

const DOWNLOAD_ACTOR: Actor = { type: 'system', id: 'request_download' };

function present(row: store.ExportHead): TRequestExport {
  return {
    id: row.id,
    status: row.status as TRequestExport['status'],
    error: row.error,
    sizeBytes: row.sizeBytes,
    recordCount: row.recordCount,
    sha256: row.sha256,
    contents: row.contents ?? [],
    createdAt: row.createdAt.toISOString(),
    builtAt: row.builtAt?.toISOString() ?? null,
    expiresAt: row.expiresAt?.toISOString() ?? null,
    downloadCount: row.downloadCount,
    downloadsLeft: row.status === 'ready' ? downloadsLeft(row.downloadCount) : 0,
    lastDownloadedAt: row.lastDownloadedAt?.toISOString() ?? null,
  };
}

/**
 * Queues an export package for a request: only for a confirmed, unclosed request with findings and an e-mail
 * address to send the link to.
 */
export async function requestExport(ctx: AppContext, scope: OrgScope, requestId: string): Promise<TRequestExport> {
  await findRequestOrFail(ctx.db, scope, requestId);
  const created = await inTransaction(ctx.db, async (tx) => {
    const request = await requestStore.lockRequest(tx, scope.orgId, requestId);
    if (!request) throw new AppError('not_found', 'request_not_found');
    if (request.status === 'unconfirmed') throw conflict('request_unconfirmed');
    if (request.status === 'closed') throw conflict('request_closed');
    if (!openContent(ctx, request)?.email) throw conflict('export_no_email');
    if (!(await store.hasFindings(tx, scope.orgId, requestId))) throw conflict('export_no_findings');
    const row = await store.insertExport(tx, {
      orgId: scope.orgId,
      requestId,
      status: 'queued',
      requestedBy: scope.actor.id,
    });
    await addEvent(ctx, tx, request, 'export_requested', scope.actor, { data: { exportId: row.id } });
    return row;
  });
  await ctx.jobs.send(requestExportJob, { orgId: scope.orgId, exportId: created.id });
  return present(created);
}

export async function listExports(ctx: AppContext, scope: OrgScope, requestId: string) {
  await findRequestOrFail(ctx.db, scope, requestId);
  return { items: (await store.exportsOf(ctx.db, scope.orgId, requestId)).map(present) };
}

const LINK_PROBLEMS = {
  not_ready: 'export_link_invalid',
  expired: 'export_link_expired',
  used_up: 'export_link_used_up',
} as const;

/** The package behind a link, or a 404 that says why (unknown, expired, used up). */
async function usablePackage(ctx: AppContext, token: string): Promise<store.ExportHead> {
  const row = await store.findByToken(ctx.db, hashToken(token));
  if (!row) throw new AppError('not_found', 'export_link_invalid');
  const verdict = downloadVerdict(row, ctx.clock.now());
  if (verdict !== 'ok') throw new AppError('not_found', LINK_PROBLEMS[verdict]);
  return row;
}

/** What the download page shows: whose package, what is in it, until when and how often it can be downloaded. */
export async function getDownloadInfo(ctx: AppContext, token: string): Promise<TDownloadInfo> {
  const row = await usablePackage(ctx, token);
  const request = await requestStore.findRequest(ctx.db, row.orgId, row.requestId);
  const org = await organisations.organisationByRef(ctx, row.orgId);
  if (!request || !org) throw new AppError('not_found', 'export_link_invalid');
  const reference = referenceOf(request);
  return {
    organisationName: org.name,
    reference,
    locale: request.locale === 'en' ? 'en' : 'nl',
    fileName: packageFileName(reference),
    sizeBytes: row.sizeBytes ?? 0,
    recordCount: row.recordCount ?? 0,
    sha256: row.sha256 ?? '',
    contents: row.contents ?? [],
    expiresAt: (row.expiresAt as Date).toISOString(),
    downloadsLeft: downloadsLeft(row.downloadCount),
  };
}

/**
 * One download: counts it, audits it and puts it on the timeline in one transaction, and returns the opened ZIP.
 * Two downloads at once cannot both take the last one.
 */
export async function downloadPackage(
  ctx: AppContext,
  token: string,
): Promise<{ fileName: string; bytes: Buffer; sha256: string }> {
  const head = await usablePackage(ctx, token);
  const now = ctx.clock.now();
  return inTransaction(ctx.db, async (tx) => {
    const row = await store.takeDownload(tx, hashToken(token), now, MAX_DOWNLOADS);
    if (!row) throw new AppError('not_found', 'export_link_used_up');
    const request = await requestStore.findRequest(tx, row.orgId, row.requestId);
    const reference = request ? referenceOf(request) : null;
    const bytes = openPackage(ctx, row.packageSealed);
    const data = { exportId: row.id, download: row.downloadCount, downloadsLeft: downloadsLeft(row.downloadCount) };
    await addEvent(ctx, tx, { orgId: row.orgId, id: row.requestId }, 'export_downloaded', DOWNLOAD_ACTOR, { data });
    await recordAudit(tx, now, {
      orgId: row.orgId,
      actor: DOWNLOAD_ACTOR,
      action: 'subject_request.export_downloaded',
      target: { type: 'subject_request', id: row.requestId, name: reference },
      data,
    });
    return { fileName: packageFileName(reference ?? head.id), bytes, sha256: row.sha256 ?? '' };
  });
}

/**
 * The ZIP of a stored package. `privacydesk secrets rotate` does not re-seal packages (they live 14 days): one
 * sealed with a key that is no longer listed as previous cannot be opened, and the person is asked for a new one.
 */
function openPackage(ctx: AppContext, sealed: Buffer): Buffer {
  try {
    return ctx.secrets.openBytes(sealed);
  } catch {
    throw new AppError('not_found', 'export_unreadable');
  }
}

/** Drops the bytes of packages whose link has expired. */
export async function expirePackages(ctx: AppContext): Promise<number> {
  return inTransaction(ctx.db, (tx) => store.expirePackages(tx, ctx.clock.now()));
}

export function exportJobHandlers(ctx: AppContext): JobHandler[] {
  return [
    {
      definition: requestExportJob,
      handle: async (payload: { orgId: string; exportId: string }) => void (await buildExportPackage(ctx, payload)),
    },
    { definition: requestExportExpiryJob, handle: async () => void (await expirePackages(ctx)) },
  ] as JobHandler[];
}
